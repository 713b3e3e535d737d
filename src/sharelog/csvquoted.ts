/**
 * The general RFC 4180 record parser, for the few records the byte scanner (csv.ts) does not
 * take in its stride: doubled quotes, newlines inside quotes, text after a closing quote
 * (kept, leniently), an unterminated quote at the end of the input. Works on the same bytes as
 * the scanner; every structural character (`"`, separator, CR, LF) is ASCII and UTF-8 never
 * uses ASCII bytes inside a multi-byte character, so cutting between them is always safe and
 * each piece decodes on its own.
 */
export const QUOTE = 34;
export const LF = 10;
export const CR = 13;

/** The index of the next byte `c` in buf[from, to), or -1. */
function next(buf: Uint8Array, c: number, from: number, to: number): number {
  const i = buf.indexOf(c, from);
  return i === -1 || i >= to ? -1 : i;
}

/**
 * Parses one record starting at `pos` in buf[pos, n). Returns the decoded fields and `end` (the
 * index of the LF ending the record, or n), or null when the record may continue past n and more
 * input is coming (`final` false).
 */
export function parseQuoted(
  buf: Buffer,
  pos: number,
  n: number,
  sep: number,
  final: boolean,
): { fields: string[]; end: number } | null {
  const fields: string[] = [];
  let i = pos;
  for (;;) {
    let value = '';
    if (buf[i] === QUOTE && i < n) {
      let start = ++i;
      for (;;) {
        const q = next(buf, QUOTE, i, n);
        if (q === -1 || (q + 1 === n && !final)) {
          if (!final) return null;
          value += buf.toString('utf8', start, n); // unterminated at end of input: take the rest
          i = n;
          break;
        }
        if (q + 1 < n && buf[q + 1] === QUOTE) {
          value += buf.toString('utf8', start, q + 1);
          i = start = q + 2;
        } else {
          value += buf.toString('utf8', start, q);
          i = q + 1;
          break;
        }
      }
    }
    // Unquoted field, or text after a closing quote (lenient): up to separator or newline.
    const start = i;
    while (i < n) {
      const c = buf[i];
      if (c === sep || c === LF) break;
      i++;
    }
    if (i === n && !final) return null;
    let end = i;
    if (end > start && buf[end - 1] === CR && (i === n || buf[i] === LF)) end--;
    fields.push(value + buf.toString('utf8', start, end));
    if (i < n && buf[i] === sep) {
      i++;
      continue;
    }
    return { fields, end: i }; // i at the LF or at the end of input
  }
}

/** Number of LF in buf[from, to). */
export function countLines(buf: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let i = next(buf, LF, from, to); i !== -1; i = next(buf, LF, i + 1, to)) count++;
  return count;
}
