/**
 * Share-log ingest benchmark (issue 6): generates 1,000,000 CSV rows (~100 MB) in a temp folder,
 * then measures, each in its own child process so that peak RSS is per process:
 *   (a) baseline: read the same file line by line with node:readline, nothing else;
 *   (b) ingest: the full pipeline of `npm run dashboards` (parse, validate, dedupe, aggregate,
 *       write the JSON).
 * Prints rows/s, MB/s, wall seconds and peak RSS for both. Targets are printed, never enforced.
 *
 *   node scripts/bench/sharelog.ts [--rows 1000000] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const DUCKDB_SECONDS = 1.35; // reference: DuckDB read_csv + the same aggregates, 1M rows, same machine class
const SELF = fileURLToPath(import.meta.url);
const ROOT = join(SELF, '..', '..', '..');

interface ChildResult {
  rows: number;
  maxRssMb: number;
}

async function child(mode: string, file: string): Promise<ChildResult> {
  let rows = 0;
  if (mode === 'baseline') {
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const _ of lines) rows++;
    rows--; // header
  } else {
    const { ingestFiles } = await import('../../src/sharelog/ingest.ts');
    const { listInputs } = await import('../../src/sharelog/read.ts');
    const { createZone } = await import('../../src/sharelog/timestamp.ts');
    const { serialize } = await import('../../src/sharelog/output.ts');
    const output = await ingestFiles(await listInputs([file]), { zone: createZone('Europe/Paris') });
    await writeFile(`${file}.json`, serialize(output));
    rows = output.ingest.rows;
  }
  return { rows, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

function measure(mode: string, file: string): ChildResult & { seconds: number } {
  const started = performance.now();
  const run = spawnSync(process.execPath, [SELF, '--child', mode, file], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr}`);
  return { ...(JSON.parse(run.stdout) as ChildResult), seconds };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      rows: { type: 'string', default: '1000000' },
      keep: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: false,
  });
  if (typeof values.child === 'string') {
    const file = process.argv[process.argv.length - 1] as string;
    process.stdout.write(JSON.stringify(await child(values.child, file)));
    return;
  }
  const rows = Number(values.rows);
  const dir = await mkdtemp(join(tmpdir(), 'relais-bench-'));
  const file = join(dir, 'shares.csv');
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
    console.log(`node ${process.version}, ${join(dir)}\n`);
    console.log('                      wall s      rows/s        MB/s   peak RSS MB');
    const results: Record<string, ChildResult & { seconds: number }> = {};
    for (const [name, mode] of [
      ['baseline (readline)', 'baseline'],
      ['ingest (dashboards)', 'ingest'],
    ] as const) {
      const r = measure(mode, file);
      results[mode] = r;
      console.log(
        `${name.padEnd(20)} ${f(r.seconds).padStart(7)} ${f(r.rows / r.seconds, 0).padStart(11)} ` +
          `${f(mb / r.seconds, 1).padStart(11)} ${f(r.maxRssMb, 0).padStart(13)}`,
      );
    }
    const base = results.baseline as { seconds: number };
    const ingest = results.ingest as { seconds: number; maxRssMb: number };
    console.log(`\ningest / baseline: ${f(ingest.seconds / base.seconds)}× the time of reading lines`);
    console.log(
      `ingest / DuckDB reference (${DUCKDB_SECONDS} s for 1M rows): ${f(ingest.seconds / (DUCKDB_SECONDS * (rows / 1e6)))}×`,
    );
    console.log(
      `targets for 1M rows: <= 5 s (${ingest.seconds <= 5 ? 'met' : 'missed'}), <= 300 MB peak (${ingest.maxRssMb <= 300 ? 'met' : 'missed'})`,
    );
  } finally {
    if (!values.keep) await rm(dir, { recursive: true, force: true });
  }
}

await main();
