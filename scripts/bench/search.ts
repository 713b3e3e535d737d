/**
 * `node scripts/bench/search.ts`: what a visitor's first search costs, and how it grows with the
 * number of pages (issue 17, "A lighter search"). Builds the sample hub and scaled programmes
 * (OG images off: they do not touch the index), serves each build compressed as nginx does and
 * measures the first query's transfer in Chromium (scripts/lib/bench/search.ts).
 * Exit codes: 0 measured, 1 a build, the generator or a measure failed, 2 bad arguments.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { testNow } from '../../tests/lib/paths.ts';
import { astroBuild, BuildFailed } from '../lib/bench/build.ts';
import { type Figure, table } from '../lib/bench/figures.ts';
import { measure } from '../lib/bench/measure.ts';
import { queryFigures } from '../lib/bench/search.ts';
import { defaultCounts } from '../lib/programme/generate.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH = join(ROOT, '.relais', 'bench', 'search');

const HELP = `Usage: node scripts/bench/search.ts [options]

Builds the sample hub and the scaled programme at each scale (OG images off), then for each
build measures a visitor's first search in Chromium, served compressed as deploy/nginx does:
bytes of Pagefind's runtime, WASM, metadata, index chunks, filters and fragments for each query
(partage, station, hydrotech, partage + the filter Type: Capsule; sharing on the English page),
and the search page's UI.
Target: at most 150 KB per first query on the full scaled set (scale 1). Takes minutes.

Options:
  --scales LIST    Scaled programmes to build, as factors of the default counts. Default: 0.5,1
  --no-sample      Skip the sample hub
  --dist DIR       Measure this build instead (built under --base); builds nothing
  --base PATH      Base path of the builds. Default: /hub/
  --json FILE      Also write the figures as JSON (used by scripts/bench/index.ts)
  -h, --help       Show this help

Exit status: 0 measured, 1 a build or a measure failed, 2 bad arguments.`;

class Failed extends Error {}

/** Pages Pagefind indexed, from its fragment files (one per page). */
const indexed = (dist: string) => readdirSync(join(dist, 'pagefind', 'fragment')).length;

async function build(label: string, content: string, base: string): Promise<string> {
  const at = join(BENCH, label);
  // A clean build each time (the content folder, generated next to these, stays).
  for (const dir of ['dist', 'astro-cache', 'pagefind-cache']) rmSync(join(at, dir), { recursive: true, force: true });
  mkdirSync(join(at, 'logs'), { recursive: true });
  const dashboards = join(at, 'dashboards.json');
  const dash = await measure(
    process.execPath,
    [
      join(ROOT, 'scripts/dashboards.ts'),
      ...['--in', join(ROOT, 'content/logs/'), '--content', content, '--out', dashboards, '--quiet'],
    ],
    { cwd: ROOT, log: join(at, 'logs', 'dashboards.log') },
  );
  if (dash.code !== 0) throw new Failed(`${label}: dashboards failed (exit ${dash.code}):\n${dash.output}`);
  const dist = join(at, 'dist');
  await astroBuild(
    label,
    ROOT,
    { cacheDir: join(at, 'astro-cache') },
    {
      RELAIS_CONTENT: content,
      RELAIS_OUT: dist,
      RELAIS_BASE: base,
      RELAIS_NOW: testNow,
      RELAIS_OG: 'off',
      RELAIS_DASHBOARDS: dashboards,
      RELAIS_PAGEFIND_CACHE: join(at, 'pagefind-cache'),
      RELAIS_ADMIN_CACHE: join(at, 'admin-cache'),
      RELAIS_OG_CACHE: join(at, 'og-cache'),
    },
    join(at, 'logs'),
  );
  return dist;
}

async function generate(label: string, scale: number): Promise<string> {
  const out = join(BENCH, label, 'content');
  mkdirSync(join(BENCH, label, 'logs'), { recursive: true });
  const counts = Object.entries(defaultCounts).flatMap(([k, v]) => [
    `--${k}`,
    String(Math.max(1, Math.round(v * scale))),
  ]);
  const gen = await measure(
    process.execPath,
    [join(ROOT, 'scripts/generate-programme.ts'), '--out', out, '--force', '--seed', '1', '--quiet', ...counts],
    { cwd: ROOT, log: join(BENCH, label, 'logs', 'generate.log') },
  );
  if (gen.code !== 0) throw new Failed(`generator failed (exit ${gen.code}):\n${gen.output}`);
  return out;
}

async function measureBuild(label: string, dist: string, base: string, target?: number): Promise<Figure[]> {
  const pages = indexed(dist);
  process.stdout.write(`search: ${label}: ${pages} pages indexed, measuring…\n`);
  const figures = await queryFigures('search', dist, base, { label, target });
  figures.unshift({ bench: 'search', name: `${label}: pages indexed`, value: pages, unit: 'pages', note: 'fr + en' });
  for (const f of figures) process.stdout.write(`search: ${f.name}: ${f.value} ${f.unit} (${f.note ?? ''})\n`);
  return figures;
}

async function main(argv: string[]): Promise<number> {
  let values: { scales: string; sample: boolean; dist?: string; base: string; json?: string; help: boolean };
  let scales: number[];
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowNegative: true,
      options: {
        scales: { type: 'string', default: '0.5,1' },
        sample: { type: 'boolean', default: true },
        dist: { type: 'string' },
        base: { type: 'string', default: '/hub/' },
        json: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
    scales = values.scales.split(',').map(Number);
    if (scales.some((s) => !(s > 0)))
      throw new Error(`--scales ${values.scales}: expected numbers > 0, comma-separated`);
    if (!/^\/(.*\/)?$/.test(values.base))
      throw new Error(`--base ${values.base}: expected a path starting and ending with /`);
  } catch (error) {
    process.stderr.write(`search: ${(error as Error).message}\nTry --help.\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const figures: Figure[] = [];
  try {
    if (values.dist) figures.push(...(await measureBuild('build', values.dist, values.base)));
    else {
      if (values.sample)
        figures.push(...(await measureBuild('sample', await build('sample', 'content', values.base), values.base)));
      for (const scale of scales) {
        const label = `scaled x${scale}`;
        const dir = `scaled-${scale}`;
        const dist = await build(dir, await generate(dir, scale), values.base);
        figures.push(...(await measureBuild(label, dist, values.base, scale === 1 ? 150 : undefined)));
      }
    }
  } catch (error) {
    if (!(error instanceof Failed || error instanceof BuildFailed)) throw error;
    process.stderr.write(`search: ${error.message}\n`);
    return 1;
  }
  process.stdout.write(`\n${table(figures)}\n`);
  if (values.json) writeFileSync(values.json, JSON.stringify(figures, null, 2));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
