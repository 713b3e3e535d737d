import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
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
  let publicDir = '';
  return {
    name: 'relais:csp',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        if (config.site) siteUrl = config.site;
        publicDir = fileURLToPath(config.publicDir);
        // Kept with Astro's own cache (CI keeps it): a reused page is not scanned again.
        memoFile = fileURLToPath(new URL('relais/csp-hashes.json', config.cacheDir));
        memoVersion = codeDigest(fileURLToPath(config.root), ['src/csp/inline.ts']);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const admin = adminDirectives(cmsBackend(process.env).backend);
        const proposals = proposalDirectives(readProposals());
        const extraOf = (rel: string) =>
          rel === 'admin/index.html' ? admin : (proposalPages as readonly string[]).includes(rel) ? proposals : {};
        const policyOf = new Map<string, string>();
        const memo = openMemo<InlineHashes>(memoFile, memoVersion);
        // The HTML files are those Astro wrote (rendered or reused: `assets`) and those copied
        // from `public/`; no integration writes any. Walking the output instead took ~0.6 s on a
        // scaled build (11k folders, 25k files), as long as the rest of this step.
        const files = [
          ...new Set([
            ...[...assets.values()].flat().map((url) => relative(site, fileURLToPath(url))),
            ...publicFiles(publicDir),
          ]),
        ]
          .filter((file) => file.endsWith('.html'))
          .sort();
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

/** The files of `public/` (copied as they are into the output), relative to it. */
function publicFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}
