/**
 * A cache folder is never trusted when it cannot be: a manifest damaged, from another key or
 * another version, a part file missing or damaged, another --tz or date range, a build killed
 * mid-write, two builds at once. Each time the build says why it rebuilt (or rebuilds nothing
 * and still gives the right figures) and its dashboards are the bytes of a full build.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Manifest, readManifest, writeManifest } from '../../../src/sharelog/store/manifest.ts';
import { storeStamp } from '../../../src/sharelog/store/stamp.ts';
import { createZone, parseDay } from '../../../src/sharelog/timestamp.ts';
import { HEADER } from './helpers.ts';
import { prng, ROOT, Workspace } from './store-helpers.ts';

const manifestOf = (ws: Workspace, stamp = storeStamp({ tz: 'Europe/Paris', from: -Infinity, to: Infinity })) => {
  const m = readManifest(ws.cache, ws.key, stamp);
  if (typeof m === 'string') throw new Error(m);
  return m;
};

/** Part ids of the file whose name ends with `name`. */
const partsOf = (m: Manifest, name: string) => m.files.find((f) => f.name.endsWith(name))?.parts ?? [];

/** Four weeks of rows in `a.csv`, a few more rows in the same weeks in `b.jsonl`. */
function logs(ws: Workspace): void {
  let csv = HEADER;
  for (let d = 0; d < 28; d++) {
    const day = new Date(Date.UTC(2026, 2, 2 + d)).toISOString().slice(0, 10);
    for (const amb of ['ann@x.fr', 'ben@x.fr', 'cat@x.fr'])
      csv += `${day} 10:00,${amb},Ventes,li,${d % 2 ? 'salon' : 'rapport'},share,,${day}-${amb}\n`;
  }
  ws.write('a.csv', csv);
  ws.write('b.jsonl', '{"timestamp":"2026-03-03T10:00:00Z","network":"x","content":"salon","event_id":"j1"}\n');
}

/** A row in every week of a.csv, appended to b.jsonl: every week must be recomputed from its parts. */
function touchEveryWeek(ws: Workspace): void {
  for (const day of ['03', '10', '17', '24'])
    ws.append('b.jsonl', `{"timestamp":"2026-03-${day}T11:00:00Z","network":"fb","content":"salon"}\n`);
}

describe('a damaged, foreign or outdated manifest', () => {
  const MAGIC = 'RELAIS-SHARELOG-STORE-1\n'.length;
  const damages: Array<[string, (file: string, ws: Workspace) => void, string]> = [
    [
      'one byte flipped in the body',
      (f) => {
        const b = readFileSync(f);
        b[b.length - 10] = (b[b.length - 10] as number) ^ 1;
        writeFileSync(f, b);
      },
      'manifest corrupt or written with another key',
    ],
    [
      'one byte flipped in the tag',
      (f) => {
        const b = readFileSync(f);
        b[MAGIC + 14] = (b[MAGIC + 14] as number) ^ 0x80;
        writeFileSync(f, b);
      },
      'manifest corrupt or written with another key',
    ],
    [
      'cut in half',
      (f) => truncateSync(f, Math.floor(statSync(f).size / 2)),
      'manifest corrupt or written with another key',
    ],
    ['cut inside its header', (f) => truncateSync(f, MAGIC + 5), 'manifest of another format'],
    ['empty', (f) => writeFileSync(f, ''), 'manifest of another format'],
    ['garbage', (f) => writeFileSync(f, randomBytes(5000)), 'manifest of another format'],
    [
      'written with another key',
      (_f, ws) => writeManifest(ws.cache, randomBytes(32), manifestOf(ws)),
      'manifest corrupt or written with another key',
    ],
    [
      'from another version of the pipeline',
      (_f, ws) => writeManifest(ws.cache, ws.key, { ...manifestOf(ws), stamp: 'an older pipeline' }),
      'pipeline version or --tz/--from/--to changed',
    ],
  ];

  it.each(damages)('%s: rebuilt from the logs, saying why', async (_label, damage, reason) => {
    const ws = new Workspace();
    try {
      logs(ws);
      await ws.incremental();
      damage(join(ws.cache, 'manifest'), ws);
      ws.append('b.jsonl', '{"timestamp":"2026-03-10T10:00:00Z","network":"x","content":"salon"}\n');
      const rebuilt = await ws.incremental();
      expect(rebuilt.report.rebuilt).toContain(reason);
      expect(rebuilt.report).toMatchObject({ filesRead: 2, filesReused: 0, tailsRead: 0 });
      expect(rebuilt.json).toBe((await ws.full()).json);
      // And the cache is sound again: the next build reuses everything.
      const next = await ws.incremental();
      expect(next.report).toMatchObject({ rebuilt: null, filesRead: 0, filesReused: 2, weeksComputed: 0 });
      expect(next.json).toBe(rebuilt.json);
    } finally {
      ws.remove();
    }
  });
});

