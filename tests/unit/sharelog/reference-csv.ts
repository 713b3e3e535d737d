/**
 * The string-based CSV parser the byte scanner replaced, kept verbatim as the reference the
 * scanner must agree with (csv.test.ts compares them on generated inputs).
 */
export type CsvRecord = (fields: string[], line: number, raw: string) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const MAX_PENDING = 1 << 20;

function detectSeparator(header: string): string {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const c = header.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && c === 44) commas++;
    else if (!quoted && c === 59) semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Parses one quoted-style record at `pos`; returns [fields, end] or null if incomplete. */
function parseRecord(buf: string, pos: number, sep: number, final: boolean) {
  const n = buf.length;
  const fields: string[] = [];
  let i = pos;
  for (;;) {
    let value = '';
    if (buf.charCodeAt(i) === QUOTE) {
      let start = ++i;
      for (;;) {
        const q = buf.indexOf('"', i);
        if (q === -1 || (q + 1 === n && !final)) {
          if (!final) return null;
          value += buf.slice(start); // unterminated at end of input: take the rest
          i = n;
          break;
        }
        if (buf.charCodeAt(q + 1) === QUOTE) {
          value += buf.slice(start, q + 1);
          i = start = q + 2;
        } else {
          value += buf.slice(start, q);
          i = q + 1;
          break;
        }
      }
    }
    // Unquoted field, or text after a closing quote (lenient): up to separator or newline.
    const start = i;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (c === sep || c === LF) break;
      i++;
    }
    if (i === n && !final) return null;
    let end = i;
    if (end > start && buf.charCodeAt(end - 1) === CR && (i === n || buf.charCodeAt(i) === LF)) {
      end--;
    }
    fields.push(value + buf.slice(start, end));
    if (i < n && buf.charCodeAt(i) === sep) {
      i++;
      continue;
    }
    return { fields, end: i }; // i at the LF or at the end of input
  }
}

function countLines(buf: string, from: number, to: number): number {
  let count = 0;
  for (let i = buf.indexOf('\n', from); i !== -1 && i < to; i = buf.indexOf('\n', i + 1)) count++;
  return count;
}

function isBlank(text: string): boolean {
  return text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '');
}

export function createCsvParser(onRecord: CsvRecord) {
  let buf = '';
  let line = 1;
  let sep = '';
  let sepCode = 0;

  const run = (final: boolean): void => {
    const n = buf.length;
    let pos = 0;
    let nextQuote = buf.indexOf('"');
    while (pos < n) {
      let nl = buf.indexOf('\n', pos);
      if (nl === -1) {
        if (!final) break;
        nl = n;
      }
      const end = nl > pos && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      if (sep === '') {
        const header = buf.slice(pos, end);
        if (isBlank(header)) {
          line++;
          pos = nl + 1;
          continue;
        }
        sep = detectSeparator(header);
        sepCode = sep.charCodeAt(0);
      }
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = buf.indexOf('"', pos);
      if (nextQuote === -1 || nextQuote >= nl) {
        const text = buf.slice(pos, end);
        if (!isBlank(text)) onRecord(text.split(sep), line, text);
        line++;
        pos = nl + 1;
        continue;
      }
      const rec = parseRecord(buf, pos, sepCode, final);
      if (rec === null) {
        if (n - pos <= MAX_PENDING) break;
        onRecord([], line++, buf.slice(pos, end)); // stray quote: give up on this line
        pos = nl + 1;
        continue;
      }
      const rawEnd = rec.end > pos && buf.charCodeAt(rec.end - 1) === CR ? rec.end - 1 : rec.end;
      onRecord(rec.fields, line, buf.slice(pos, rawEnd));
      line += countLines(buf, pos, rec.end) + 1;
      pos = rec.end + 1;
    }
    buf = pos >= n ? '' : buf.slice(pos);
  };

  return {
    push(chunk: string): void {
      buf = buf === '' ? chunk : buf + chunk;
      run(false);
    },
    end(): void {
      run(true);
      buf = '';
    },
  };
}
