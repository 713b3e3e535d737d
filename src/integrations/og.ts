import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildOgImages, describeStats } from '../og/build.ts';

/**
 * Writes the Open Graph images and the cards' square visuals once the pages are built (see
 * docs/og.md). They are rendered from the content files rather than through pages: one page
 * per image would run Satori inside Astro's single-threaded page rendering, with no cache.
 * `RELAIS_OG=off` skips rendering for fast local builds (pages then link to plain placeholders
 * unless the image is already cached).
 */
export default function relaisOg(): AstroIntegration {
  let root = '';
  return {
    name: 'relais:og',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const mode = process.env.RELAIS_OG === 'off' ? 'off' : 'render';
        const started = performance.now();
        const stats = await buildOgImages({ root, outDir: fileURLToPath(dir), mode });
        logger.info(`${describeStats(stats, mode)} in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