describe('a damaged or missing part file', () => {
  const damages: Array<[string, (file: string) => void, RegExp]> = [
    ['deleted', (f) => rmSync(f), /cache damaged \(part \w+: ENOENT/],
    [
      'one byte flipped in a block’s events',
      (f) => {
        const b = readFileSync(f);
        b[16 + 40] = (b[16 + 40] as number) ^ 4;
        writeFileSync(f, b);
      },
      /cache damaged \(part \w+ at byte 0: block checksum mismatch\)/,
    ],
    [
      'one byte flipped in a block’s header',
      (f) => {
        const b = readFileSync(f);
        b[8] = (b[8] as number) ^ 1;
        writeFileSync(f, b);
      },
      /block header does not match the manifest/,
    ],
    [
      'cut short',
      (f) => truncateSync(f, statSync(f).size - 3),
      /cache damaged \(part \w+ at byte \d+: block is \d+ bytes/,
    ],
    ['emptied', (f) => writeFileSync(f, ''), /block is 0 bytes/],
  ];

  it.each(damages)('%s: detected when its weeks are recomputed, and rebuilt', async (_label, damage, reason) => {
    const ws = new Workspace();
    try {
      logs(ws);
      await ws.incremental();
      const [part] = partsOf(manifestOf(ws), 'a.csv');
      damage(join(ws.cache, 'parts', part as string));
      // Nothing changed: the weeks' figures come from the (authenticated) manifest, still right.
      const quiet = await ws.incremental();
      expect(quiet.report).toMatchObject({ rebuilt: null, weeksComputed: 0 });
      expect(quiet.json).toBe((await ws.full()).json);
      // A change in every week: the damaged part's blocks are read, found wrong, never used.
      touchEveryWeek(ws);
      const rebuilt = await ws.incremental();
      expect(rebuilt.report.rebuilt).toMatch(reason);
      expect(rebuilt.report).toMatchObject({ filesRead: 2, tailsRead: 0, filesReused: 0 });
      expect(rebuilt.json).toBe((await ws.full()).json);
      const next = await ws.incremental();
      expect(next.report).toMatchObject({ rebuilt: null, filesRead: 0, filesReused: 2 });
    } finally {
      ws.remove();
    }
  });
});

describe('another --tz or date range', () => {
  it.each([
    ['--tz', { zone: createZone('America/New_York') }],
    ['--from', { from: parseDay('2026-03-10') }],
    ['--to', { to: parseDay('2026-03-20') }],
  ])('%s: rebuilt', async (_label, opts) => {
    const ws = new Workspace();
    try {
      logs(ws);
      const before = await ws.incremental();
      const other = await ws.incremental(opts);
      expect(other.report).toMatchObject({ rebuilt: 'pipeline version or --tz/--from/--to changed', filesRead: 2 });
      expect(other.json).toBe((await ws.full(opts)).json);
      expect(other.json).not.toBe(before.json);
      // And back: rebuilt again, never mixed.
      const back = await ws.incremental();
      expect(back.report.rebuilt).toBe('pipeline version or --tz/--from/--to changed');
      expect(back.json).toBe(before.json);
    } finally {
      ws.remove();
    }
  });
});

// --- the CLI, killed and concurrent ----------------------------------------------------------

const CONTENT = 'tests/fixtures/sharelog/content';
const env = { ...process.env, RELAIS_SHARELOG_KEY: '' }; // the key file in the cache folder

function cliArgs(cache: string, logsDir: string, out: string, ...extra: string[]) {
  return ['scripts/dashboards.ts', '--content', CONTENT, '--cache', cache, '--in', logsDir, '--out', out, ...extra];
}

function start(args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stderr: string }>;
} {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

function cli(args: string[]) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stderr: r.stderr };
}

