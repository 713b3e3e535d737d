/**
 * `node scripts/bench/lighthouse.ts`: Lighthouse scores of the sample hub (issue 8). Builds the
 * sample programme into .relais/bench/sample-dist (or takes `--dist`), serves it on 127.0.0.1
 * under the base path, and runs Lighthouse (npm `lighthouse`, default mobile config: Moto G
 * class screen, simulated slow 4G and 4x CPU slowdown) in Debian's Chromium on the home page,
 * a card, a capsule and the dashboard. Prints performance, accessibility, best practices and
 * SEO with the targets (>= 98 performance, 100 the others) and, for any score under its
 * target, the audits that cost points. No request leaves the machine: the pages are local and
 * Lighthouse fetches nothing else.
 * Exit codes: 0 measured, 1 the build or Lighthouse failed, 2 bad arguments.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../../tests/lib/browser.ts';
import { testNow } from '../../tests/lib/paths.ts';
import { serve } from '../../tests/lib/server.ts';
import { astroBuild, BuildFailed } from '../lib/bench/build.ts';
import { type Figure, table } from '../lib/bench/figures.ts';
import { measure } from '../lib/bench/measure.ts';
import { firstSlug } from './js.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH = join(ROOT, '.relais', 'bench');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** The project's browser flags (tests/lib/browser.ts), headless since Lighthouse launches it. */
const CHROME_FLAGS = ['--headless', ...chromiumArgs];

const HELP = `Usage: node scripts/bench/lighthouse.ts [options]

Builds the sample hub (unless --dist is given), serves it on 127.0.0.1 and prints Lighthouse's
performance (mobile), accessibility, best-practices and SEO scores for the home page, a card,
a capsule and the dashboard. Targets: performance >= 98, the others 100.

Options:
  --dist DIR     Use this build instead of building the sample (must match --base)
  --base PATH    Base path to build and serve under. Default: /hub/
  --runs N       Lighthouse runs per page; the median score is kept. Default: 1
  --json FILE    Also write the figures as JSON (used by scripts/bench/index.ts)
  -h, --help     Show this help

Exit status: 0 measured, 1 the build or Lighthouse failed, 2 bad arguments.`;

/** Builds the sample content as `npm run build` does, into the bench's own folders. */
async function buildSample(base: string): Promise<string> {
  const logs = join(BENCH, 'logs');
  mkdirSync(logs, { recursive: true });
  const dist = join(BENCH, 'sample-dist');
  const dashboards = join(BENCH, 'sample-dashboards.json');
  const dash = await measure(
    process.execPath,
    [join(ROOT, 'scripts/dashboards.ts'), '--in', join(ROOT, 'content/logs/'), '--out', dashboards, '--quiet'],
    {
      cwd: ROOT,
      log: join(logs, 'sample-dashboards.log'),
    },
  );
  if (dash.code !== 0) throw new BuildFailed(`dashboards failed (exit ${dash.code}):\n${dash.output}`);
  const build = await astroBuild(
    'sample',
    ROOT,
    { cacheDir: join(BENCH, 'sample-astro-cache') },
    {
      RELAIS_CONTENT: 'content',
      RELAIS_OUT: dist,
      RELAIS_OG_CACHE: join(BENCH, 'sample-og-cache'),
      RELAIS_DASHBOARDS: dashboards,
      RELAIS_NOW: testNow,
      RELAIS_BASE: base,
    },
    logs,
  );
  process.stdout.write(`lighthouse: sample built in ${Math.round(build.ms / 1000)} s (${build.pages} pages)\n`);
  return dist;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function run(opts: { dist?: string | undefined; base: string; runs: number }): Promise<Figure[]> {
  const dist = opts.dist ? resolve(opts.dist) : await buildSample(opts.base);
  const content = join(ROOT, 'content');
  const pages = [
    ['home', ''],
    ['card', `cartes/${firstSlug(content, 'cards')}/`],
    ['capsule', `capsules/${firstSlug(content, 'capsules')}/`],
    ['dashboard', 'tableau-de-bord/'],
  ] as const;
  const server = await serve(dist, opts.base);
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: CHROME_FLAGS });
  const figures: Figure[] = [];
  try {
    for (const [name, path] of pages) {
      const url = `${server.url}${path}`;
      const scores: Record<string, number[]> = {};
      const lost = new Map<string, string>();
      for (let i = 0; i < opts.runs; i++) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
          // The screenshot of the whole page is only for the HTML report; it is slow and unused.
          disableFullPageScreenshot: true,
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        for (const c of CATEGORIES) {
          const category = lhr.categories[c];
          const score = Math.round((category?.score ?? 0) * 100);
          scores[c] = [...(scores[c] ?? []), score];
          // Which audits cost points (weighted audits under a full score).
          const misses = (category?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => {
              const audit = lhr.audits[ref.id];
              return `${ref.id}${audit?.displayValue ? ` (${audit.displayValue})` : ''}`;
            });
          if (misses.length) lost.set(c, misses.join(', '));
        }
        if (i === 0) {
          const metrics = [
            'first-contentful-paint',
            'largest-contentful-paint',
            'total-blocking-time',
            'cumulative-layout-shift',
          ]
            .map(
              (id) =>
                `${id
                  .replace(/-/g, ' ')
                  .replace(/\b(\w)\w+/g, '$1')
                  .replace(/ /g, '')
                  .toUpperCase()} ${lhr.audits[id]?.displayValue ?? '?'}`,
            )
            .join(', ');
          process.stdout.write(`lighthouse: ${name} /${path}: ${metrics}\n`);
        }
      }
      for (const c of CATEGORIES) {
        const value = median(scores[c] ?? []);
        const target = { op: '>=' as const, value: c === 'performance' ? 98 : 100 };
        const note =
          value < target.value
            ? `lost on: ${lost.get(c) ?? '?'}`
            : opts.runs > 1
              ? `median of ${opts.runs}: ${scores[c]?.join(', ')}`
              : '';
        figures.push({ bench: 'lighthouse', name: `${name} ${c}`, value, unit: '', target, note });
      }
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return figures;
}

async function main(argv: string[]): Promise<number> {
  let values: { dist?: string | undefined; base: string; runs: string; json?: string | undefined; help: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        dist: { type: 'string' },
        base: { type: 'string', default: '/hub/' },
        runs: { type: 'string', default: '1' },
        json: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
    if (!/^[1-9]\d*$/.test(values.runs)) throw new Error(`--runs ${values.runs}: expected a whole number >= 1`);
    if (!/^\/(.*\/)?$/.test(values.base))
      throw new Error(`--base ${values.base}: expected a path starting and ending with /`);
    if (values.dist && !existsSync(join(values.dist, 'index.html')))
      throw new Error(`--dist ${values.dist}: no built site there (index.html)`);
  } catch (error) {
    process.stderr.write(`lighthouse: ${(error as Error).message}\nTry --help.\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (!existsSync(chromiumPath)) {
    process.stderr.write(
      `lighthouse: no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)\n`,
    );
    return 1;
  }
  try {
    const figures = await run({ dist: values.dist, base: values.base, runs: Number(values.runs) });
    process.stdout.write(`\n${table(figures)}\n`);
    if (values.json) writeFileSync(values.json, JSON.stringify(figures, null, 2));
    return 0;
  } catch (error) {
    process.stderr.write(`lighthouse: ${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
