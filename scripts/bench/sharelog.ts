/**
 * Share-log ingest benchmark (issue 6): generates 1,000,000 CSV rows (~100 MB) in a temp folder,
 * then measures, each run in its own child process so that peak RSS is per process:
 *   (a) baseline: read the same file line by line with node:readline, nothing else;
 *   (b) ingest: the real command, `node scripts/dashboards.ts --in FILE --out TEMP.json` (parse,
 *       validate, dedupe, aggregate, write the JSON), exactly as `npm run dashboards` runs it.
 *       Its peak RSS comes from a one-line `--import` hook that prints process.resourceUsage()
 *       at exit; nothing else is added to the command.
 * Each is run --runs times (default 3, alternating) and the MEDIAN is printed: the machines are
 * shared and noisy. The first ingest run also fills Node's compile cache (see dashboards.ts).
 * Prints rows/s, MB/s, wall seconds and peak RSS, the ingest/baseline ratio and the ratio to the
 * DuckDB reference. Targets are printed, never enforced.
 *
 * --dups adds a memory check: the same rows twice (2M rows, every event_id seen twice) must not
 * need more memory than 1M distinct rows, as memory grows with distinct ids only.
 *
 *   node scripts/bench/sharelog.ts [--rows 1000000] [--runs 3] [--dups] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { appendFile, copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const DUCKDB_SECONDS = 1.35; // reference: DuckDB read_csv + the same aggregates, 1M rows, same machine class
const SELF = fileURLToPath(import.meta.url);
const ROOT = join(SELF, '..', '..', '..');
const RSS_MARK = '@@bench-maxrss-kb ';
/** Preloaded into the CLI process: reports its peak RSS on stderr when it exits. */
const RSS_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\n${RSS_MARK}'+process.resourceUsage().maxRSS+'\\n'))`;

interface Run {
  rows: number;
  seconds: number;
  maxRssMb: number;
}

async function baselineChild(file: string): Promise<void> {
  let rows = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const _ of lines) rows++;
  process.stdout.write(JSON.stringify({ rows: rows - 1, maxRssKb: process.resourceUsage().maxRSS }));
}

function baseline(file: string): Run {
  const started = performance.now();
  const run = spawnSync(process.execPath, [SELF, '--child', 'baseline', file], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`baseline failed: ${run.stderr}`);
  const r = JSON.parse(run.stdout) as { rows: number; maxRssKb: number };
  return { rows: r.rows, seconds, maxRssMb: r.maxRssKb / 1024 };
}

async function ingest(file: string, out: string): Promise<Run> {
  const args = ['--import', RSS_HOOK, join(ROOT, 'scripts/dashboards.ts'), '--in', file, '--out', out, '--quiet'];
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: ROOT });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`dashboards failed (${run.status}): ${run.stderr}`);
  const kb = Number(run.stderr.split(RSS_MARK)[1]);
  const output = JSON.parse(await readFile(out, 'utf8')) as { ingest: { rows: number } };
  return { rows: output.ingest.rows, seconds, maxRssMb: kb / 1024 };
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2
    ? (s[s.length >> 1] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

/** The median run (by time) and the median peak RSS. */
function summary(runs: Run[]): Run {
  return {
    rows: (runs[0] as Run).rows,
    seconds: median(runs.map((r) => r.seconds)),
    maxRssMb: median(runs.map((r) => r.maxRssMb)),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      rows: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '3' },
      dups: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: false,
  });
  if (values.help) {
    process.stdout.write(`Usage: node scripts/bench/sharelog.ts [--rows N] [--runs N] [--dups] [--keep]

Generates a CSV share log of --rows rows (default 1,000,000), then times a bare readline pass
and \`npm run dashboards\` over it, each --runs times (default 3, median kept) in a child
process of its own, and prints wall time, rows/s, MB/s, peak RSS and the ratios to the readline
pass and to DuckDB's reference time. --dups also ingests the rows twice over (every id seen
twice: memory must not grow). --keep keeps the temp folder.
`);
    return;
  }
  if (values.child === 'baseline') return baselineChild(process.argv[process.argv.length - 1] as string);
  const rows = Number(values.rows);
  const runs = Math.max(1, Number(values.runs));
  const dir = await mkdtemp(join(tmpdir(), 'relais-bench-'));
  const file = join(dir, 'shares.csv');
  const out = join(dir, 'out.json');
  try {
    const t = performance.now();
    const gen = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts/generate-logs.ts'), '--seed', '42', '--rows', String(rows), '--out', file],
      { encoding: 'utf8', cwd: ROOT },
    );
    if (gen.status !== 0) throw new Error(`generator failed: ${gen.stderr}`);
    const mb = (await stat(file)).size / 1e6;
    const f = (n: number, d = 2) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
    console.log(
      `input: ${rows.toLocaleString('en-US')} rows, ${f(mb, 1)} MB CSV (generated in ${f((performance.now() - t) / 1000)} s)`,
    );
    console.log(`node ${process.version}, ${dir}, median of ${runs} run${runs > 1 ? 's' : ''}\n`);
    console.log('                      wall s      rows/s        MB/s   peak RSS MB');
    const line = (name: string, r: Run, size = mb) =>
      console.log(
        `${name.padEnd(20)} ${f(r.seconds).padStart(7)} ${f(r.rows / r.seconds, 0).padStart(11)} ` +
          `${f(size / r.seconds, 1).padStart(11)} ${f(r.maxRssMb, 0).padStart(13)}`,
      );
    const baseRuns: Run[] = [];
    const ingestRuns: Run[] = [];
    for (let i = 0; i < runs; i++) {
      baseRuns.push(baseline(file));
      ingestRuns.push(await ingest(file, out));
    }
    const base = summary(baseRuns);
    const ing = summary(ingestRuns);
    line('baseline (readline)', base);
    line('ingest (dashboards)', ing);
    console.log(`\ningest / baseline: ${f(ing.seconds / base.seconds)}× the time of reading lines`);
    console.log(
      `ingest / DuckDB reference (${DUCKDB_SECONDS} s for 1M rows): ${f(ing.seconds / (DUCKDB_SECONDS * (rows / 1e6)))}×`,
    );
    console.log(
      `targets for 1M rows: <= 5 s (${ing.seconds <= 5 ? 'met' : 'missed'}), <= 300 MB peak (${ing.maxRssMb <= 300 ? 'met' : 'missed'})`,
    );
    if (values.dups) {
      // Same rows twice: twice the rows, the same distinct event ids.
      const twice = join(dir, 'twice.csv');
      await copyFile(file, twice);
      const text = await readFile(file, 'utf8');
      await appendFile(twice, text.slice(text.indexOf('\n') + 1));
      const dupRuns: Run[] = [];
      for (let i = 0; i < runs; i++) dupRuns.push(await ingest(twice, out));
      const dup = summary(dupRuns);
      console.log(`\nmemory vs rows (--dups): the same ${rows.toLocaleString('en-US')} rows twice`);
      line('ingest, rows twice', dup, 2 * mb);
      console.log(
        `peak RSS: ${f(dup.maxRssMb, 0)} MB for ${dup.rows.toLocaleString('en-US')} rows vs ${f(ing.maxRssMb, 0)} MB ` +
          `for ${ing.rows.toLocaleString('en-US')} (ratio ${f(dup.maxRssMb / ing.maxRssMb)})`,
      );
    }
  } finally {
    if (!values.keep) await rm(dir, { recursive: true, force: true });
  }
}

await main();
