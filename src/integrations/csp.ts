import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cmsBackend } from '../../admin/config/backend.ts';
import { adminDirectives, pagePolicy, previewFile, previewPolicy, proposalDirectives } from '../../deploy/headers.ts';
import { type InlineHashes, inlineHashes } from '../csp/inline.ts';
import { mapFolder, pagesFile, policiesFile, renderMaps } from '../csp/map.ts';
import { codeDigest } from '../lib/code-digest.ts';
import { openMemo } from '../lib/file-memo.ts';
import { proposalPages, readProposals } from '../lib/proposals.ts';

/**
 * Gives each page its own Content-Security-Policy once every page is written (rendered or
 * reused by the incremental build, whatever the integrations before this one added): the
 * hashes of the inline scripts and styles the page holds, nothing else, in the nginx maps of
 * `dist/_csp/` (src/csp/map.ts, deploy/headers.ts). The admin adds Decap's sources; the digest
 * preview's e-mail files (`previewFile`) may be framed by the hub and load the hub's images; the
 * suggestion form's pages, their form endpoint (`form-action`).
 */
export default function relaisCsp(): AstroIntegration {
  let base = '/';
  let siteUrl: string | undefined;
  let memoFile = '';
  let memoVersion = '';
  return {
    name: 'relais:csp',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        if (config.site) siteUrl = config.site;
        // Kept with Astro's own cache (CI keeps it): a reused page is not scanned again.
        memoFile = fileURLToPath(new URL('relais/csp-hashes.json', config.cacheDir));
        memoVersion = codeDigest(fileURLToPath(config.root), ['src/csp/inline.ts']);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const admin = adminDirectives(cmsBackend(process.env).backend);
        const proposals = proposalDirectives(readProposals());
        const extraOf = (rel: string) =>
          rel === 'admin/index.html' ? admin : (proposalPages as readonly string[]).includes(rel) ? proposals : {};
        const policyOf = new Map<string, string>();
        const memo = openMemo<InlineHashes>(memoFile, memoVersion);
        // Dirents, not names: names alone make Node stat each of the ~25k files of a scaled
        // build (0.6 s measured); a dirent already says whether it is a file.
        const files = readdirSync(site, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && e.name.endsWith('.html'))
          .map((e) => relative(site, join(e.parentPath, e.name)));
        for (const [i, file] of files.entries()) {
          // Lets the indexing meanwhile (src/integrations/pagefind.ts) go on: it starts its next
          // language when the event loop hears that Pagefind finished the last one.
          if (i % 200 === 199) await new Promise(setImmediate);
          const rel = file.split('\\').join('/');
          const hashes = memo.get(join(site, file), (html) => inlineHashes(html.toString('utf8'), rel));
          const policy = previewFile.test(rel) ? previewPolicy(hashes, siteUrl) : pagePolicy(hashes, extraOf(rel));
          policyOf.set(`${base}${rel}`, policy);
        }
        const maps = renderMaps(policyOf);
        mkdirSync(join(site, mapFolder), { recursive: true });
        writeFileSync(join(site, mapFolder, pagesFile), maps.pages);
        writeFileSync(join(site, mapFolder, policiesFile), maps.policies);
        const reused = memo.save();
        const distinct = new Set(policyOf.values()).size;
        const ms = Math.round(performance.now() - started);
        logger.info(`${files.length} pages (${reused} déjà lues), ${distinct} politiques CSP en ${ms} ms`);
      },
    },
  };
}