/** Everything in the cache folder that is a temporary file or a lock. */
const leftovers = (cache: string) =>
  (readdirSync(cache, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.tmp$|(^|\/)lock$/.test(f));

describe('the CLI killed mid-build, and two builds at once', () => {
  let dir: string;
  let logsDir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'relais-store-cli-'));
    logsDir = join(dir, 'logs');
    // ~300k rows: a build takes long enough to be killed while reading, writing parts or the manifest.
    for (const [format, seed] of [
      ['csv', 11],
      ['jsonl', 12],
      ['log', 13],
    ] as const) {
      const g = spawnSync(
        process.execPath,
        [
          'scripts/generate-logs.ts',
          '--seed',
          String(seed),
          '--rows',
          '100000',
          '--format',
          format,
          '--out',
          join(logsDir, `g.${format}`),
        ],
        { cwd: ROOT },
      );
      expect(g.status).toBe(0);
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The dashboards of a full build on a fresh cache. */
  function reference(name: string): string {
    const cache = join(dir, `ref-${name}`);
    const r = cli(cliArgs(cache, logsDir, join(dir, `ref-${name}.json`), '--full', '--quiet'));
    expect(r.code).toBe(0);
    rmSync(cache, { recursive: true, force: true });
    return readFileSync(join(dir, `ref-${name}.json`), 'utf8');
  }

  it('a build killed at any moment leaves a cache the next build uses or rebuilds, never trusts wrongly', async () => {
    const cache = join(dir, 'killed');
    const r = prng(15);
    const t0 = Date.now();
    let expected = reference('0');
    // Fixed delays (still starting, reading the first file), then moments spread over a full build.
    const took = Date.now() - t0;
    // The last one waits until a part is being written (polled), so a loaded machine, where the
    // spread moments may all fall before or after the writes, still kills one mid-write.
    const delays: (number | 'part')[] = [
      50,
      150,
      400,
      ...Array.from({ length: 4 }, () => Math.round(took * (0.25 + 0.75 * r.next()))),
      'part',
    ];
    const outcomes: string[] = [];
    for (const [i, delay] of delays.entries()) {
      // Alternately a full rewrite of the cache, and an incremental build with a tail to read.
      const full = i % 2 === 0;
      if (!full) {
        const lines = readFileSync(join(logsDir, 'g.jsonl'), 'utf8').split('\n');
        appendFileSync(join(logsDir, 'g.jsonl'), `${lines.slice(i * 1000, i * 1000 + 5000).join('\n')}\n`);
        expected = reference(String(i));
      }
      const run = start(cliArgs(cache, logsDir, join(dir, 'killed.json'), ...(full ? ['--full'] : [])));
      const writingPart = () => existsSync(cache) && leftovers(cache).some((f) => /parts\/\w+\.\d+\.tmp/.test(f));
      const timer =
        delay === 'part'
          ? setInterval(() => writingPart() && run.child.kill('SIGKILL'), 1)
          : setTimeout(() => run.child.kill('SIGKILL'), delay);
      const killed = await run.done;
      clearInterval(timer);
      const left = existsSync(cache) ? leftovers(cache) : [];
      outcomes.push(
        `${delay === 'part' ? 'writing a part' : `${delay} ms`}: ${killed.signal ?? `exit ${killed.code}`} (${left.join(' ') || 'nothing left'})`,
      );
      const after = cli(cliArgs(cache, logsDir, join(dir, 'after.json')));
      expect(after.code, `${outcomes.join(', ')}\n${after.stderr}`).toBe(0);
      expect(readFileSync(join(dir, 'after.json'), 'utf8'), outcomes.join(', ')).toBe(expected);
      expect(leftovers(cache), outcomes.join(', ')).toEqual([]);
    }
    // Most builds were killed, not finished before the signal, some while writing a part.
    expect(outcomes.filter((o) => o.includes('SIGKILL')).length, outcomes.join(', ')).toBeGreaterThanOrEqual(3);
    expect(
      outcomes.some((o) => /parts\/\w+\.\d+\.tmp/.test(o)),
      outcomes.join(', '),
    ).toBe(true);
  }, 120_000);

  it('what a killed build can leave behind (a lock with a dead pid, an empty lock, temporary files) blocks nothing', () => {
    const cache = join(dir, 'leftovers');
    expect(cli(cliArgs(cache, logsDir, join(dir, 'l0.json'), '--quiet')).code).toBe(0);
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    const cases: Array<[string, () => void]> = [
      ['a lock held by a dead process', () => writeFileSync(join(cache, 'lock'), String(dead))],
      [
        // Killed between creating the lock and writing its pid.
        'an empty lock, a minute old',
        () => {
          writeFileSync(join(cache, 'lock'), '');
          const t = Date.now() / 1000 - 60;
          utimesSync(join(cache, 'lock'), t, t);
        },
      ],
      [
        // Killed between writing the manifest or a part and renaming it.
        'temporary files of a dead process',
        () => {
          writeFileSync(join(cache, `manifest.${dead}.tmp`), randomBytes(100));
          writeFileSync(join(cache, 'parts', `0123456789abcdef01234567.${dead}.tmp`), randomBytes(100));
        },
      ],
    ];
    for (const [label, leave] of cases) {
      leave();
      const started = Date.now();
      const r = cli(cliArgs(cache, logsDir, join(dir, 'l1.json')));
      expect(r.code, label).toBe(0);
      expect(Date.now() - started, label).toBeLessThan(15_000);
      expect(r.stderr, label).toContain('0 files read, 0 read from where they grew, 3 unchanged');
      expect(leftovers(cache), label).toEqual([]);
    }
  }, 60_000);

  it('two builds started at once on one cache both succeed, with the same bytes, and leave it sound', async () => {
    const expected = reference('two');
    for (const [label, before] of [
      ['an empty cache', () => {}],
      [
        'a cache with a dead build’s lock',
        () => writeFileSync(join(dir, 'two', 'lock'), String(spawnSync(process.execPath, ['-e', '']).pid)),
      ],
    ] as const) {
      const cache = join(dir, 'two');
      before();
      const a = start(cliArgs(cache, logsDir, join(dir, 'two-a.json'), '--full'));
      const b = start(cliArgs(cache, logsDir, join(dir, 'two-b.json')));
      const [ra, rb] = await Promise.all([a.done, b.done]);
      expect([ra.code, rb.code], `${label}\n${ra.stderr}\n${rb.stderr}`).toEqual([0, 0]);
      expect(readFileSync(join(dir, 'two-a.json'), 'utf8'), label).toBe(expected);
      expect(readFileSync(join(dir, 'two-b.json'), 'utf8'), label).toBe(expected);
      const third = cli(cliArgs(cache, logsDir, join(dir, 'two-c.json')));
      expect(third.code).toBe(0);
      expect(third.stderr, label).toMatch(
        /0 files read, 0 read from where they grew, 3 unchanged; 0 of \d+ weeks recomputed/,
      );
      expect(readFileSync(join(dir, 'two-c.json'), 'utf8')).toBe(expected);
      expect(leftovers(cache)).toEqual([]);
      expect(existsSync(join(cache, 'manifest'))).toBe(true);
    }
  }, 120_000);
});
