/**
 * `node scripts/bench/site.ts`: the hub's build at scale (issue 8, "Scale and budgets").
 * Generates the scaled programme into .relais/bench/content, then in one run:
 *   1. cold full build (dashboards + astro build; empty OG, admin bundle, search index and
 *      content caches);
 *   2. a bare Astro build of as many pages from the same Markdown, cold;
 *   3. warm builds (same inputs, caches kept: a CI run with its cache restored), hub and bare
 *      taking turns `--runs` times, the fastest of each counting; the ratio warm hub / warm bare
 *      (target <= 1.5); then as many clean builds (every page rendered, `RELAIS_INCREMENTAL=off`)
 *      and as many builds after one card's title is edited, each taking turns with a bare warm
 *      build, every ratio against the fastest bare warm build (targets <= 1.3);
 *   4. Pagefind index size and what a first query transfers, compressed as nginx serves it
 *      (Chromium on the warm build, scripts/lib/bench/search.ts);
 *   5. JS per page type, gzipped (scripts/bench/js.ts);
 * Each build writes into an output folder of its own (see `outDir` below).
 * Builds run through Astro's `build()` API with their own cache folder (scripts/lib/bench/build.ts),
 * so that they never share `node_modules/.astro` with another build of this checkout. Every
 * build's log is kept in
 * .relais/bench/logs/. Targets are printed, never enforced.
 * Exit codes: 0 measured, 1 a build or the generator failed, 2 bad arguments.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseYaml } from '../../src/model/yaml.ts';
import { testNow } from '../../tests/lib/paths.ts';
import { writeBareProject } from '../lib/bench/bare.ts';
import { type Build, BuildFailed, astroBuild as runAstroBuild } from '../lib/bench/build.ts';
import { type Figure, table } from '../lib/bench/figures.ts';
import { measure } from '../lib/bench/measure.ts';
import { queryFigures } from '../lib/bench/search.ts';
import { defaultCounts } from '../lib/programme/generate.ts';
import { jsFigures } from './js.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH = join(ROOT, '.relais', 'bench');
const at = {
  content: join(BENCH, 'content'),
  /** One output folder per build, all removed when the bench starts (see `outDir`). */
  out: join(BENCH, 'out'),
  ogCache: join(BENCH, 'og-cache'),
  adminCache: join(BENCH, 'admin-cache'),
  pagefindCache: join(BENCH, 'pagefind-cache'),
  astroCache: join(BENCH, 'astro-cache'),
  dashboards: join(BENCH, 'dashboards.json'),
  logs: join(BENCH, 'logs'),
  bare: join(BENCH, 'bare'),
};

const HELP = `Usage: node scripts/bench/site.ts [options]

Builds the scaled programme cold and warm, a bare Astro build of as many pages, and prints
build time, pages/s, OG images rendered/reused, peak memory, Pagefind index size and query
bytes, JS per page type, and the ratios to a bare warm build: warm (target <= 1.5), clean
(every page rendered) and after one card's title is edited (targets <= 1.3). Takes minutes.

Options:
  --scale F        Multiply every default count (${Object.entries(defaultCounts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')}) by F. Default: 1
  --seed N         Generator seed. Default: 1
  --base PATH      Base path of both builds. Default: /hub/
  --query WORD     Search query typed in the search page, instead of the usual set
                   (scripts/lib/bench/search.ts: partage, station, hydrotech, partage + a filter, sharing in English)
  --runs N         Builds of each kind (warm, clean, edit, each with a bare one); the fastest counts. Default: 2
  --json FILE      Also write the figures as JSON (used by scripts/bench/index.ts)
  -h, --help       Show this help

Exit status: 0 measured, 1 a build or the generator failed, 2 bad arguments.`;

class Failed extends Error {}

const seconds = (ms: number) => Math.round(ms / 100) / 10;
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const num = (re: RegExp, text: string) => {
  const m = re.exec(text);
  return m ? Number(m[1]) : null;
};
const astroBuild = (label: string, root: string, inline: Record<string, unknown>, env: NodeJS.ProcessEnv) =>
  runAstroBuild(label, root, inline, env, at.logs);

