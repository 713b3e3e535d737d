/**
 * Reads the result of the warehouse SQL (sql/*.sql): CSV with a header, or JSON Lines, one row
 * per aggregate in the long format below. Values are only typed here (text or whole number, null
 * when absent); what each section needs is checked by aggregates.ts. Both ways of writing NULL
 * that engines use in CSV are read as null: an empty field (DuckDB, Spark) and `\N`
 * (ClickHouse). In JSON Lines a missing key is null (Spark drops null fields) and a count may be
 * a string of digits (ClickHouse quotes 64-bit integers by default).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CR, countLines, LF, parseQuoted } from './csvquoted.ts';
import { InputError, UnsupportedInput } from './read.ts';

export const TEXT_COLUMNS = ['section', 'key', 'label'] as const;
export const COUNT_COLUMNS = ['shares', 'clicks', 'reactions', 'comments', 'active_ambassadors'] as const;
export const RESULT_COLUMNS = [...TEXT_COLUMNS, ...COUNT_COLUMNS] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];
export type CountColumn = (typeof COUNT_COLUMNS)[number];

export type AggregateRow = { line: number } & Record<TextColumn, string | null> & Record<CountColumn, number | null>;

/** A result file that cannot be used: the message names the file, the line and the field. */
export class AggregatesError extends InputError {}

const COMMA = 44;

function parseCount(value: unknown, where: () => string): number | null {
  if (value === null || value === undefined || value === '' || value === '\\N') return null;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new AggregatesError(`${where()}: expected a whole number >= 0, got ${JSON.stringify(value)}`);
  }
  return n;
}

function parseText(value: unknown, where: () => string): string | null {
  if (value === null || value === undefined || value === '' || value === '\\N') return null;
  if (typeof value !== 'string') throw new AggregatesError(`${where()}: expected text, got ${JSON.stringify(value)}`);
  return value;
}

function toRow(file: string, line: number, get: (column: string) => unknown): AggregateRow {
  const row = { line } as AggregateRow;
  for (const c of TEXT_COLUMNS) row[c] = parseText(get(c), () => `${file} line ${line}, field ${c}`);
  for (const c of COUNT_COLUMNS) row[c] = parseCount(get(c), () => `${file} line ${line}, field ${c}`);
  return row;
}

/** CSV records of the whole file with the line each starts on (blank lines skipped). */
function csvRecords(buf: Buffer): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let pos = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let line = 1;
  while (pos < buf.length) {
    if (buf[pos] === LF || (buf[pos] === CR && buf[pos + 1] === LF)) {
      pos += buf[pos] === CR ? 2 : 1;
      line++;
      continue;
    }
    const record = parseQuoted(buf, pos, buf.length, COMMA, true) as { fields: string[]; end: number };
    records.push({ line, fields: record.fields });
    line += countLines(buf, pos, record.end) + 1;
    pos = record.end + 1;
  }
  return records;
}

function fromCsv(file: string, buf: Buffer): AggregateRow[] {
  const [header, ...records] = csvRecords(buf);
  if (!header) throw new AggregatesError(`${file}: empty file (expected a header: ${RESULT_COLUMNS.join(',')})`);
  const index = new Map(header.fields.map((name, i) => [name.trim().toLowerCase(), i]));
  for (const c of RESULT_COLUMNS) {
    if (!index.has(c)) {
      throw new AggregatesError(
        `${file} line ${header.line}: missing column ${c} (expected ${RESULT_COLUMNS.join(',')})`,
      );
    }
  }
  return records.map(({ line, fields }) => {
    if (fields.length !== header.fields.length) {
      throw new AggregatesError(
        `${file} line ${line}: ${fields.length} fields, expected ${header.fields.length} as in the header`,
      );
    }
    return toRow(file, line, (c) => fields[index.get(c) as number]);
  });
}

function fromJsonLines(file: string, text: string): AggregateRow[] {
  const rows: AggregateRow[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new AggregatesError(`${file} line ${line}: not JSON (expected one object per line)`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new AggregatesError(`${file} line ${line}: expected a JSON object with ${RESULT_COLUMNS.join(', ')}`);
    }
    const object = value as Record<string, unknown>;
    rows.push(toRow(file, line, (c) => object[c]));
  });
  return rows;
}

/** The rows of a `.csv` or `.jsonl`/`.ndjson` result file; throws AggregatesError when unusable. */
export async function readAggregateRows(file: string): Promise<AggregateRow[]> {
  const ext = extname(file).toLowerCase();
  const csv = ext === '.csv';
  if (!csv && ext !== '.jsonl' && ext !== '.ndjson') {
    throw new UnsupportedInput(`--from-aggregates ${file}: expected a .csv, .jsonl or .ndjson file`);
  }
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AggregatesError(`--from-aggregates ${file}: ${code === 'ENOENT' ? 'no such file' : code}`);
  }
  return csv ? fromCsv(file, buf) : fromJsonLines(file, buf.toString('utf8').replace(/^\uFEFF/, ''));
}
