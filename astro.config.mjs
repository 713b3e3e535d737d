// @ts-check
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import relaisAdmin from './src/integrations/admin-bundle.ts';
import relaisContent from './src/integrations/content-check.ts';
import relaisCsp from './src/integrations/csp.ts';
import relaisIncremental from './src/integrations/incremental.ts';
import relaisOg from './src/integrations/og.ts';
import relaisPagefind from './src/integrations/pagefind.ts';
import { baseLinks } from './src/markdown/base-links.ts';
import { parseYaml } from './src/model/yaml.ts';

/**
 * The public address and base path come from the programme settings, so editors change them
 * in the CMS. `RELAIS_BASE` overrides the base path (the tests build under `/hub/`).
 * `RELAIS_CONTENT` (default `content`, relative to this folder) builds another content folder.
 */
const contentDir = resolve(fileURLToPath(new URL('.', import.meta.url)), process.env.RELAIS_CONTENT ?? 'content');
// Validated by the content check (src/model/schemas/settings.ts) when the build starts.
const settings = /** @type {{ siteUrl: string, basePath?: string }} */ (
  parseYaml(readFileSync(join(contentDir, 'settings/programme.yaml'), 'utf8'))
);
const base = process.env.RELAIS_BASE ?? settings.basePath ?? '/';
const [searchIndex, searchDone] = relaisPagefind();

export default defineConfig({
  site: settings.siteUrl,
  // The tests build into their own folder so that they never clobber a served `dist/`.
  outDir: process.env.RELAIS_OUT ?? './dist',
  base,
  trailingSlash: 'always',
  output: 'static',
  // Four pages rendered at a time: one page's file writes overlap the next one's rendering (one
  // at a time, the main thread waited ~30% of a clean build on the disk). The output is the same
  // byte for byte; on the scaled programme, rendering went from ~17 s to ~14.8 s, same peak
  // memory (8 or 16 at a time took 60 to 90 MB more).
  build: { format: 'directory', concurrency: 4 },
  i18n: {
    locales: ['fr', 'en'],
    defaultLocale: 'fr',
    routing: { prefixDefaultLocale: false },
  },
  // Pages whose data (src/lib/cache-key.ts) and code are unchanged since the last build are
  // reused from `cacheDir`, hard-linked (src/lib/cache-restore.ts); any code change renders
  // every page (src/integrations/incremental.ts). `RELAIS_INCREMENTAL=off` renders every page.
  experimental: { incrementalBuild: process.env.RELAIS_INCREMENTAL !== 'off' },
  markdown: { processor: satteri({ mdastPlugins: [baseLinks(base)] }) },
  // relaisCsp after every integration that writes pages: it hashes the inline code of the pages
  // as they leave them, into the nginx maps that give each page its Content-Security-Policy
  // (deploy/headers.ts). Pagefind indexes meanwhile (it writes no page); `searchDone` waits for it.
  integrations: [relaisAdmin(), relaisContent(), relaisIncremental(), searchIndex, relaisOg(), relaisCsp(), searchDone],
});