/** Sums the sizes of the files under `dir`. */
function folderBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      bytes += statSync(join(entry.parentPath, entry.name)).size;
      files++;
    }
  return { bytes, files };
}

/** The fastest of several runs (a shared machine only ever adds time), with every run's time. */
function fastest<T extends { ms: number }>(runs: T[]) {
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { best, note: `best of ${runs.length}: ${runs.map((r) => `${seconds(r.ms)} s`).join(', ')}` };
}

/** Appends « (modifiée) » to the title of the first French card; says which file it edited. */
function editOneCard(content: string): string {
  const dir = join(content, 'cards', 'fr');
  const file = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()[0];
  if (!file) throw new Failed(`no card in ${dir}`);
  const text = readFileSync(join(dir, file), 'utf8');
  const next = text.replace(/^title: (.*)$/m, (line) => {
    const { title } = parseYaml(line) as { title: string };
    return `title: ${JSON.stringify(`${title} (modifiée)`)}`;
  });
  if (next === text) throw new Failed(`${dir}/${file}: no title line to edit`);
  writeFileSync(join(dir, file), next);
  return `cards/fr/${file} retitled`;
}

async function bench(opts: {
  scale: number;
  seed: number;
  base: string;
  query: string;
  runs: number;
}): Promise<Figure[]> {
  const figures: Figure[] = [];
  const add = (name: string, value: number | null, unit: string, more: Partial<Figure> = {}) => {
    const f: Figure = { bench: 'site', name, value, unit, ...more };
    figures.push(f);
    return f;
  };
  const say = (text: string) => process.stdout.write(`site: ${text}\n`);
  mkdirSync(at.logs, { recursive: true });
  // Every build writes into a folder of its own, never one just emptied: on ext4, creating
  // thousands of files right after deleting thousands makes the kernel scan the recently freed
  // inodes (measured here: a bare build going from 10 s to 31 s over five delete-and-rebuild
  // runs, in system time). A CI build writes into a fresh clone, which is what this measures.
  rmSync(at.out, { recursive: true, force: true });
  const outDir = (label: string) => join(at.out, label);
  say(
    `${availableParallelism()} threads (${cpus()[0]?.model ?? '?'}), ${mb(totalmem())} MB RAM, node ${process.version}`,
  );

  // 1. The scaled programme.
  const counts = Object.entries(defaultCounts).flatMap(([k, v]) => [
    `--${k}`,
    String(Math.max(1, Math.round(v * opts.scale))),
  ]);
  const gen = await measure(
    process.execPath,
    [
      join(ROOT, 'scripts/generate-programme.ts'),
      '--out',
      at.content,
      '--force',
      '--seed',
      String(opts.seed),
      ...counts,
    ],
    { cwd: ROOT, log: join(at.logs, 'generate.log') },
  );
  if (gen.code !== 0) throw new Failed(`generator failed (exit ${gen.code}):\n${gen.output}`);
  say(gen.output.trim());
  const entries = num(/(\d+) valid entries/, gen.output);
  add('entries (fr + en)', entries, '', { note: /\(([^)]*en)\)/.exec(gen.output)?.[1] });

  // 2. Cold then warm full builds: `npm run dashboards` then `astro build`, as `npm run build`.
  const env = {
    RELAIS_CONTENT: at.content,
    RELAIS_OG_CACHE: at.ogCache,
    RELAIS_ADMIN_CACHE: at.adminCache,
    RELAIS_PAGEFIND_CACHE: at.pagefindCache,
    RELAIS_DASHBOARDS: at.dashboards,
    RELAIS_NOW: testNow,
    RELAIS_BASE: opts.base,
  };
  const full = async (
    label: string,
    extra: NodeJS.ProcessEnv = {},
  ): Promise<Build & { total: number; ms: number; dist: string }> => {
    const dash = await measure(
      process.execPath,
      // The sample logs, even where RELAIS_SHARE_LOGS points at production ones: same input every run.
      [
        join(ROOT, 'scripts/dashboards.ts'),
        '--in',
        join(ROOT, 'content/logs/'),
        '--content',
        at.content,
        '--out',
        at.dashboards,
        '--quiet',
      ],
      { cwd: ROOT, log: join(at.logs, `${label}-dashboards.log`) },
    );
    if (dash.code !== 0) throw new Failed(`dashboards failed (exit ${dash.code}):\n${dash.output}`);
    const dist = outDir(label);
    const build = await astroBuild(label, ROOT, { cacheDir: at.astroCache }, { ...env, ...extra, RELAIS_OUT: dist });
    const total = dash.ms + build.ms;
    say(
      `${label}: ${seconds(total)} s (dashboards ${seconds(dash.ms)} s), ${build.pages} pages, ` +
        `OG ${build.rendered} rendered / ${build.reused} reused, peak RSS ${mb(build.peakTree)} MB (tree)`,
    );
    // `ms` is what `fastest` compares: the whole build, dashboards included.
    return { ...build, total, ms: total, dist };
  };
  for (const dir of [at.ogCache, at.adminCache, at.pagefindCache, at.astroCache])
    rmSync(dir, { recursive: true, force: true });
  const cold = await full('cold');

  // The bare Astro build of as many pages, from the same Markdown (scripts/lib/bench/bare.ts).
  writeBareProject(at.bare, at.content, cold.pages ?? 0, opts.base);
  const bareCache = join(at.bare, '.astro-cache');
  rmSync(bareCache, { recursive: true, force: true });
  const bare = async (label: string) => {
    const b = await astroBuild(label, at.bare, { cacheDir: bareCache, outDir: outDir(label) }, {});
    say(`${label}: ${seconds(b.ms)} s, ${b.pages} pages, peak RSS ${mb(b.peakTree)} MB`);
    return b;
  };
  const bareCold = await bare('bare-cold');

  // Warm builds, hub and bare taking turns so that both meet the same machine.
  const hubRuns: Array<Awaited<ReturnType<typeof full>>> = [];
  const bareRuns: Build[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const suffix = i ? `-${i + 1}` : '';
    hubRuns.push(await full(`warm${suffix}`));
    bareRuns.push(await bare(`bare-warm${suffix}`));
  }
  // Clean builds: every page rendered (`RELAIS_INCREMENTAL=off`: Astro's page cache unused),
  // the image and search caches kept (the pages come out the same, so neither has work).
  const renderRuns: Array<Awaited<ReturnType<typeof full>>> = [];
  for (let i = 0; i < opts.runs; i++) {
    renderRuns.push(await full(`clean${i ? `-${i + 1}` : ''}`, { RELAIS_INCREMENTAL: 'off' }));
    bareRuns.push(await bare(`bare-warm-${opts.runs + i + 1}`));
  }
  // What a CMS commit costs: one card's title edited, then a warm build; once per run, each
  // run editing the same card again, hub and bare taking turns.
  const editRuns: Array<Awaited<ReturnType<typeof full>>> = [];
  let edited = '';
  for (let i = 0; i < opts.runs; i++) {
    edited = editOneCard(at.content);
    editRuns.push(await full(`edit${i ? `-${i + 1}` : ''}`));
    bareRuns.push(await bare(`bare-warm-${2 * opts.runs + i + 1}`));
  }
  const { best: warm, note: warmRuns } = fastest(hubRuns);
  const { best: clean, note: cleanRuns } = fastest(renderRuns);
  const { best: edit, note: editNote } = fastest(editRuns);
  const { best: bareWarm, note: bareNote } = fastest(bareRuns);
  for (const [label, b] of [
    ['cold', cold],
    ['warm', warm],
  ] as const) {
    add(`${label} full build`, seconds(b.total), 's', {
      note:
        `dashboards + astro build; ${b.reusedPages} pages reused, search index ` +
        `${b.searchReused ? 'reused' : 'built'}${label === 'warm' ? `; ${warmRuns}` : ''}`,
    });
    add(`${label} pages/s`, b.pages === null ? null : Math.round(b.pages / (b.total / 1000)), 'pages/s', {
      note: `${b.pages} pages`,
    });
    add(`${label} OG rendered`, b.rendered, 'images', { note: `${b.reused} reused` });
    add(`${label} peak memory`, mb(b.peakTree), 'MB', {
      note: `process tree, sampled 5/s; main process ${b.mainRss === null ? '?' : mb(b.mainRss)} MB`,
    });
  }
  add('clean build (every page rendered)', seconds(clean.total), 's', {
    note: `RELAIS_INCREMENTAL=off, image and search caches kept; ${clean.reusedPages} pages reused; ${cleanRuns}`,
  });
  add('clean build peak memory', mb(clean.peakTree), 'MB', {
    note: `process tree; main process ${clean.mainRss === null ? '?' : mb(clean.mainRss)} MB`,
  });
  add('warm build, one card edited', seconds(edit.total), 's', {
    note: `${edited}; ${edit.reusedPages ?? '?'} pages reused, Pagefind ${edit.searchReused ? 'reused' : 're-indexed'}; ${editNote}`,
  });
  add('edit build peak memory', mb(edit.peakTree), 'MB', {
    note: `process tree; main process ${edit.mainRss === null ? '?' : mb(edit.mainRss)} MB`,
  });

  // 4. Search: index size, what a first query transfers.
  const index = folderBytes(join(warm.dist, 'pagefind'));
  add('Pagefind index', mb(index.bytes), 'MB', { note: `${index.files} files` });
  try {
    figures.push(
      ...(await queryFigures('site', warm.dist, opts.base, {
        label: 'scaled set',
        queries: opts.query ? [{ label: opts.query, term: opts.query }] : undefined,
        target: opts.scale === 1 ? 150 : undefined,
      })),
    );
  } catch (error) {
    add('first query', null, 'KB', { note: `could not measure: ${(error as Error).message.split('\n')[0]}` });
  }

  // 5. JS per page type.
  figures.push(...jsFigures(warm.dist, opts.base, at.content, 'site'));

  add('bare Astro build cold', seconds(bareCold.ms), 's', { note: `${bareCold.pages} pages` });
  add('bare Astro build warm', seconds(bareWarm.ms), 's', { note: `${bareWarm.pages} pages; ${bareNote}` });
  const ratio = (ms: number) => Math.round((ms / bareWarm.ms) * 100) / 100;
  add('warm build / bare warm', ratio(warm.total), 'x', {
    target: { op: '<=', value: 1.5 },
    note: `cold/bare cold ${Math.round((cold.total / bareCold.ms) * 100) / 100}x`,
  });
  add('clean build / bare warm', ratio(clean.total), 'x', { target: { op: '<=', value: 1.3 } });
  add('edit build / bare warm', ratio(edit.total), 'x', { target: { op: '<=', value: 1.3 } });
  return figures;
}

