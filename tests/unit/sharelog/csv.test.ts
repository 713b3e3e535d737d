import { describe, expect, it } from 'vitest';
import { createCsvParser } from '../../../src/sharelog/csv.ts';
import { csvField, rejectLine } from '../../../src/sharelog/output.ts';
import { run } from './helpers.ts';
import { createCsvParser as createReferenceParser } from './reference-csv.ts';

function parse(text: string, chunk = text.length || 1) {
  const records: Array<[number, string[], string]> = [];
  const p = createCsvParser((fields, line, raw) => records.push([line, fields, raw]));
  for (let i = 0; i < text.length; i += chunk) p.push(text.slice(i, i + chunk));
  p.end();
  return records;
}

const TRICKY = 'a,b,c\r\n1,"x, y","he said ""hi"""\r\n\r\n2,"multi\nline\r\nvalue",z\n3,,\n"4",5,"6"';

describe('CSV parser', () => {
  it('handles separators, doubled quotes, newlines inside quotes, CRLF and blank lines', () => {
    expect(parse(TRICKY)).toEqual([
      [1, ['a', 'b', 'c'], 'a,b,c'],
      [2, ['1', 'x, y', 'he said "hi"'], '1,"x, y","he said ""hi"""'],
      [4, ['2', 'multi\nline\r\nvalue', 'z'], '2,"multi\nline\r\nvalue",z'],
      [7, ['3', '', ''], '3,,'],
      [8, ['4', '5', '6'], '"4",5,"6"'],
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const whole = parse(TRICKY);
    for (let size = 1; size <= TRICKY.length; size++) expect(parse(TRICKY, size)).toEqual(whole);
  });

  it('detects ";" from the header', () => {
    expect(parse('a;b\n"1;2";3,4\n')).toEqual([
      [1, ['a', 'b'], 'a;b'],
      [2, ['1;2', '3,4'], '"1;2";3,4'],
    ]);
  });

  it('keeps an unterminated quote at end of input as one field', () => {
    expect(parse('a,b\n1,"open\n')).toEqual([
      [1, ['a', 'b'], 'a,b'],
      [2, ['1', 'open\n'], '1,"open\n'],
    ]);
  });
});

describe('CSV input', () => {
  it('maps columns by name in any order, French aliases, BOM-free header, extra columns ignored', async () => {
    const text =
      ' Réseau ;CONTENU;date;Ambassadeur;equipe;événement;autre\n' +
      'li;salon;2026-03-02 10:00;a@x.fr;Ventes;partage;zzz\n';
    const { output, rejects } = await run([['f.csv', text]]);
    expect(rejects).toEqual([]);
    expect(output.byNetwork).toEqual([{ network: 'linkedin', shares: 1, clicks: 0 }]);
    expect(output.byContent).toEqual([{ content: 'salon', shares: 1, clicks: 0 }]);
  });

  it('rejects a record whose field count differs, at the line where it starts', async () => {
    const text = 'timestamp,network,content\n2026-03-02,li,a\n"2026-03-02\n",li,a,extra\n2026-03-02,li\n';
    const { output, rejects } = await run([['f.csv', text]]);
    expect(rejects.map((r) => [r.line, r.reason, r.raw])).toEqual([
      [3, 'wrong field count', '"2026-03-02\n",li,a,extra'],
      [5, 'wrong field count', '2026-03-02,li'],
    ]);
    expect(output.ingest.rows).toBe(3);
  });
});

describe('rejects CSV', () => {
  it('quotes fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(rejectLine('a,b.csv', 3, 'bad timestamp', 'x,"y"\nz')).toMatchInlineSnapshot(`
      ""a,b.csv",3,bad timestamp,"x,""y""
      z"
      "
    `);
  });
});

describe('byte scanner vs the string parser it replaced', () => {
  const PIECES = [
    'a',
    'bc',
    ' ',
    '',
    ',',
    ';',
    '"',
    '""',
    '\n',
    '\r\n',
    '\r',
    'é',
    '€',
    '\u00a0',
    'x"y',
    '"q,r"',
    '"s\nt"',
  ];
  function reference(text: string, chunk: number) {
    const records: Array<[number, string[], string]> = [];
    const p = createReferenceParser((fields, line, raw) => records.push([line, fields, raw]));
    for (let i = 0; i < text.length; i += chunk) p.push(text.slice(i, i + chunk));
    p.end();
    return records;
  }
  function scanned(text: string, chunk: number) {
    const records: Array<[number, string[], string]> = [];
    const p = createCsvParser((fields, line, raw) => records.push([line, fields, raw]));
    const bytes = Buffer.from(text);
    for (let i = 0; i < bytes.length; i += chunk) p.push(bytes.subarray(i, i + chunk));
    p.end();
    return records;
  }

  it('gives the same records, lines and raw text on 3,000 random inputs, any chunking', () => {
    let seed = 11;
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let n = 0; n < 3000; n++) {
      let text = 'h1,h2;h3\n';
      const len = Math.floor(rand() * 40);
      for (let i = 0; i < len; i++) text += PIECES[Math.floor(rand() * PIECES.length)];
      const chunk = 1 + Math.floor(rand() * 8);
      expect(scanned(text, chunk), JSON.stringify(text)).toEqual(reference(text, text.length || 1));
    }
  });

  it('drops a UTF-8 BOM split across chunks', () => {
    expect(scanned('\ufeffa,b\n1,2\n', 1)).toEqual([
      [1, ['a', 'b'], 'a,b'],
      [2, ['1', '2'], '1,2'],
    ]);
  });
});
