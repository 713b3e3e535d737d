/**
 * Nothing about a person that the dashboards do not show is written to the cache in clear: no
 * ambassador id (e-mail address or login, in any case), no content or team name withheld for
 * being a person's identifier, and the manifest (which holds the names) is unreadable without
 * the key.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serialize as v8serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../../src/sharelog/store/manifest.ts';
import { storeStamp } from '../../../src/sharelog/store/stamp.ts';
import { parseDay } from '../../../src/sharelog/timestamp.ts';
import { HEADER } from './helpers.ts';
import { ROOT, Workspace } from './store-helpers.ts';

const ws = new Workspace();
afterAll(() => ws.remove());

const LOGINS = ['jdupont', 'MLeroy', 'k.nguyen'];
/** Ids seen only in a rejected row and in a row out of the date range. */
const REJECTED = 'rejected.only@exemple.fr';
const OUT_OF_RANGE = 'outofrange.only@exemple.fr';
/** Names the dashboards withhold: an ambassador's login as a content, e-mail addresses as names. */
const WITHHELD = ['jdupont', 'zoe.team@exemple.fr', 'Contact paul.secret@exemple.fr'];
const from = parseDay('2026-03-01');
let ids: string[];
let output: Awaited<ReturnType<Workspace['incremental']>>['output'];

function cacheFiles(): Array<[string, Buffer]> {
  return (readdirSync(ws.cache, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f !== 'key' && statSync(join(ws.cache, f)).isFile())
    .map((f) => [f, readFileSync(join(ws.cache, f))]);
}

/** Where `needle` occurs in `bytes`, case-insensitively, as UTF-8/Latin-1 or as UTF-16 (V8's two encodings of strings). */
function occurs(bytes: Buffer, needle: string): boolean {
  const lower = Buffer.from(bytes.toString('latin1').toLowerCase(), 'latin1');
  const n = needle.toLowerCase();
  return lower.includes(Buffer.from(n, 'utf8')) || lower.includes(Buffer.from(n, 'utf16le'));
}

beforeAll(async () => {
  const g = spawnSync(
    process.execPath,
    ['scripts/generate-logs.ts', '--seed', '5', '--rows', '3000', '--format', 'csv', '--out', ws.path('g.csv')],
    { cwd: ROOT },
  );
  expect(g.status).toBe(0);
  const log = (user: string, day: string, content: string) =>
    `10.0.0.1 - ${user} [${day}/Mar/2026:09:15:00 +0100] "GET /partager/${content}/linkedin/ HTTP/1.1" 302 0 "-" "M"\n`;
  ws.write('access.log', LOGINS.map((u, i) => log(u, `0${i + 2}`, 'salon')).join(''));
  ws.write(
    'odd.csv',
    HEADER +
      [
        '2026-03-02,k.nguyen,zoe.team@exemple.fr,li,jdupont,share,,',
        '2026-03-03,k.nguyen,Ventes,li,Contact paul.secret@exemple.fr,share,,',
        `hier,${REJECTED},Ventes,li,salon,share,,`,
        `2025-06-01,${OUT_OF_RANGE},Ventes,li,salon,share,,`,
      ].join('\n') +
      '\n',
  );
  await ws.incremental({ k: 1, from });
  // And a tail: a part of its own.
  ws.append('access.log', log('JDUPONT', '09', 'rapport-annuel') + log('mleroy', '10', 'salon'));
  const second = await ws.incremental({ k: 1, from });
  expect(second.report.tailsRead).toBe(1);
  output = second.output;
  const found = new Set<string>([...LOGINS, REJECTED, OUT_OF_RANGE]);
  for (const m of readFileSync(ws.path('g.csv'), 'utf8').matchAll(/[\w.-]+@exemple\.fr/g)) found.add(m[0]);
  ids = [...found];
});

describe('the cache folder', () => {
  it('holds the files the test means to search', () => {
    const names = cacheFiles().map(([f]) => f);
    expect(names).toContain('manifest');
    expect(names.filter((f) => f.startsWith('parts/')).length).toBe(4);
    expect(ids.length).toBeGreaterThan(100);
    // The withheld names are indeed withheld, the logins indeed counted.
    const text = JSON.stringify(output);
    for (const name of WITHHELD) expect(text).not.toContain(name);
    expect(output.totals.activeAmbassadors).toBeGreaterThan(100);
    expect(output.ingest).toMatchObject({ rejected: expect.any(Number), outOfRange: 1 });
  });

  it('has no ambassador id, in any case, in any file', () => {
    for (const [file, bytes] of cacheFiles())
      for (const id of ids) expect(occurs(bytes, id), `${id} in ${file}`).toBe(false);
  });

  it('has no withheld name in any file', () => {
    for (const [file, bytes] of cacheFiles())
      for (const name of WITHHELD) expect(occurs(bytes, name), `${name} in ${file}`).toBe(false);
  });

  it('the search would find them: the decrypted manifest holds the withheld names, never an ambassador id', () => {
    const m = readManifest(ws.cache, ws.key, storeStamp({ tz: 'Europe/Paris', from, to: Infinity }));
    if (typeof m === 'string') throw new Error(m);
    const clear = v8serialize(m);
    for (const name of WITHHELD) expect(occurs(clear, name), name).toBe(true);
    // Ambassadors only as keyed pseudonyms, even inside the encryption (`jdupont` is also a content).
    for (const id of ids.filter((i) => i !== 'jdupont')) expect(occurs(clear, id), id).toBe(false);
    expect(m.dict.amb.every((a) => /^[0-9a-f]{16}$/.test(a))).toBe(true);
  });

  it('is not readable without the key: another key rebuilds from the logs', async () => {
    const stamp = storeStamp({ tz: 'Europe/Paris', from, to: Infinity });
    expect(readManifest(ws.cache, randomBytes(32), stamp)).toBe('manifest corrupt or written with another key');
    const other = await ws.incremental({ k: 1, from, key: randomBytes(32) });
    expect(other.report.rebuilt).toBe('manifest corrupt or written with another key');
    expect(other.report.filesRead).toBe(3);
    expect(other.json).toBe((await ws.full({ k: 1, from })).json);
  });
});
