import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describeStats, type PreparedOg, placeOgImages, prepareOgImages } from '../og/build.ts';

/**
 * Writes the Open Graph images and the cards' square visuals (see docs/og.md). They are
 * rendered from the content files rather than through pages: one page per image would run
 * Satori inside Astro's single-threaded page rendering, with no cache. Rendering starts with
 * the build, in worker threads, while Astro bundles and renders pages; the images are linked
 * into the output once the pages are written (Astro empties the output folder first).
 * `RELAIS_OG=off` skips rendering for fast local builds (pages then link to plain placeholders
 * unless the image is already cached).
 */
export default function relaisOg(): AstroIntegration {
  let root = '';
  let started = 0;
  let renderMs = 0;
  let prepared: Promise<PreparedOg> | undefined;
  const mode = () => (process.env.RELAIS_OG === 'off' ? 'off' : 'render');
  return {
    name: 'relais:og',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': () => {
        started = performance.now();
        // Deferred one turn so that Vite's bundling, on its own threads, is under way first.
        prepared = new Promise((next) => setImmediate(next))
          .then(() => prepareOgImages({ root, mode: mode() }))
          .then((done) => {
            renderMs = performance.now() - started;
            return done;
          });
        // Awaited in `astro:build:done`; until then a failure must not count as unhandled.
        prepared.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const waiting = performance.now();
        const ready = await (prepared ?? prepareOgImages({ root, mode: mode() }));
        const linking = performance.now();
        const stats = placeOgImages(ready, fileURLToPath(dir));
        const ms = (n: number) => `${Math.round(n)} ms`;
        logger.info(
          `${describeStats(stats, mode())}: ready ${ms(renderMs)} after the build started ` +
            `(waited ${ms(linking - waiting)} for it), linked in ${ms(performance.now() - linking)}`,
        );
      },
    },
  };
}
