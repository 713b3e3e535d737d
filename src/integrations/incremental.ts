import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { endRestore, planRestore } from '../lib/cache-restore.ts';
import { codeDigest } from '../lib/code-digest.ts';

/** What the hub's code is made of: any change here may change any page. */
export const codeInputs = [
  'src',
  'admin',
  'deploy/headers.ts',
  'astro.config.mjs',
  'package-lock.json',
  'tsconfig.json',
];

/**
 * The safety belt of Astro's incremental build (`experimental.incrementalBuild`): Astro reuses
 * a page when its `cacheKey` (src/lib/cache-key.ts) and the code it depends on are unchanged.
 * Code is the part a hub's editors never touch, and a code change can move what a reused page
 * points to (a client script split into other chunks under other names). So when anything in
 * the code changed since the last build, this drops Astro's incremental manifest and every
 * page is rendered; builds after content edits only (the CMS's commits) reuse what they can,
 * and the pages they reuse are hard-linked from the cache rather than copied
 * (src/lib/cache-restore.ts).
 */
export default function relaisIncremental(): AstroIntegration {
  let stamp = '';
  let digest = '';
  let cacheDir = '';
  let outDir = '';
  return {
    name: 'relais:incremental',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build' || !config.experimental.incrementalBuild) return;
        const cache = fileURLToPath(config.cacheDir);
        stamp = join(cache, 'relais-code.sha256');
        digest = codeDigest(fileURLToPath(config.root), codeInputs);
        const previous = existsSync(stamp) ? readFileSync(stamp, 'utf8') : '';
        if (previous === digest) return;
        // The stamp goes too: a build that fails after Astro wrote its new manifest must not
        // leave the old stamp vouching for it.
        rmSync(join(cache, 'incremental-build.json'), { force: true });
        rmSync(stamp, { force: true });
        if (previous) logger.info('code modifié depuis la dernière construction : toutes les pages sont rendues');
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ logger }) => {
        // After the stamp check above: a manifest left means no code changed.
        if (stamp) {
          const planned = planRestore(cacheDir, outDir);
          if (planned) logger.debug(`${planned} pages du cache à lier`);
        }
      },
      'astro:build:done': ({ assets, logger }) => {
        const built = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const removed = endRestore(cacheDir, built);
        if (removed) logger.info(`${removed} fichier(s) lié(s) du cache retiré(s) : pages disparues`);
        // Written once the build succeeded, with the manifest Astro has just written.
        if (stamp) writeFileSync(stamp, digest);
      },
    },
  };
}