async function main(argv: string[]): Promise<number> {
  let values: {
    scale: string;
    seed: string;
    base: string;
    query: string;
    runs: string;
    json?: string | undefined;
    help: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        scale: { type: 'string', default: '1' },
        seed: { type: 'string', default: '1' },
        base: { type: 'string', default: '/hub/' },
        query: { type: 'string', default: '' },
        runs: { type: 'string', default: '2' },
        json: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
    if (!(Number(values.scale) > 0)) throw new Error(`--scale ${values.scale}: expected a number > 0`);
    if (!/^[1-9]\d*$/.test(values.runs)) throw new Error(`--runs ${values.runs}: expected a whole number >= 1`);
    if (!/^\d+$/.test(values.seed)) throw new Error(`--seed ${values.seed}: expected a whole number`);
    if (!/^\/(.*\/)?$/.test(values.base))
      throw new Error(`--base ${values.base}: expected a path starting and ending with /`);
  } catch (error) {
    process.stderr.write(`site: ${(error as Error).message}\nTry --help.\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  try {
    const figures = await bench({
      scale: Number(values.scale),
      seed: Number(values.seed),
      base: values.base,
      query: values.query,
      runs: Number(values.runs),
    });
    process.stdout.write(`\n${table(figures)}\n`);
    if (values.json) writeFileSync(values.json, JSON.stringify(figures, null, 2));
    return 0;
  } catch (error) {
    if (!(error instanceof Failed || error instanceof BuildFailed)) throw error;
    process.stderr.write(`site: ${error.message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
