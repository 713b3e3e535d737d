/**
 * Share-log bench (issues 6 and 15). Generates a history of --rows rows (default 10,000,000:
 * CSV exports and nginx access logs over three years, 1% duplicates, 1% malformed) in a temp
 * folder, then measures, each in a child process of its own (wall time includes start-up; peak
 * RSS from a one-line `--import` hook printing process.resourceUsage() at exit):
 *   (a) peer: DuckDB with 2 threads doing the same job on the same files (sharelog-peer.ts);
 *   (b) full: `node scripts/dashboards.ts --full` on an empty cache, as a first build runs;
 *   (c) next day: 10,000 rows appended to the current access.log, then the same command
 *       without --full on the cache (b) left: the daily build;
 *   (d) .gz: one access log of --gz-rows rows read plain vs gzip-compressed (full runs);
 *   (e) import: --import-rows visits of a Matomo Live export (JSON Lines, Matomo's own keys)
 *       against as many rows of the hub's own CSV (full runs; issue 18's target: <= 1.5x), and
 *       each format's throughput in MB/s (a visit record is about ten times a CSV row).
 * Prints a table, the ratios measured in this run and the targets (never enforced).
 *
 *   node scripts/bench/sharelog.ts [--rows 10000000] [--runs 1] [--gz-rows 1000000]
 *     [--import-rows 1000000] [--import-only] [--keep]
 */
