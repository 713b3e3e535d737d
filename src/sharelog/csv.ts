/**
 * Streaming RFC 4180 scanner over raw bytes. Fed byte chunks with `push`, it hands every record
 * to a handler, with `line` the physical line (1-based) where the record starts and `raw` (or its
 * byte range) the record's original text. Blank lines are skipped (but counted for line numbers).
 *
 * Speed: the scanner never builds a string per line. One pass over the bytes finds the
 * separators and the line end and records each field as a byte range (`fields`), which the CSV
 * reader (csvsource.ts) reads in place. A quoted field is still a plain range when it holds no
 * doubled quote and no newline and is followed by the separator or the line end (e.g.
 * `"Ventes, export"`), which covers what spreadsheets export. Anything else — doubled quotes,
 * newlines inside quotes, text after a closing quote, an unterminated quote — goes through the
 * general parser (csvquoted.ts) and arrives decoded (`record`). A `"` that does not start a
 * field is an ordinary character, as in the general parser.
 *
 * A UTF-8 BOM at the start of the input is dropped. The separator (`,`, `;` or a tab) is detected
 * on the first record (the header): the most frequent outside quotes; the header always
 * arrives through `record`. Lines starting with `#` before the header (the comment block of a
 * Google Analytics 4 export) arrive through `record` as one cell each. A quoted field left open for more than MAX_PENDING bytes is treated
 * as a stray quote: its first line is emitted as a record with no fields (the caller sees a
 * wrong field count) and parsing resumes on the next line, so memory stays bounded.
 */
import { FNV_PRIME, FNV_SEED, fnv } from './bytetable.ts';
import { CR, countLines, LF, parseQuoted, QUOTE } from './csvquoted.ts';

export const MAX_PENDING = 1 << 20;

export interface CsvHandler {
  /**
   * A record of plain fields: field k is buf[bounds[2k], bounds[2k+1]) and hashes[k] the FNV-1a
   * state of its bytes (bytetable.ts `mix` finishes it); buf[start, end) is the whole record
   * (line ending excluded). The views are only valid during the call.
   */
  fields(
    buf: Buffer,
    bounds: Int32Array,
    hashes: Int32Array,
    count: number,
    line: number,
    start: number,
    end: number,
  ): void;
  /** Index of a column whose hash is not needed (hashes[k] is then meaningless); read per chunk. */
  unhashed?: number;
  /** Any other record (and the header), decoded. */
  record(fields: string[], line: number, raw: string): void;
}

function detectSeparator(header: string): number {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const c = header.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && c === 44) commas++;
    else if (!quoted && c === 59) semicolons++;
    else if (!quoted && c === 9) tabs++;
  }
  if (tabs > commas && tabs > semicolons) return 9; // TSV (Matomo's format=tsv)
  return semicolons > commas ? 59 : 44;
}

export function isBlank(text: string): boolean {
  return text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '');
}

