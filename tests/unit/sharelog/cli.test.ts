import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIX = 'tests/fixtures/sharelog';
const tmp = mkdtempSync(join(tmpdir(), 'relais-sharelog-'));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/dashboards.ts', '--content', `${FIX}/content`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}
const out = (name: string) => join(tmp, name);
const json = (name: string) => JSON.parse(readFileSync(out(name), 'utf8'));

describe('dashboards CLI on the fixtures', () => {
  let result: ReturnType<typeof cli>;
  beforeAll(() => {
    result = cli('--in', `${FIX}/logs`, '--out', out('a.json'), '--rejects', out('rejects.csv'));
  });

  it('exits 0 with rejected rows and reports them', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: challenge casse: unusable start/end');
    expect(json('a.json').ingest).toEqual({
      files: 3,
      rows: 13,
      accepted: 7,
      rejected: 5,
      duplicates: 1,
      outOfRange: 0,
      rejectedByReason: {
        'bad timestamp': 2,
        'unknown event': 0,
        'missing network': 1,
        'missing content': 0,
        'bad JSON': 2,
        'wrong field count': 0,
        'bad count': 0,
        'bad label': 0,
      },
    });
  });

  it('aggregates BOM + CRLF + ";" CSV, JSON Lines and access logs together', () => {
    const o = json('a.json');
    expect(o.totals).toEqual({ shares: 5, clicks: 1, reactions: 1, comments: 0, activeAmbassadors: 2 });
    expect(o.period).toEqual({ from: '2026-03-02', to: '2026-03-06' });
    expect(o.challenges).toEqual([
      { id: 'collectif', shares: 0, activeAmbassadors: 0, leaderboard: [] },
      {
        id: 'defi-recrutement',
        shares: 4,
        activeAmbassadors: 1,
        leaderboard: [{ displayName: 'Alice M.', shares: 3 }],
      },
    ]);
  });

  it('writes rejects as CSV file,line,reason,raw with the physical start line', () => {
    expect(readFileSync(out('rejects.csv'), 'utf8')).toMatchInlineSnapshot(`
      "file,line,reason,raw
      tests/fixtures/sharelog/logs/access.log,8,bad timestamp,"10.0.0.3 - bob@exemple.fr [99/Foo/2026:09:21:00 +0100] ""GET /partager/salon/email/ HTTP/1.1"" 301 0 ""-"" ""Mozilla/5.0"""
      tests/fixtures/sharelog/logs/export.jsonl,4,bad JSON,"[1,2]"
      tests/fixtures/sharelog/logs/export.jsonl,6,bad JSON,"{""timestamp"": ""2026-03-05"
      tests/fixtures/sharelog/logs/partages-fr.csv,6,bad timestamp,hier;dave@exemple.fr;RH;x;salon;share;;
      tests/fixtures/sharelog/logs/partages-fr.csv,7,missing network,2026-03-04;erin@exemple.fr;RH;;salon;share;;
      "
    `);
  });

  it('is byte-identical across runs and whatever the order of --in', () => {
    const again = cli(
      '--in',
      `${FIX}/logs/partages-fr.csv`,
      '--in',
      `${FIX}/logs/access.log`,
      '--in',
      `${FIX}/logs/export.jsonl`,
      '--in',
      `${FIX}/logs`,
      '--out',
      out('b.json'),
    );
    expect(again.code).toBe(0);
    expect(readFileSync(out('b.json'), 'utf8')).toBe(readFileSync(out('a.json'), 'utf8'));
  });

  it('exits 1 under --strict when rows were rejected, 0 when none', () => {
    const strict = cli('--in', `${FIX}/logs`, '--out', out('c.json'), '--strict', '--quiet');
    expect([strict.code, strict.stderr]).toEqual([1, 'dashboards: --strict: 5 rows rejected\n']);
    writeFileSync(out('clean.csv'), 'timestamp,network,content\n2026-03-02,li,salon\n');
    expect(cli('--in', out('clean.csv'), '--out', out('d.json'), '--strict', '--quiet').code).toBe(0);
  });
});

describe('dashboards CLI arguments', () => {
  it.each([
    [['--tz', 'Mars/Olympus'], 2],
    [['--k', '0'], 2],
    [['--from', '2026-02-30'], 2],
    [['--from', '2026-03-10', '--to', '2026-03-01'], 2],
    [['--frm', '2026-03-10'], 2],
    [['--in', 'does/not/exist.csv'], 3],
    [['--in', 'package.json'], 2],
  ])('%j → exit %i', (args, code) => {
    const r = cli(...args, '--out', out('never.json'));
    expect(r.code).toBe(code);
  });

  it('names the bad argument', () => {
    expect(cli('--tz', 'Mars/Olympus').stderr).toMatchInlineSnapshot(`
      "dashboards: --tz Mars/Olympus: unknown time zone (expected an IANA name such as Europe/Paris)
      Try --help.
      "
    `);
    expect(cli('--in', 'does/not/exist.csv').stderr).toMatchInlineSnapshot(`
      "dashboards: --in does/not/exist.csv: no such file or directory
      "
    `);
    expect(cli('--k', 'five').stderr).toContain('--k five: expected a whole number >= 1');
  });

  it('documents every option in --help', () => {
    const help = cli('--help');
    expect(help.code).toBe(0);
    for (const o of ['--in', '--out', '--rejects', '--tz', '--k', '--from', '--to', '--strict', '--content']) {
      expect(help.stdout).toContain(o);
    }
  });
});

describe('privacy', () => {
  it('never writes an input ambassador id into the output', () => {
    const logs = join(tmp, 'privacy');
    for (const [format, seed] of [
      ['csv', 5],
      ['jsonl', 6],
      ['log', 7],
    ] as const) {
      const g = spawnSync(
        process.execPath,
        [
          'scripts/generate-logs.ts',
          '--seed',
          String(seed),
          '--rows',
          '3000',
          '--format',
          format,
          '--out',
          join(logs, `g.${format}`),
        ],
        { cwd: ROOT },
      );
      expect(g.status).toBe(0);
    }
    // A content value that is an ambassador id, and an opt-in display name, must not leak either.
    writeFileSync(
      join(logs, 'odd.csv'),
      'timestamp,ambassador,team,network,content\n2026-03-02,leak@exemple.fr,leak@exemple.fr,li,leak@exemple.fr\n',
    );
    expect(cli('--in', logs, '--out', out('p.json'), '--k', '1', '--quiet').code).toBe(0);
    const text = readFileSync(out('p.json'), 'utf8');
    const ids = new Set<string>();
    for (const f of ['g.csv', 'g.jsonl', 'g.log']) {
      for (const m of readFileSync(join(logs, f), 'utf8').matchAll(/[\w.-]+@exemple\.fr/g)) ids.add(m[0]);
    }
    expect(ids.size).toBeGreaterThan(100);
    for (const id of ids) expect(text).not.toContain(id);
    expect(text).not.toMatch(/@/);
    expect(JSON.parse(text).totals.activeAmbassadors).toBeGreaterThan(100);
  }, 30_000); // four child processes: give a busy shared machine room
});
