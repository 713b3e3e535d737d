/**
 * Raw CSV cell bytes → a derived integer, computed once per DISTINCT raw value.
 *
 * Events, networks, contents, ambassadors, teams and variants take a few dozen to a few thousand
 * distinct spellings in a million rows. Rather than cut, trim, lower-case and look up a string per
 * cell, the reader looks the cell's bytes up here (in place, in the read buffer) and gets the
 * answer the string rules (normalize.ts) gave the first time those exact bytes were seen. The
 * derivation runs on the decoded text, so trimming, case and Unicode follow the string path
 * exactly; the bytes are only a memo key (ByteTable: exact, collisions confirmed byte by byte).
 *
 * A class rather than a closure: the six caches of a reader share one hidden class, so the hot
 * call site stays monomorphic and V8 inlines it.
 */
import { ByteTable, hashBytes, mix } from './bytetable.ts';

export class FieldCache {
  /** derive(''), for a column the file does not have. */
  readonly empty: number;
  private readonly table = new ByteTable(64);
  private readonly values: number[] = [];
  private readonly derive: (text: string) => number;

  constructor(derive: (text: string) => number) {
    this.derive = derive;
    this.empty = derive('');
  }

  /** derive(text of buf[start, end)), memoised on the bytes; `hash`: their hashBytes. */
  get(buf: Buffer, start: number, end: number, hash = hashBytes(buf, start, end)): number {
    const id = this.table.add(buf, start, end, hash);
    if (id === this.values.length) this.values.push(this.derive(buf.toString('utf8', start, end)));
    return this.values[id] as number;
  }

  /**
   * The value of column `c` of a scanned record (csv.ts `fields`: byte ranges and FNV states), or
   * `empty` when the file has no such column (c < 0).
   */
  cell(c: number, buf: Buffer, bounds: Int32Array, hashes: Int32Array): number {
    if (c < 0) return this.empty;
    return this.get(buf, bounds[2 * c] as number, bounds[2 * c + 1] as number, mix(hashes[c] as number));
  }
}
