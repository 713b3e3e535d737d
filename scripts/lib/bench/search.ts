import { launch } from '../../../tests/lib/browser.ts';
import { serve } from '../../../tests/lib/server.ts';

/** Bytes of `/pagefind/` responses: when the search page loads, then for the query itself. */
export interface QueryBytes {
  onLoad: number;
  forQuery: number;
  /** Responses, by kind of Pagefind file (ui, runtime, wasm, index, fragment, filter, meta). */
  byKind: Record<string, number>;
  results: number;
}

const kindOf = (url: string) => {
  const name = url.split('/pagefind/')[1] ?? '';
  if (name.startsWith('pagefind-ui')) return 'ui';
  if (name.startsWith('pagefind.js') || name.startsWith('pagefind-entry')) return 'runtime';
  if (name.startsWith('wasm')) return 'wasm';
  if (name.startsWith('index/')) return 'index';
  if (name.startsWith('fragment/')) return 'fragment';
  if (name.startsWith('filter/')) return 'filter';
  return 'meta';
};

/**
 * Serves `dist` under `base` on 127.0.0.1, opens the search page in Chromium, types `query` in
 * Pagefind's box and adds up the bytes of every response under `/pagefind/` until the network
 * has been quiet for a second after the first results. Bytes are the bodies as served (Pagefind's
 * index chunks are gzip files already; its JS and CSS would shrink further behind nginx's gzip).
 */
export async function measureQuery(dist: string, base: string, query: string): Promise<QueryBytes> {
  const server = await serve(dist, base);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    let phase: 'onLoad' | 'forQuery' = 'onLoad';
    const bytes = { onLoad: 0, forQuery: 0 };
    const byKind: Record<string, number> = {};
    const pending = new Set<Promise<void>>();
    let last = performance.now();
    page.on('response', (response) => {
      const url = response.url();
      if (!url.includes('/pagefind/')) return;
      const counted = phase;
      const p = response
        .body()
        .then((body) => {
          bytes[counted] += body.length;
          const kind = kindOf(url);
          byKind[kind] = (byKind[kind] ?? 0) + body.length;
          last = performance.now();
        })
        .catch(() => undefined);
      pending.add(p);
      void p.finally(() => pending.delete(p));
    });
    await page.goto(`${server.url}recherche/`, { waitUntil: 'networkidle' });
    const input = page.locator('.pagefind-ui__search-input');
    await input.waitFor({ timeout: 30_000 });
    await Promise.all(pending);
    phase = 'forQuery';
    await input.fill(query);
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 60_000 });
    last = performance.now();
    while (performance.now() - last < 1000 || pending.size) await page.waitForTimeout(200);
    const results = await page.locator('.pagefind-ui__result').count();
    return { ...bytes, byKind, results };
  } finally {
    await browser.close();
    await server.close();
  }
}
