import type { Page } from 'playwright-core';
import { launch } from '../../../tests/lib/browser.ts';
import type { Figure } from './figures.ts';
import { serveCompressed } from './serve-gzip.ts';

/** A first query on the search page: a word typed, then maybe one filter ticked (Pagefind's UI filters a search, it does not search by filter alone). */
export interface Query {
  label: string;
  term: string;
  filter?: { name: string; value: string };
  /** The search page, under the base path. Default: the French one, `recherche/`. */
  page?: string;
}

export const kinds = ['ui', 'pagefind.js', 'wasm', 'entry/meta', 'index', 'fragment', 'filter'] as const;
export type Kind = (typeof kinds)[number];

/** What one first query cost: bytes on the wire (bodies as served, compressed), by kind of file. */
export interface QueryTransfer {
  query: Query;
  bytes: Record<Kind, number>;
  files: Record<Kind, number>;
  total: number;
  /** The same bodies once decompressed by the browser. */
  decoded: number;
  results: number;
  /** Every response counted: path under /pagefind/ and bytes on the wire. */
  responses: Array<[string, number]>;
}

export function kindOf(url: string): Kind {
  const name = url.split('/pagefind/')[1] ?? '';
  if (name.startsWith('pagefind-ui')) return 'ui';
  if (name.startsWith('pagefind.js') || name.startsWith('pagefind-worker')) return 'pagefind.js';
  if (name.startsWith('wasm.')) return 'wasm';
  if (name.startsWith('index/')) return 'index';
  if (name.startsWith('fragment/')) return 'fragment';
  if (name.startsWith('filter/')) return 'filter';
  return 'entry/meta';
}

const zero = () => Object.fromEntries(kinds.map((k) => [k, 0])) as Record<Kind, number>;

/**
 * Serves `dist` compressed as nginx does (./serve-gzip.ts) and, for each query, opens the search
 * page in a fresh Chromium context (empty cache: a visitor's first search), runs the query
 * through Pagefind's UI and adds up every `/pagefind/` response from page load until the network
 * has been quiet for a second after the results: Pagefind's UI, runtime, WASM, entry and
 * metadata, index chunks, filters and the fragments of the results shown. Sizes are the encoded
 * bodies Chromium received: gzip for JS and CSS, the files themselves for Pagefind's .pf_* and
 * wasm, which are gzip already (nginx does not compress them again).
 */
export async function measureQueries(
  dist: string,
  base: string,
  queries: readonly Query[],
): Promise<{ served: string; transfers: QueryTransfer[] }> {
  const server = await serveCompressed(dist, base);
  const browser = await launch();
  try {
    const transfers: QueryTransfer[] = [];
    for (const query of queries) {
      const context = await browser.newContext({ locale: 'fr-FR' });
      try {
        transfers.push(await firstQuery(await context.newPage(), `${server.url}${query.page ?? 'recherche/'}`, query));
      } finally {
        await context.close();
      }
    }
    return { served: server.how, transfers };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function firstQuery(page: Page, url: string, query: Query): Promise<QueryTransfer> {
  const bytes = zero();
  const files = zero();
  let decoded = 0;
  const responses: Array<[string, number]> = [];
  const pending = new Set<Promise<void>>();
  let last = performance.now();
  page.on('requestfinished', (request) => {
    if (!request.url().includes('/pagefind/')) return;
    const p = (async () => {
      const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
      const kind = kindOf(request.url());
      bytes[kind] += sizes.responseBodySize;
      files[kind]++;
      responses.push([request.url().split('/pagefind/')[1] ?? '', sizes.responseBodySize]);
      decoded += (await response?.body())?.length ?? 0;
      last = performance.now();
    })().catch(() => undefined);
    pending.add(p);
    void p.finally(() => pending.delete(p));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const input = page.locator('.pagefind-ui__search-input');
  await input.waitFor({ timeout: 30_000 });
  await input.fill(query.term);
  await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 60_000 });
  if (query.filter) {
    const { name, value } = query.filter;
    const before = await page.locator('.pagefind-ui__message').textContent();
    await page.locator('.pagefind-ui__filter-name', { hasText: name }).first().click({ timeout: 30_000 });
    await page.locator('.pagefind-ui__filter-label', { hasText: value }).first().click();
    await page.waitForFunction(
      (text) => document.querySelector('.pagefind-ui__message')?.textContent !== text,
      before,
      { timeout: 60_000 },
    );
  }
  last = performance.now();
  while (performance.now() - last < 1000 || pending.size) await page.waitForTimeout(200);
  const results = await page.locator('.pagefind-ui__result').count();
  const total = Object.values(bytes).reduce((a, b) => a + b, 0);
  return { query, bytes, files, total, decoded, results, responses };
}

/** "12.3 KB" with 1 KB = 1,024 bytes, as the figures in docs/bench.md. */
export const kb = (n: number) => Math.round(n / 102.4) / 10;

/** One line per query: total and each kind's share. */
export function describeTransfer(t: QueryTransfer): string {
  const parts = kinds.filter((k) => t.files[k]).map((k) => `${k} ${kb(t.bytes[k])} (${t.files[k]})`);
  return `${t.query.label}: ${kb(t.total)} KB over ${Object.values(t.files).reduce((a, b) => a + b, 0)} files (${parts.join(', ')}; ${kb(t.decoded)} KB decoded), ${t.results} results`;
}

/**
 * What the benches type: a common French word, a word of card titles, a rarer name, a word with
 * a filter, and a common word on the English search page (its own index and stemming).
 */
export const defaultQueries: readonly Query[] = [
  { label: 'partage', term: 'partage' },
  { label: 'station', term: 'station' },
  { label: 'hydrotech', term: 'hydrotech' },
  { label: 'partage + Type: Capsule', term: 'partage', filter: { name: 'Type', value: 'Capsule' } },
  { label: 'sharing (English page)', term: 'sharing', page: 'en/recherche/' },
];

/**
 * The first query's figures for one build: per query, the bytes Pagefind fetches for it (runtime,
 * WASM, entry and metadata, index chunks, filters, fragments: what the issue's target is about),
 * and once the UI script and style the search page loads before anyone types.
 */
export async function queryFigures(
  bench: string,
  dist: string,
  base: string,
  opts: { label: string; queries?: readonly Query[] | undefined; target?: number | undefined },
): Promise<Figure[]> {
  const { served, transfers } = await measureQueries(dist, base, opts.queries ?? defaultQueries);
  const figures: Figure[] = transfers.map((t) => ({
    bench,
    name: `${opts.label}: first query "${t.query.label}"`,
    value: kb(t.total - t.bytes.ui),
    unit: 'KB',
    target: opts.target === undefined ? undefined : { op: '<=', value: opts.target },
    note: `${kinds
      .filter((k) => k !== 'ui' && t.files[k])
      .map((k) => `${k} ${kb(t.bytes[k])}`)
      .join(', ')}; ${t.results} results`,
  }));
  const ui = transfers[0]?.bytes.ui ?? 0;
  figures.push({
    bench,
    name: `${opts.label}: search page UI (before typing)`,
    value: kb(ui),
    unit: 'KB',
    note: `pagefind-ui.js and .css; served by ${served}`,
  });
  return figures;
}
