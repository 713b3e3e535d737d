/**
 * `npm run bench`: every benchmark of the hub in sequence, each in its own process (their
 * output is shown as it comes), then one summary table of all figures with their targets.
 *   sharelog    10M-row share-log history vs DuckDB, the next day's build, .gz (scripts/bench/sharelog.ts)
 *   og          Open Graph images, per image and sample build cold/warm (scripts/bench/og.ts)
 *   site        scaled programme: builds, memory, search, JS, bare Astro ratio (scripts/bench/site.ts)
 *   search      a first search's transfer on the sample, half and full scaled sets (scripts/bench/search.ts)
 *   lighthouse  Lighthouse scores of the sample hub (scripts/bench/lighthouse.ts)
 * Targets are reported, never enforced: the machine a bench runs on decides too much.
 * Exit codes: 0 every bench ran, 1 one or more failed (the summary shows the rest), 2 bad arguments.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Figure, table } from '../lib/bench/figures.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCHES = ['sharelog', 'og', 'site', 'search', 'lighthouse', 'digest'] as const;
type Bench = (typeof BENCHES)[number];

const HELP = `Usage: npm run bench [-- options]

Runs the benchmarks in order (${BENCHES.join(', ')}) and prints a summary of every figure
with its target. The whole set takes a quarter of an hour or more (the scaled site builds).

Options:
  --only LIST    Comma-separated benches to run, e.g. --only site,lighthouse
  --scale F      Passed to the site bench: scale of the generated programme. Default: 1
  -h, --help     Show this help

Exit status: 0 every bench ran, 1 a bench failed, 2 bad arguments.`;

/** Runs a bench, echoing its output, and returns what it printed. */
function runBench(script: string, args: string[]): Promise<{ code: number; output: string; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(HERE, script), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => {
      output += b.toString();
      process.stdout.write(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      output += b.toString();
      process.stderr.write(b);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output, ms: performance.now() - started }));
  });
}

const n = (s: string | undefined) => (s === undefined ? null : Number(s.replace(/,/g, '')));

/** The share-log bench prints a table and ratio lines; they become figures. */
function sharelogFigures(out: string): Figure[] {
  const row = (label: string) => new RegExp(`^${label}\\s+([\\d.,]+)\\s+([\\d.,]+)\\s+([\\d.,]+)`, 'm').exec(out);
  const full = row('dashboards --full');
  const next = row('next day \\(\\+10,000 rows\\)');
  const ratio = (label: string) => n(new RegExp(`${label}: ([\\d.,]+)x`).exec(out)?.[1]);
  const bench = 'sharelog';
  return [
    {
      bench,
      name: 'full ingest / DuckDB 2 threads',
      value: ratio('full / DuckDB \\(2 threads\\)'),
      unit: 'x',
      target: { op: '<=', value: 0.8 },
      note: `${full?.[2] ?? '?'} rows/s`,
    },
    { bench, name: 'full ingest peak memory', value: n(full?.[3]), unit: 'MB', target: { op: '<=', value: 400 } },
    { bench, name: 'next day build', value: n(next?.[1]), unit: 's', target: { op: '<=', value: 1 } },
    { bench, name: 'next day peak memory', value: n(next?.[3]), unit: 'MB', target: { op: '<=', value: 300 } },
    {
      bench,
      name: 'next day / full',
      value: n(/\), ([\d.,]+)x the full run/.exec(out)?.[1]),
      unit: 'x',
      target: { op: '<=', value: 0.05 },
    },
    { bench, name: '.gz / plain', value: ratio('\\.gz / plain'), unit: 'x', target: { op: '<=', value: 1.3 } },
  ];
}

/** The OG bench prints sentences; the per-image and build times become figures. */
function ogFigures(out: string): Figure[] {
  const bench = 'og';
  const build = (label: string) =>
    new RegExp(`${label} site build: (\\d+) ms — OG images: (\\d+) rendered, (\\d+) reused`).exec(out);
  const cold = build('cold');
  const warm = build('warm');
  const all = /all images cold, (\d+) threads: (\d+) images .* in (\d+) ms, (\d+) ms per image/.exec(out);
  return [
    { bench, name: 'one image, one thread', value: n(/one thread: (\d+) ms per image/.exec(out)?.[1]), unit: 'ms' },
    {
      bench,
      name: 'all sample images, cold',
      value: all ? Math.round((n(all[3]) ?? 0) / 100) / 10 : null,
      unit: 's',
      note: all ? `${all[2]} images on ${all[1]} threads, ${all[4]} ms/image` : undefined,
    },
    {
      bench,
      name: 'sample build cold',
      value: cold ? Math.round((n(cold[1]) ?? 0) / 100) / 10 : null,
      unit: 's',
      note: cold ? `${cold[2]} rendered` : undefined,
    },
    {
      bench,
      name: 'sample build warm',
      value: warm ? Math.round((n(warm[1]) ?? 0) / 100) / 10 : null,
      unit: 's',
      note: warm ? `${warm[2]} rendered, ${warm[3]} reused` : undefined,
    },
  ];
}

async function main(argv: string[]): Promise<number> {
  let values: { only?: string | undefined; scale: string; help: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        only: { type: 'string' },
        scale: { type: 'string', default: '1' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\nTry --help.\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const only = values.only?.split(',').map((s) => s.trim()) ?? [...BENCHES];
  const unknown = only.filter((b) => !(BENCHES as readonly string[]).includes(b));
  if (unknown.length || only.length === 0) {
    process.stderr.write(
      `bench: --only ${values.only}: unknown bench ${unknown.join(', ')} (choose from ${BENCHES.join(', ')})\n`,
    );
    return 2;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'relais-bench-index-'));
  const figures: Figure[] = [];
  const failed: string[] = [];
  const took: string[] = [];
  try {
    for (const bench of BENCHES.filter((b) => only.includes(b)) as Bench[]) {
      process.stdout.write(`\n=== ${bench} (load average ${loadavg()[0]?.toFixed(1)}) ===\n`);
      const json = join(tmp, `${bench}.json`);
      const args =
        bench === 'site'
          ? ['--json', json, '--scale', values.scale]
          : bench === 'lighthouse' || bench === 'search' || bench === 'digest'
            ? ['--json', json]
            : [];
      const run = await runBench(`${bench}.ts`, args);
      took.push(`${bench} ${Math.round(run.ms / 1000)} s`);
      if (run.code !== 0) failed.push(`${bench} (exit ${run.code})`);
      if (bench === 'sharelog') figures.push(...sharelogFigures(run.output));
      else if (bench === 'og') figures.push(...ogFigures(run.output));
      else if (run.code === 0) figures.push(...(JSON.parse(readFileSync(json, 'utf8')) as Figure[]));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  process.stdout.write(
    `\n=== summary: ${availableParallelism()} threads (${cpus()[0]?.model ?? '?'}), node ${process.version}, ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; ${took.join(', ')} ===\n${table(figures)}\n`,
  );
  if (failed.length) process.stderr.write(`\nbench: failed: ${failed.join(', ')}\n`);
  return failed.length ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
