/**
 * Logs where they lie: rotated, compressed, several servers, overlapping snapshots. The same
 * lines, however many files hold them, must give the dashboards of one plain file holding each
 * line once (dedupe: event id, else the composite key to the second; dedupe.ts).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../src/sharelog/ingest.ts';
import { serialize } from '../../../src/sharelog/output.ts';
import { type InputFile, listInputs } from '../../../src/sharelog/read.ts';
import type { DashboardOutput } from '../../../src/sharelog/types.ts';
import { paris } from './helpers.ts';

const LOGROTATE = ['/usr/sbin/logrotate', '/usr/bin/logrotate'].find((p) => existsSync(p));
const tmp = mkdtempSync(join(tmpdir(), 'relais-rotated-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const MONTHS = ['Jan', 'Feb', 'Mar'];

/** One day of a server's traffic: share lines (distinct visits), noise lines, JSON events with ids. */
function day(server: number, d: number) {
  let s = server * 1000 + d;
  const rnd = (m: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % m;
  };
  const date = `${String(d).padStart(2, '0')}/${MONTHS[2]}/2026`;
  const log: string[] = [];
  for (let i = 0; i < 40; i++) {
    const time = `${String(8 + (i % 10)).padStart(2, '0')}:${String(server * 10 + rnd(10)).padStart(2, '0')}:${String(rnd(60)).padStart(2, '0')}`;
    const user = rnd(5) === 0 ? '-' : `amb${rnd(30)}@exemple.fr`;
    const card = `carte-${rnd(12)}`;
    const net = ['linkedin', 'x', 'teams', 'email'][rnd(4)];
    log.push(
      `10.0.${server}.${rnd(250)} - ${user} [${date}:${time} +0100] "GET /hub/partager/${card}/${net}/?v=${rnd(3)} HTTP/1.1" 302 0 "-" "Mozilla/5.0"`,
    );
    if (i % 4 === 0)
      log.push(`10.0.${server}.9 - - [${date}:${time} +0100] "GET /hub/cartes/ HTTP/1.1" 200 512 "-" "curl"`);
  }
  const jsonl = Array.from({ length: 15 }, (_, i) =>
    JSON.stringify({
      timestamp: `2026-03-${String(d).padStart(2, '0')}T1${i % 10}:00:00+01:00`,
      ambassador: `amb${rnd(30)}@exemple.fr`,
      network: 'linkedin',
      content: `carte-${rnd(12)}`,
      event: i % 3 === 0 ? 'click' : 'share',
      event_id: `w${server}-d${d}-${i}`,
    }),
  );
  return { log: `${log.join('\n')}\n`, jsonl: `${jsonl.join('\n')}\n` };
}

async function dashboards(files: readonly InputFile[]): Promise<DashboardOutput> {
  return ingestFiles(files, { zone: paris, onReject: (f, l, r) => expect.fail(`reject ${f}:${l} ${r}`) });
}

/**
 * The set's dashboards equal those of one plain file per kind holding every line once, byte for
 * byte, but for the counts of files, rows read and duplicates dropped (more files, lines read
 * twice): those are checked to differ exactly by the duplicates.
 */
async function expectSameAsOnce(dir: string, once: { log: string; jsonl: string }) {
  const files = await listInputs([dir]);
  const rotated = await dashboards(files);
  const onceDir = join(tmp, `${basename(dir)}-once`);
  mkdirSync(onceDir);
  writeFileSync(join(onceDir, 'all.log'), once.log);
  writeFileSync(join(onceDir, 'all.jsonl'), once.jsonl);
  const plain = await dashboards(await listInputs([onceDir]));
  expect(serialize({ ...rotated, ingest: plain.ingest })).toBe(serialize(plain));
  expect(rotated.ingest.rows - rotated.ingest.duplicates).toBe(plain.ingest.rows - plain.ingest.duplicates);
  expect(rotated.ingest.duplicates).toBeGreaterThan(plain.ingest.duplicates); // the overlap was there
  expect(plain.ingest.accepted).toBeGreaterThan(500);
  // Nor does the order the files are read in (listInputs sorts paths as strings, so
  // access.log.10.gz comes before access.log.2.gz): here oldest first by logrotate's number, and
  // reversed. Only which of two rows with one event id counts could depend on it, and copies of
  // a line are the same row.
  const byAge = [...files].sort((a, b) => rotation(b.path) - rotation(a.path) || (a.path < b.path ? -1 : 1));
  expect(byAge.map((f) => f.path)).not.toEqual(files.map((f) => f.path));
  expect(serialize(await dashboards(byAge))).toBe(serialize(rotated));
  expect(serialize(await dashboards([...files].reverse()))).toBe(serialize(rotated));
  return { files, rotated };
}