import { execFile, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { createGzip } from 'node:zlib';
import { historyLayout } from './sharelog-history.ts';

const run = promisify(execFile);
const SELF = fileURLToPath(import.meta.url);
const ROOT = join(SELF, '..', '..', '..');
const RSS_MARK = '@@bench-maxrss-kb ';
const RSS_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\n${RSS_MARK}'+process.resourceUsage().maxRSS+'\\n'))`;

interface Run {
  rows: number;
  accepted: number;
  seconds: number;
  maxRssMb: number;
}

function timed(args: string[]): { seconds: number; stdout: string; stderr: string } {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return { seconds, stdout: run.stdout, stderr: run.stderr };
}

async function dashboards(inputs: string[], cache: string, out: string, full: boolean): Promise<Run> {
  const args = ['--import', RSS_HOOK, join(ROOT, 'scripts/dashboards.ts'), ...inputs.flatMap((i) => ['--in', i])];
  const r = timed([...args, '--cache', cache, '--out', out, '--quiet', ...(full ? ['--full'] : [])]);
  const o = JSON.parse(await readFile(out, 'utf8')) as { ingest: { rows: number; accepted: number } };
  return {
    rows: o.ingest.rows,
    accepted: o.ingest.accepted,
    seconds: r.seconds,
    maxRssMb: Number(r.stderr.split(RSS_MARK)[1]) / 1024,
  };
}

function peer(files: string[], rows: number): Run {
  const r = timed([join(ROOT, 'scripts/bench/sharelog-peer.ts'), '--threads', '2', ...files]);
  const o = JSON.parse(r.stdout) as { accepted: number; maxRssKb: number };
  return { rows, accepted: o.accepted, seconds: r.seconds, maxRssMb: o.maxRssKb / 1024 };
}

const median = (runs: Run[]): Run => {
  const s = [...runs].sort((a, b) => a.seconds - b.seconds);
  return s[s.length >> 1] as Run;
};

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const fmt = (n: number, d = 2) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/**
 * (e) An analytics export against the hub's own CSV, same row count, same seed (so the same
 * cards, networks and days): full runs, alternated, on fresh caches.
 */
async function importBench(dir: string, rows: number, runs: number): Promise<void> {
  const at = join(dir, 'import');
  await mkdir(at, { recursive: true });
  const hub = join(at, 'hub.csv');
  const matomo = join(at, 'matomo-visits.jsonl');
  const gen = (format: string, out: string) =>
    timed([
      join(ROOT, 'scripts/generate-logs.ts'),
      '--seed',
      '18',
      '--rows',
      String(rows),
      '--format',
      format,
      '--out',
      out,
    ]);
  gen('csv', hub);
  gen('matomo', matomo);
  const out = join(at, 'out.json');
  const hubRuns: Run[] = [];
  const matomoRuns: Run[] = [];
  for (let i = 0; i < Math.max(3, runs); i++) {
    hubRuns.push(await dashboards([hub], join(at, `c-hub-${i}`), out, true));
    matomoRuns.push(await dashboards([matomo], join(at, `c-matomo-${i}`), out, true));
  }
  const h = median(hubRuns);
  const m = median(matomoRuns);
  const mb = async (p: string) => (await stat(p)).size / 1e6;
  console.log('');
  for (const [name, r, size] of [
    [`hub CSV (${fmt(rows / 1e6, 1)}M rows)`, h, await mb(hub)],
    ['Matomo Live visits (JSONL)', m, await mb(matomo)],
  ] as const) {
    console.log(
      `${name.padEnd(28)} ${fmt(r.seconds).padStart(7)} s ${fmt(r.rows / r.seconds, 0).padStart(11)} rows/s ${fmt(size, 0).padStart(6)} MB ${fmt(r.maxRssMb, 0).padStart(5)} MB peak ${r.accepted.toLocaleString('en-US').padStart(10)} accepted`,
    );
  }
  const ratio = m.seconds / h.seconds;
  console.log(`Matomo visits / hub CSV: ${fmt(ratio)}x the time (target <= 1.50: ${ratio <= 1.5 ? 'met' : 'MISSED'})`);
  // Per byte: a visit record is about ten times a CSV row, so the same row count is not the same work.
  const hubRate = (await mb(hub)) / h.seconds;
  const matomoRate = (await mb(matomo)) / m.seconds;
  console.log(
    `Per byte: hub CSV ${fmt(hubRate, 1)} MB/s, Matomo visits ${fmt(matomoRate, 1)} MB/s (${fmt(matomoRate / hubRate)}x the CSV's throughput)`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '10000000' },
      runs: { type: 'string', default: '1' },
      'gz-rows': { type: 'string', default: '1000000' },
      'import-rows': { type: 'string', default: '1000000' },
      'import-only': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`Usage: node scripts/bench/sharelog.ts [--rows N] [--runs N] [--gz-rows N] [--keep]

Generates a share-log history of --rows rows (default 10,000,000; CSV exports and nginx logs,
1% duplicates, 1% malformed), then times DuckDB (2 threads) doing the same aggregation, a full
\`npm run dashboards -- --full\`, the next day's build (10,000 rows appended) and a gzip-compressed
log against the same log plain, and --import-rows visits of a Matomo Live export (JSON Lines)
against as many rows of the hub's CSV (--import-only: that part alone). --runs N keeps the
median of N runs; --keep keeps the folder.
`);
    return;
  }
  const rows = Number(values.rows);
  const runs = Math.max(1, Number(values.runs));
  const dir = await mkdtemp(join(tmpdir(), 'relais-bench-'));
  const f = (n: number, d = 2) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  try {
    if (values['import-only']) {
      await importBench(dir, Number(values['import-rows']), runs);
      return;
    }
    const t = performance.now();
    const history = join(dir, 'history');
    const layout = historyLayout(history, rows);
    await Promise.all(layout.map((g) => mkdir(join(g.out, '..'), { recursive: true })));
    // Two generators at a time: the machines have two cores.
    for (let i = 0; i < layout.length; i += 2) {
      await Promise.all(
        layout
          .slice(i, i + 2)
          .map((g) => run(process.execPath, [join(ROOT, 'scripts/generate-logs.ts'), ...g.args], { cwd: ROOT })),
      );
    }
    const files = await filesUnder(history);
    const mb = (await Promise.all(files.map((p) => stat(p)))).reduce((s, st) => s + st.size, 0) / 1e6;
    console.log(
      `history: ${rows.toLocaleString('en-US')} rows in ${files.length} files, ${f(mb, 0)} MB (generated in ${f((performance.now() - t) / 1000, 0)} s)`,
    );
    console.log(`node ${process.version}, ${dir}, median of ${runs} run${runs > 1 ? 's' : ''}\n`);
    console.log('                          wall s        rows/s   peak RSS MB     accepted');
    const line = (name: string, r: Run, rate = r.rows) =>
      console.log(
        `${name.padEnd(24)} ${f(r.seconds).padStart(7)} ${f(rate / r.seconds, 0).padStart(13)} ${f(r.maxRssMb, 0).padStart(13)} ${r.accepted.toLocaleString('en-US').padStart(12)}`,
      );

    const cache = join(dir, 'cache');
    const out = join(dir, 'out.json');
    const peerRuns: Run[] = [];
    const fullRuns: Run[] = [];
    for (let i = 0; i < runs; i++) {
      peerRuns.push(peer(files, rows));
      fullRuns.push(await dashboards([history], cache, out, true));
    }
    const duck = median(peerRuns);
    const full = median(fullRuns);
    // The next day: 10,000 rows appended to the live access.log, read from where it grew.
    const live = files.find((p) => p.endsWith('access.log')) as string;
    const day = join(dir, 'day.log');
    timed([
      join(ROOT, 'scripts/generate-logs.ts'),
      '--seed',
      '9001',
      '--rows',
      '10000',
      '--format',
      'log',
      '--out',
      day,
      '--start',
      '2026-12-01',
      '--end',
      '2026-12-01',
      '--duplicate-rate',
      '0.01',
    ]);
    await appendFile(live, await readFile(day));
    const next = await dashboards([history], cache, out, false);
    // Memory against history: the last tenth of the history (one year of access logs) alone.
    const recent = files.filter((p) => /access\.log(\.1)?$/.test(p));
    const tenth = await dashboards(recent, join(dir, 'cache-tenth'), out, true);
    line('DuckDB, 2 threads', duck);
    line('dashboards --full', full);
    line('next day (+10,000 rows)', next, 10_000);
    line(`--full, ${recent.length} recent files`, tenth);

    const ratio = full.seconds / duck.seconds;
    console.log(
      `\nfull / DuckDB (2 threads): ${f(ratio)}x the time (target <= 0.80: ${ratio <= 0.8 ? 'met' : 'MISSED'}); ${f(full.rows / full.seconds, 0)} rows/s`,
    );
    console.log(
      `full peak RSS: ${f(full.maxRssMb, 0)} MB (target <= 400: ${full.maxRssMb <= 400 ? 'met' : 'MISSED'}); DuckDB's ${f(duck.maxRssMb, 0)} MB: ${f(full.maxRssMb / duck.maxRssMb)}x`,
    );
    console.log(
      `peak RSS vs history: ${f(tenth.maxRssMb, 0)} MB for ${tenth.rows.toLocaleString('en-US')} rows, ${f(full.maxRssMb, 0)} MB for ${full.rows.toLocaleString('en-US')} (${f(full.rows / tenth.rows, 1)}x the rows: ${f(full.maxRssMb / tenth.maxRssMb)}x the memory)`,
    );
    console.log(
      `accepted events: dashboards ${full.accepted.toLocaleString('en-US')}, DuckDB ${duck.accepted.toLocaleString('en-US')} (the peer's simpler rules differ by ${f((100 * Math.abs(full.accepted - duck.accepted)) / full.accepted)}%)`,
    );
    const nr = next.seconds / full.seconds;
    console.log(
      `next day: ${f(next.seconds)} s (target <= 1: ${next.seconds <= 1 ? 'met' : 'MISSED'}), ${f(next.maxRssMb, 0)} MB (target <= 300: ${next.maxRssMb <= 300 ? 'met' : 'MISSED'}), ${f(nr, 3)}x the full run (target <= 0.05: ${nr <= 0.05 ? 'met' : 'MISSED'})`,
    );
    // .gz: the same log plain and compressed, each on a fresh cache.
    const gzDir = join(dir, 'gz');
    await mkdir(gzDir);
    const plain = join(gzDir, 'access.log.1');
    const gz = join(gzDir, 'access.log.2.gz');
    timed([
      join(ROOT, 'scripts/generate-logs.ts'),
      '--seed',
      '77',
      '--rows',
      values['gz-rows'],
      '--format',
      'log',
      '--out',
      plain,
    ]);
    await pipeline(createReadStream(plain), createGzip(), createWriteStream(gz));
    const plainRuns: Run[] = [];
    const gzRuns: Run[] = [];
    for (let i = 0; i < Math.max(3, runs); i++) {
      plainRuns.push(await dashboards([plain], join(dir, `gzc-${i}`), out, true));
      gzRuns.push(await dashboards([gz], join(dir, `gzc-${i}`), out, true));
    }
    const p = median(plainRuns);
    const g = median(gzRuns);
    console.log('');
    line(`access log, plain (${f(Number(values['gz-rows']) / 1e6, 1)}M rows)`, p);
    line('access log, .gz', g);
    const gr = g.seconds / p.seconds;
    console.log(`.gz / plain: ${f(gr)}x (target <= 1.30: ${gr <= 1.3 ? 'met' : 'MISSED'})`);
    await importBench(dir, Number(values['import-rows']), runs);
  } finally {
    if (!values.keep) await rm(dir, { recursive: true, force: true });
  }
}

await main();
