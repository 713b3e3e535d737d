import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Indexes the built site with Pagefind once Astro has written it. Only elements marked
 * `data-pagefind-body` are indexed (Base.astro marks `<main>` on indexable pages), so the
 * share route, the admin and the filter pages stay out. Pagefind splits the index by each
 * page's `lang`, giving French and English their own stemming.
 */
export default function relaisPagefind(): AstroIntegration {
  return {
    name: 'relais:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind : ${errors.join(', ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind : ${added.errors.join(', ')}`);
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length) throw new Error(`Pagefind : ${written.errors.join(', ')}`);
        logger.info(`${added.page_count} pages indexées`);
        await pagefind.close();
      },
    },
  };
}
