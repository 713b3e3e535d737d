import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cmsBackend } from '../../admin/config/backend.ts';
import { adminDirectives, pagePolicy } from '../../deploy/headers.ts';
import { inlineHashes } from '../csp/inline.ts';
import { mapFolder, pagesFile, policiesFile, renderMaps } from '../csp/map.ts';

/**
 * Gives each page its own Content-Security-Policy once every page is written (rendered or
 * reused by the incremental build, whatever the integrations before this one added): the
 * hashes of the inline scripts and styles the page holds, nothing else, in the nginx maps of
 * `dist/_csp/` (src/csp/map.ts, deploy/headers.ts). The admin adds Decap's sources.
 */
export default function relaisCsp(): AstroIntegration {
  let base = '/';
  return {
    name: 'relais:csp',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const admin = adminDirectives(cmsBackend(process.env).backend);
        const policyOf = new Map<string, string>();
        const files = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
        for (const [i, file] of files.entries()) {
          // Lets the Pagefind service (indexing meanwhile, src/integrations/pagefind.ts) be answered.
          if (i % 200 === 199) await new Promise(setImmediate);
          const rel = file.split('\\').join('/');
          const hashes = inlineHashes(readFileSync(join(site, file), 'utf8'), rel);
          policyOf.set(`${base}${rel}`, pagePolicy(hashes, rel === 'admin/index.html' ? admin : {}));
        }
        const maps = renderMaps(policyOf);
        mkdirSync(join(site, mapFolder), { recursive: true });
        writeFileSync(join(site, mapFolder, pagesFile), maps.pages);
        writeFileSync(join(site, mapFolder, policiesFile), maps.policies);
        const distinct = new Set(policyOf.values()).size;
        logger.info(
          `${files.length} pages, ${distinct} politiques CSP en ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