export function createCsvScanner(handler: CsvHandler) {
  let buf = Buffer.allocUnsafe(1 << 16);
  let n = 0; // bytes of pending input in buf
  let line = 1;
  let sep = -1; // until the header is read
  let started = false; // BOM checked
  let open = false; // the last record ran to the end of the input (no LF ended it)
  let bounds: Int32Array = new Int32Array(32);
  let hashes: Int32Array = new Int32Array(16);

  /** Text of buf[start, end) minus one trailing CR. */
  const rawText = (start: number, end: number) =>
    buf.toString('utf8', start, end > start && buf[end - 1] === CR ? end - 1 : end);

  /** A record the byte path does not take: parse it in full. Returns the next position, or -1 to wait. */
  function general(pos: number, final: boolean): number {
    let nl = buf.indexOf(LF, pos);
    if (nl === -1 || nl >= n) {
      if (!final) return -1;
      nl = n;
    }
    if (sep < 0) {
      const header = rawText(pos, nl);
      if (isBlank(header)) {
        line++;
        return nl + 1;
      }
      if (header.startsWith('#')) {
        // A comment block before the header (Google Analytics 4 writes one): one cell each.
        handler.record([header], line++, header);
        return nl + 1;
      }
      sep = detectSeparator(header);
    }
    const rec = parseQuoted(buf, pos, n, sep, final);
    if (rec === null) {
      if (n - pos <= MAX_PENDING) return -1;
      handler.record([], line++, rawText(pos, nl)); // stray quote: give up on this line
      return nl + 1;
    }
    open = rec.end >= n;
    handler.record(rec.fields, line, rawText(pos, rec.end));
    line += countLines(buf, pos, rec.end) + 1;
    return rec.end + 1;
  }

  function run(final: boolean): void {
    let pos = 0;
    if (!started) {
      if (n < 3 && !final) return;
      started = true;
      if (n >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    }
    while (sep < 0 && pos < n) {
      const next = general(pos, final);
      if (next < 0) break;
      pos = next;
    }
    if (sep >= 0) pos = scan(pos, final);
    if (pos >= n) n = 0;
    else if (pos > 0) {
      buf.copyWithin(0, pos, n);
      n -= pos;
    }
  }

  /**
   * The hot loop, over records after the header. Returns where the unconsumed input starts.
   * Everything it touches per byte is a local (closure variables are reloaded on every access),
   * and it hashes each field as it goes (FNV-1a, see bytetable.ts): the caches and the deduper
   * then look fields up without reading their bytes a second time just to hash them.
   */
  function scan(from: number, final: boolean): number {
    const b = buf;
    const s = sep;
    const lim = n;
    let bs = bounds;
    let hs = hashes;
    let pos = from;
    const unhashed = handler.unhashed ?? -1;
    outer: while (pos < lim) {
      let i = pos;
      let count = 0;
      let quoted = false;
      // One field per iteration, i at its first byte. Only the first byte is checked for a quote
      // (elsewhere `"` is an ordinary character), so the inner loops test two bytes: s and LF.
      for (;;) {
        let fieldStart = i;
        let fieldEnd: number;
        let h = FNV_SEED;
        quoted = i < lim && b[i] === QUOTE;
        if (quoted) {
          // A quoted field is still a plain range when it closes on this line, with no doubled
          // quote, right before the separator or the line end.
          let j = i + 1;
          while (j < lim && b[j] !== QUOTE && b[j] !== LF) j++;
          if (j >= lim && !final) break outer;
          let k = j + 1; // after the closing quote
          if (k < lim && b[k] === CR) k++;
          if (k >= lim && !final) break outer;
          const after = k < lim ? (b[k] as number) : LF;
          if (j >= lim || b[j] === LF || (after !== LF && (after !== s || k !== j + 1))) {
            // Newline inside quotes, unterminated at the end of the input, doubled quote, or
            // text after the closing quote: the general parser's business.
            const next = general(pos, final);
            if (next < 0) break outer;
            pos = next;
            continue outer;
          }
          fieldStart = i + 1;
          fieldEnd = j;
          if (count !== unhashed) h = fnv(b, fieldStart, j);
          i = k;
        } else {
          if (count === unhashed) {
            while (i < lim) {
              const c = b[i] as number;
              if (c === s || c === LF) break;
              i++;
            }
          } else {
            while (i < lim) {
              const c = b[i] as number;
              if (c === s || c === LF) break;
              h = Math.imul(h ^ c, FNV_PRIME);
              i++;
            }
          }
          fieldEnd = i;
        }
        if (i >= lim && !final) break outer; // the line goes on in the next chunk
        if (2 * count + 2 >= bs.length) [bs, hs] = grow();
        bs[2 * count] = fieldStart;
        bs[2 * count + 1] = fieldEnd;
        hs[count++] = h;
        if (i < lim && b[i] === s) i++;
        else break;
      }
      // i is at the LF or at the end of the input.
      open = i >= lim;
      const end = i > pos && b[i - 1] === CR ? i - 1 : i;
      if (end === pos || ((b[pos] as number) <= 32 && isBlank(b.toString('utf8', pos, end)))) {
        line++;
        pos = i + 1;
        continue;
      }
      if (!quoted && end < i) {
        // The CR of a CRLF ended the last field: drop it (and from the hash).
        const last = count - 1;
        bs[2 * last + 1] = end;
        if (last !== unhashed) hs[last] = fnv(b, bs[2 * last] as number, end);
      }
      handler.fields(b, bs, hs, count, line, pos, end);
      line++;
      pos = i + 1;
    }
    return pos;
  }

  /** Doubles the per-field arrays (a header with many columns). */
  function grow(): [Int32Array, Int32Array] {
    const bigger = new Int32Array(bounds.length * 2);
    bigger.set(bounds);
    bounds = bigger;
    const more = new Int32Array(hashes.length * 2);
    more.set(hashes);
    hashes = more;
    return [bounds, hashes];
  }

  return {
    push(chunk: Uint8Array): void {
      if (n + chunk.length > buf.length) {
        const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, n + chunk.length));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      buf.set(chunk, n);
      n += chunk.length;
      run(false);
    },
    end(): void {
      run(true);
      n = 0;
    },
    /**
     * After `end`: whether the input ended between two records. False when the last record ran
     * to the end of the input: a last line without LF, or a quoted field never closed (which a
     * longer input would have extended). Quote parity cannot tell: a `"` inside a field is an
     * ordinary character.
     */
    endsBetweenRecords: (): boolean => !open,
  };
}

/**
 * The same parser with every record decoded to strings: `onRecord(fields, line, raw)`. Accepts
 * text or bytes (text is encoded as UTF-8). Used by tests and by anything that wants plain rows.
 */
export function createCsvParser(onRecord: (fields: string[], line: number, raw: string) => void) {
  const scanner = createCsvScanner({
    fields(buf, bounds, _hashes, count, line, start, end) {
      const fields: string[] = [];
      for (let k = 0; k < count; k++) fields.push(buf.toString('utf8', bounds[2 * k], bounds[2 * k + 1]));
      onRecord(fields, line, buf.toString('utf8', start, end));
    },
    record: onRecord,
  });
  return {
    push: (chunk: string | Uint8Array) => scanner.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk),
    end: () => scanner.end(),
  };
}
