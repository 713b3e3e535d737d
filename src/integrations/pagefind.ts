import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexKey, restoreIndex, storeIndex } from '../search/index-cache.ts';

/**
 * Indexes the built site with Pagefind once Astro has written it. Only elements marked
 * `data-pagefind-body` are indexed (Base.astro marks `<main>` on indexable pages), so the
 * share route, the admin and the filter pages stay out. Pagefind splits the index by each
 * page's `lang`, giving French and English their own stemming.
 *
 * When no indexable page changed since a build whose index is cached (`.relais/pagefind-cache/`,
 * or `RELAIS_PAGEFIND_CACHE`; see src/search/index-cache.ts), that index is reused as is.
 */
export default function relaisPagefind(): AstroIntegration {
  let cacheDir = '';
  let version = '';
  return {
    name: 'relais:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        const root = fileURLToPath(config.root);
        cacheDir = resolve(root, process.env.RELAIS_PAGEFIND_CACHE ?? '.relais/pagefind-cache');
        version = pagefindVersion(root);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const outputPath = join(site, 'pagefind');
        // Astro lists every page it wrote; `build.format: 'directory'` puts each in an index.html.
        const files = pages.map(({ pathname }) =>
          pathname === '' || pathname.endsWith('/') ? `${pathname}index.html` : `${pathname}.html`,
        );
        const key = indexKey(cacheDir, site, files, version);
        const ms = () => `${Math.round(performance.now() - started)} ms`;
        if (restoreIndex(key, outputPath)) {
          logger.info(`${key.pages} pages : index inchangé, repris du cache en ${ms()}`);
          return;
        }
        const pagefind = await import('pagefind');
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind : ${errors.join(', ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind : ${added.errors.join(', ')}`);
        rmSync(outputPath, { recursive: true, force: true });
        const written = await index.writeFiles({ outputPath });
        if (written.errors.length) throw new Error(`Pagefind : ${written.errors.join(', ')}`);
        await pagefind.close();
        storeIndex(key, outputPath);
        logger.info(`${key.pages} pages indexées en ${ms()}`);
      },
    },
  };
}

/** The installed Pagefind's version (a direct dependency): a new Pagefind makes a new index. */
function pagefindVersion(root: string): string {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8')).version;
}
