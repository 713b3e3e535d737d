/**
 * A strict RFC 4180 reader for the tests (independent of the code under test): BOM dropped,
 * CRLF record ends, quoted fields with doubled quotes. Throws on anything else.
 */
export function parseCsv(text: string): string[][] {
  if (!text.startsWith('\uFEFF')) throw new Error('no BOM');
  const s = text.slice(1);
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < s.length) {
    let field = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) throw new Error('unclosed quote');
        field += s.slice(i, q);
        i = q + 1;
        if (s[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else {
      const m = /^[^,\r\n"]*/.exec(s.slice(i))?.[0] ?? '';
      field = m;
      i += m.length;
    }
    record.push(field);
    if (s[i] === ',') i++;
    else if (s.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(s[i])} at ${i}`);
  }
  if (record.length) throw new Error('last record without CRLF');
  return records;
}
