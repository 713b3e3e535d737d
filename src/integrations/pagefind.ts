import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { codeDigest } from '../lib/code-digest.ts';
import { openMemo } from '../lib/file-memo.ts';
import { placeFiles } from '../lib/place-files.ts';
import {
  hasIndex,
  type IndexCache,
  indexKeys,
  mergeEntries,
  type PageFacts,
  restoreIndex,
  storeIndex,
} from '../search/index-cache.ts';

/**
 * Indexes the built site with Pagefind once Astro has written it. Only elements marked
 * `data-pagefind-body` are indexed (Base.astro marks `<main>` on indexable pages), so the
 * share route, the admin and the filter pages stay out. Pagefind splits the index by each
 * page's `lang`, giving French and English their own stemming.
 *
 * Each language is indexed on its own and cached (`.relais/pagefind-cache/`, or
 * `RELAIS_PAGEFIND_CACHE`; see src/search/index-cache.ts): a language none of whose indexable
 * pages changed since a build whose index is cached reuses that index as is; the others are
 * indexed again. The files are those one index of the whole site would be, byte for byte.
 *
 * Two integrations: the first starts the index once the pages are written, the second (listed
 * after the others, astro.config.mjs) waits for it. Pagefind indexes in a process of its own,
 * so the integrations in between (OG images, the CSP maps) run while it indexes instead of
 * after it; none of them writes what Pagefind reads (the HTML pages) nor reads what it writes
 * (`pagefind/`).
 */
export default function relaisPagefind(): [AstroIntegration, AstroIntegration] {
  let cacheDir = '';
  let version = '';
  let memoVersion = '';
  let indexing: Promise<void> | undefined;
  const start: AstroIntegration = {
    name: 'relais:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        const root = fileURLToPath(config.root);
        cacheDir = resolve(root, process.env.RELAIS_PAGEFIND_CACHE ?? '.relais/pagefind-cache');
        version = pagefindVersion(root);
        memoVersion = `${version} ${codeDigest(root, ['src/search/index-cache.ts'])}`;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        indexing = indexSite(fileURLToPath(dir), pages, { cacheDir, version, memoVersion }, logger);
        // Awaited by the second integration; until then a failure must not count as unhandled.
        indexing.catch(() => {});
      },
    },
  };
  const done: AstroIntegration = {
    name: 'relais:pagefind-done',
    hooks: {
      'astro:build:done': async () => {
        await indexing;
      },
    },
  };
  return [start, done];
}

/** Indexes (or restores from the cache) each language of the built `site` into `site/pagefind/`. */
async function indexSite(
  site: string,
  pages: ReadonlyArray<{ pathname: string }>,
  { cacheDir, version, memoVersion }: { cacheDir: string; version: string; memoVersion: string },
  logger: AstroIntegrationLogger,
): Promise<void> {
  const started = performance.now();
  const outputPath = join(site, 'pagefind');
  // Astro lists every page it wrote; `build.format: 'directory'` puts each in an index.html.
  const files = pages.map(({ pathname }) =>
    pathname === '' || pathname.endsWith('/') ? `${pathname}index.html` : `${pathname}.html`,
  );
  // Beside the indexes (storeIndex prunes only those): the reused pages are not read again.
  const memo = openMemo<PageFacts>(join(cacheDir, 'pages.json'), memoVersion);
  const keys = indexKeys(cacheDir, site, files, version, memo);
  const known = memo.save();
  const ms = () => `${Math.round(performance.now() - started)} ms`;
  const missing = keys.filter((key) => !hasIndex(key));
  rmSync(outputPath, { recursive: true, force: true });
  if (missing.length) await indexLanguages(site, missing);
  const entries: string[] = [];
  for (const key of keys) {
    restoreIndex(key, outputPath);
    entries.push(readFileSync(join(key.entry, 'pagefind-entry.json'), 'utf8'));
  }
  // The linked entry of one language is replaced by the merged one (never written through).
  rmSync(join(outputPath, 'pagefind-entry.json'), { force: true });
  writeFileSync(join(outputPath, 'pagefind-entry.json'), mergeEntries(entries));
  const said = keys.map((k) => `${k.lang} ${k.pages} pages ${missing.includes(k) ? 'indexées' : 'inchangées'}`);
  logger.info(`${said.join(', ')} en ${ms()} (${known} pages déjà lues)`);
  if (!missing.length) logger.info('index inchangé, repris du cache');
}

/**
 * Indexes each language of `keys` alone and stores it in the cache. Pagefind reads that
 * language's indexable pages only, hard-linked into a folder of their own: given the whole
 * site, it would also read and parse the thousands of pages it then skips (share routes,
 * filters, slides), 40% of its time on the scaled programme, for the same files written. One
 * language after the other: indexing both at once (a Pagefind process each) was no faster in a
 * build, where the CSP scan shares the two cores, and took 350 MB more at the peak.
 */
async function indexLanguages(site: string, keys: readonly IndexCache[]): Promise<void> {
  const pagefind = await import('pagefind');
  for (const key of keys) {
    const pages = `${key.entry}-s.${process.pid}.tmp`;
    const scratch = `${key.entry}-w.${process.pid}.tmp`;
    const clean = () => {
      for (const dir of [pages, scratch]) rmSync(dir, { recursive: true, force: true });
    };
    clean();
    try {
      placeFiles(site, pages, key.files);
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind : ${errors.join(', ')}`);
      const added = await index.addDirectory({ path: pages });
      if (added.errors.length) throw new Error(`Pagefind (${key.lang}) : ${added.errors.join(', ')}`);
      const written = await index.writeFiles({ outputPath: scratch });
      if (written.errors.length) throw new Error(`Pagefind (${key.lang}) : ${written.errors.join(', ')}`);
      await index.deleteIndex();
      storeIndex(key, scratch);
    } finally {
      clean();
    }
  }
  await pagefind.close();
}

/** The installed Pagefind's version (a direct dependency): a new Pagefind makes a new index. */
function pagefindVersion(root: string): string {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8')).version;
}