/** logrotate's number of a file (0 for the live one). */
const rotation = (path: string) => Number(/\.(\d+)(\.gz)?$/.exec(path)?.[1] ?? 0);

describe.skipIf(!LOGROTATE)(
  `rotated by the real logrotate (${LOGROTATE ?? 'SKIPPED: logrotate not installed'})`,
  () => {
    it('two servers, overlapping snapshots, copies in two folders: each visit counts once', async () => {
      const root = join(tmp, 'logrotate');
      const logs = join(root, 'logs');
      const state = join(root, 'state');
      const web = (s: number) => join(logs, `web${s}`);
      for (const s of [1, 2]) mkdirSync(web(s), { recursive: true });
      // web1: nginx-style copytruncate, 5 kept (the app's JSON Lines export rotated alike);
      // web2: create, 12 kept, so that access.log.10.gz and .11.gz exist.
      const config = join(root, 'logrotate.conf');
      writeFileSync(
        config,
        `${web(1)}/access.log ${web(1)}/export.jsonl {\n  rotate 5\n  compress\n  delaycompress\n  copytruncate\n  missingok\n}\n` +
          `${web(2)}/access.log {\n  rotate 12\n  compress\n  delaycompress\n  create\n  missingok\n}\n`,
      );
      const once = { log: '', jsonl: '' };
      for (let d = 1; d <= 12; d++) {
        for (const s of [1, 2]) {
          const t = day(s, d);
          appendFileSync(join(web(s), 'access.log'), t.log);
          once.log += t.log;
          if (s === 1) {
            appendFileSync(join(web(1), 'export.jsonl'), t.jsonl);
            once.jsonl += t.jsonl;
          }
        }
        if (d === 12) break; // today's lines stay in the live files
        execFileSync(LOGROTATE as string, ['-f', '-s', state, config]);
        // Snapshots of web1 taken on other days (yesterday's .1 is today's .2.gz, and so on).
        if (d === 4 || d === 8 || d === 9) cpSync(web(1), join(logs, `snapshot-day${d}`, 'web1'), { recursive: true });
      }
      // The same file copied into a second folder, compressed or not.
      mkdirSync(join(logs, 'copies'));
      cpSync(join(web(2), 'access.log.3.gz'), join(logs, 'copies', 'access.log.3.gz'));
      cpSync(join(web(2), 'access.log.1'), join(logs, 'copies', 'access.log.1'));

      const files = await listInputs([logs]);
      const names = files.map((f) => relative(logs, f.path));
      expect(names).toContain('web2/access.log.10.gz');
      expect(names).toContain('snapshot-day8/web1/access.log.1');
      expect(names).toContain('snapshot-day9/web1/access.log.2.gz');
      expect(names).toContain('web1/export.jsonl.5.gz');
      expect(files.filter((f) => f.compressed).length).toBeGreaterThan(20);
      await expectSameAsOnce(logs, once);
    }, 30_000);
  },
);

describe('hand-made rotated and compressed sets', () => {
  it('multi-member and single gzip, plain rotations, a copy in another folder: each line counts once', async () => {
    const logs = join(tmp, 'handmade');
    const put = (path: string, bytes: string | Buffer) => {
      mkdirSync(join(logs, path, '..'), { recursive: true });
      writeFileSync(join(logs, path), bytes);
    };
    const twoMembers = (text: string) => {
      const cut = Math.floor(text.length / 3); // mid-line
      return Buffer.concat([gzipSync(text.slice(0, cut)), gzipSync(text.slice(cut))]);
    };
    const log = (s: number, d: number) => day(s, d).log;
    const events = (...ds: number[]) => ds.map((d) => day(1, d).jsonl).join('');
    for (const s of [1, 2]) {
      put(`web${s}/access.log`, log(s, 6));
      put(`web${s}/access.log.1`, log(s, 5));
      put(`web${s}/access.log.2.gz`, twoMembers(log(s, 4)));
      put(`web${s}/access.log.3.gz`, gzipSync(log(s, 3)));
      put(`web${s}/access.log.10.gz`, gzipSync(log(s, 2) + log(s, 1)));
    }
    // A later snapshot of web1: its access.log is now access.log.1, its access.log.1 is .2.gz.
    put('snapshot/web1/access.log.1', log(1, 6));
    put('snapshot/web1/access.log.2.gz', gzipSync(log(1, 5)));
    // An export with event ids, rotated, and the same lines again in another server's folder.
    put('web1/events.ndjson.1', events(1, 2));
    put('web1/events.ndjson.2.gz', twoMembers(events(3)));
    put('web2/events.ndjson.4.gz', gzipSync(events(1, 2, 3)));

    const once = { log: [1, 2, 3, 4, 5, 6].map((d) => log(1, d) + log(2, d)).join(''), jsonl: events(1, 2, 3) };
    await expectSameAsOnce(logs, once);
  });
});
