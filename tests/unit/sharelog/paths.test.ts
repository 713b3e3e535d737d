import { describe, expect, it } from 'vitest';
import { idKey } from '../../../src/sharelog/dedupe.ts';
import { run } from './helpers.ts';

/**
 * The CSV fast path (bytes, FieldCaches, in-place event ids) and the string path (JSON Lines,
 * quoted CSV records, normalize.ts) must reach the same decisions. Same rows, both formats.
 */
const VALUES = {
  timestamp: ['2026-03-02T10:00:00+01:00', ' 2026-03-02 10:00 ', '\u00a02026-03-03', '02/03/2026 10:00', 'hier', ''],
  ambassador: ['Alice@x.fr', ' alice@x.fr ', 'ALICE@X.FR\u00a0', 'Bob@x.fr', 'éva@x.fr', ''],
  team: ['Ventes', ' Ventes', 'RH', 'Équipe A', ''],
  network: ['LinkedIn', ' li ', 'X.com', 'mastodon', '', 'Microsoft Teams'],
  content: ['salon', ' salon ', 'offre', 'café', ''],
  event: ['share', 'SHARE ', 'Partage', 'clic', 'like', ''],
  variant: ['', 'a', ' a', 'B'],
  event_id: ['', '', 'id-1', ' id-1', 'id-2', 'idé\u00a0', 'idé', 'x'],
};
type Key = keyof typeof VALUES;
const KEYS = Object.keys(VALUES) as Key[];

function rows(seed: number, n: number): Array<Record<Key, string>> {
  let s = seed;
  const rand = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  return Array.from({ length: n }, () => {
    const row = {} as Record<Key, string>;
    for (const k of KEYS) row[k] = VALUES[k][Math.floor(rand() * VALUES[k].length)] as string;
    return row;
  });
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

describe('CSV fast path and string path agree', () => {
  it.each([1, 2, 3])('same aggregates, rejects and duplicates from CSV and JSON Lines (seed %i)', async (seed) => {
    const data = rows(seed, 400);
    const csv = `${KEYS.join(',')}\n${data.map((r) => KEYS.map((k) => csvCell(r[k])).join(',')).join('\r\n')}\n`;
    const jsonl = data.map((r) => JSON.stringify(r)).join('\n');
    const a = await run([['a.csv', csv]]);
    const b = await run([['a.jsonl', jsonl]]);
    expect(a.output).toEqual(b.output);
    expect(a.rejects.map((r) => [r.line - 1, r.reason])).toEqual(b.rejects.map((r) => [r.line, r.reason]));
    expect(a.output.ingest.duplicates).toBeGreaterThan(0);
  });

  it('dedupes by event id across formats and across the fast and quoted CSV paths', async () => {
    const csv = 'timestamp,network,content,event_id\n2026-03-02,li,a,e1\n2026-03-02,li,"b ""x""",e2\n';
    const jsonl =
      '{"timestamp":"2026-03-03","network":"li","content":"c","event_id":"e2"}\n' +
      '{"timestamp":"2026-03-03","network":"li","content":"c","event_id":" e1 "}\n';
    const { output } = await run([
      ['a.csv', csv],
      ['b.jsonl', jsonl],
    ]);
    expect(output.ingest).toMatchObject({ rows: 4, accepted: 2, duplicates: 2 });
  });

  it('keys event ids with lone surrogates apart (they have no UTF-8 form)', () => {
    const key = (s: string) => Buffer.from(idKey(s).bytes.subarray(0, idKey(s).length)).toString('hex');
    expect(key('\ud800')).not.toBe(key('\ud801'));
    expect(key('\ud800')).not.toBe(key('\ufffd'));
    expect(key('abc')).toBe(Buffer.from('abc').toString('hex'));
  });
});
