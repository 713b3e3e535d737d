/**
 * Duplicate detection across all inputs. A row with an `event_id` is a duplicate when an earlier
 * row had that id; a row without one when an earlier row without one had the same instant (to the
 * second), ambassador, network, content, event and variant. (Rows that carry ids are compared by
 * id only: two distinct ids are two events, even within the same second.)
 *
 * Both sets are ByteTables (exact: every hash match is confirmed byte for byte), so memory grows
 * with distinct keys only and the ~1M ids of a big export are bytes in one arena, not 1M strings.
 * - event ids are keyed by their UTF-8 bytes, read in place from the CSV buffer (or encoded once
 *   from the string readers), so both paths give the same key for the same text;
 * - composite keys are 24 fixed bytes: the second as a float64 (any year stays exact), then the
 *   interned ambassador, content and variant ids and network·8 + event. The ids are one-to-one
 *   with the trimmed (lower-cased) strings, so equal keys ⇔ equal values.
 */
import { ByteTable } from './bytetable.ts';
import type { ShareEvent } from './types.ts';

const key = { bytes: Buffer.alloc(256), length: 0 };

/**
 * The dedupe key of an event id read as a string (JSON Lines, access logs, quoted CSV): its UTF-8
 * bytes, as the CSV fast path reads them. A string with lone surrogates has no UTF-8 form (they
 * would all become U+FFFD and collide), so it is keyed as 0xFF + its UTF-16 code units instead:
 * 0xFF never occurs in UTF-8, so such keys can equal neither a UTF-8 key nor each other unless
 * the strings are equal. The returned holder is reused by the next call.
 */
export function idKey(id: string): { bytes: Buffer; length: number } {
  const wellFormed = id.isWellFormed();
  const need = wellFormed ? Buffer.byteLength(id) : 1 + 2 * id.length;
  if (need > key.bytes.length) key.bytes = Buffer.alloc(need * 2);
  const bytes = key.bytes;
  if (wellFormed) key.length = bytes.write(id, 0, 'utf8');
  else {
    bytes[0] = 0xff;
    key.length = 1 + bytes.write(id, 1, 'utf16le');
  }
  return key;
}

/** `expected`: a guess of how many rows will carry an event id (sizes the table once). */
export function createDeduper(expected = 1 << 12) {
  const ids = new ByteTable(expected);
  const composites = new ByteTable(1 << 10);
  const key = new Uint8Array(24);
  const second = new Float64Array(key.buffer, 0, 1);
  const parts = new Int32Array(key.buffer, 8, 4);
  /**
   * True when `ev` repeats an earlier event; records it otherwise. `id[start, end)` is the
   * trimmed event id as UTF-8 (empty range: none) and `hash` its hashBytes.
   */
  return function isDuplicate(ev: ShareEvent, id: Uint8Array, start: number, end: number, hash: number): boolean {
    if (end > start) {
      const before = ids.size;
      ids.add(id, start, end, hash);
      return ids.size === before;
    }
    second[0] = Math.floor(ev.ms / 1000) + 0; // + 0 turns -0 into 0 (their bytes differ)
    parts[0] = ev.ambId;
    parts[1] = ev.contentId;
    parts[2] = ev.variantId;
    parts[3] = ev.network * 8 + ev.event;
    const before = composites.size;
    composites.add(key, 0, 24);
    return composites.size === before;
  };
}
