/**
 * JavaScript shipped per page type, gzipped: every script a page loads or may import (followed
 * through static and dynamic imports, see tests/lib/js-weight.ts), for one representative page
 * of each type. Used by the site bench on the scaled build; runs alone on any build:
 *
 *   node scripts/bench/js.ts --dist .relais/bench/dist --base /hub/ [--content .relais/bench/content]
 *
 * Pagefind's UI, which the search page injects by a script element at run time, is not in
 * these figures: the site bench measures it with the bytes of a query.
 * Exit codes: 0 measured, 2 bad arguments or no build at --dist.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pageJs } from '../../tests/lib/js-weight.ts';
import { type Figure, table } from '../lib/bench/figures.ts';

/** One page type: where its representative page is, and its budget (KB gzip) if it has one. */
interface PageType {
  name: string;
  /** Path under the output folder; `{card}` etc. are replaced by the first entry's slug. */
  path: string;
  budget?: number;
}

/**
 * The budgets: a card page <= 15 KB, the dashboard <= 80 KB, content pages (nothing to
 * interact with) 0. Pages with small widgets (filters, progress) are shown without a budget.
 */
export const pageTypes: PageType[] = [
  { name: 'home', path: 'index.html', budget: 0 },
  { name: 'card list', path: 'cartes/index.html' },
  { name: 'card page', path: 'cartes/{cards}/index.html', budget: 15 },
  { name: 'capsule page', path: 'capsules/{capsules}/index.html' },
  { name: 'path page', path: 'parcours/{paths}/index.html' },
  { name: 'dashboard', path: 'tableau-de-bord/index.html', budget: 80 },
  { name: 'search', path: 'recherche/index.html' },
  { name: 'charter', path: 'charte/index.html', budget: 0 },
  { name: 'charter page', path: 'charte/{guidelines}/index.html', budget: 0 },
  { name: 'testimonial page', path: 'temoignages/{testimonials}/index.html', budget: 0 },
  { name: 'event page', path: 'agenda/{events}/index.html' },
];

/** First French entry (by file name) of a collection that has a built page. */
export function firstSlug(contentDir: string, collection: string): string | undefined {
  const dir = join(contentDir, collection, 'fr');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .sort()[0]
        ?.slice(0, -3)
    : undefined;
}

/** Measures every page type of a build; a missing page gives a `null` figure with a note. */
export function jsFigures(dist: string, base: string, contentDir: string, bench = 'js'): Figure[] {
  return pageTypes.map(({ name, path, budget }) => {
    const file = join(
      dist,
      path.replace(/\{(\w+)\}/, (_, c: string) => firstSlug(contentDir, c) ?? c),
    );
    const target = budget === undefined ? undefined : { op: '<=' as const, value: budget };
    if (!existsSync(file)) return { bench, name: `JS ${name}`, value: null, unit: 'KB gz', target, note: `no ${file}` };
    const { gzip, files } = pageJs(dist, base, file);
    return {
      bench,
      name: `JS ${name}`,
      value: Math.round((gzip / 1024) * 10) / 10,
      unit: 'KB gz',
      target,
      note: `${files.size} file(s), /${path.split('/{')[0]}`,
    };
  });
}

const HELP = `Usage: node scripts/bench/js.ts --dist DIR [--base /hub/] [--content DIR] [--json FILE]

Prints the gzipped JavaScript of one page per type (home, card list, card page, capsule, path,
dashboard, search, charter, …) of a build, with the budgets: card page <= 15 KB, dashboard
<= 80 KB, content pages 0. Exit status: 0 measured, 2 bad arguments or no build at --dist.`;

async function main(): Promise<number> {
  let values: { dist?: string | undefined; base: string; content: string; json?: string | undefined; help: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        dist: { type: 'string' },
        base: { type: 'string', default: '/' },
        content: { type: 'string', default: 'content' },
        json: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`js: ${(error as Error).message}\nTry --help.\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const dist = resolve(values.dist ?? '');
  if (!values.dist || !existsSync(join(dist, 'index.html'))) {
    process.stderr.write(`js: --dist ${values.dist ?? '(missing)'}: no built site there (index.html)\n`);
    return 2;
  }
  const figures = jsFigures(dist, values.base, resolve(values.content));
  process.stdout.write(`${table(figures)}\n`);
  if (values.json) writeFileSync(values.json, JSON.stringify(figures, null, 2));
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
