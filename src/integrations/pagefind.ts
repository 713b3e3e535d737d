import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
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
  let setup: Setup | undefined;
  let indexing: Promise<void> | undefined;
  const start: AstroIntegration = {
    name: 'relais:pagefind',
    hooks: {
      'astro:config:done': async ({ config }) => {
        const root = fileURLToPath(config.root);
        const pagefind = join(root, 'node_modules', 'pagefind');
        const version = JSON.parse(readFileSync(join(pagefind, 'package.json'), 'utf8')).version;
        setup = {
          cacheDir: resolve(root, process.env.RELAIS_PAGEFIND_CACHE ?? '.relais/pagefind-cache'),
          version,
          memoVersion: `${version} ${codeDigest(root, ['src/search/index-cache.ts'])}`,
          cli: await pagefindBinary(pagefind),
        };
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        if (!setup) throw new Error('relais:pagefind: astro:config:done did not run');
        indexing = indexSite(fileURLToPath(dir), pages, setup, logger);
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
  { cacheDir, version, memoVersion, cli }: Setup,
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
  if (missing.length) await indexLanguages(site, missing, cli);
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
 * filters, slides), 40% of its time on the scaled programme, for the same files written.
 * Pagefind's own command (`pagefind --site`), not its Node API: the same binary writes the same
 * files (compared byte for byte), in ~2 s a language on the scaled programme where the API's
 * service took ~2.5 s. One language after the other: both at once took 250 MB more at the peak
 * for no gain within a build (~0.6 s less alone).
 */
export async function indexLanguages(site: string, keys: readonly IndexCache[], cli: string): Promise<void> {
  // A language's copy of its pages goes while the next one is indexed (in libuv's threads).
  const removals: Promise<void>[] = [];
  try {
    for (const key of keys) {
      const pages = `${key.entry}-s.${process.pid}.tmp`;
      // Pagefind writes into the cache's folder, then renamed as the key's entry (storeIndex).
      const written = `${key.entry}-w.${process.pid}.tmp`;
      for (const dir of [pages, written]) rmSync(dir, { recursive: true, force: true });
      try {
        placeFiles(site, pages, key.files);
        // In the pages' folder, which holds no Pagefind config file, and without the PAGEFIND_*
        // variables Pagefind reads as options: only these apply, whatever the environment.
        await run(cli, ['--site', '.', '--output-path', written], {
          cwd: pages,
          env: ownEnv(),
          maxBuffer: 64 << 20,
        }).catch((e: { stdout?: string; stderr?: string; message: string }) => {
          throw new Error(`Pagefind (${key.lang}) : ${e.stderr || e.stdout || e.message}`);
        });
        storeIndex(key, written);
      } finally {
        rmSync(written, { recursive: true, force: true });
        removals.push(rm(pages, { recursive: true, force: true }));
      }
    }
  } finally {
    await Promise.all(removals);
  }
}

const run = promisify(execFile);
const ownEnv = () => Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PAGEFIND_')));

/** What the integration learns from Astro's config. */
interface Setup {
  /** The cache of indexes (src/search/index-cache.ts) and the memo of pages read. */
  cacheDir: string;
  /** The installed Pagefind's version (a direct dependency): a new Pagefind makes a new index. */
  version: string;
  /** Drops the memo of pages when Pagefind or the code reading the pages changes. */
  memoVersion: string;
  /** Pagefind's binary. */
  cli: string;
}

/**
 * The platform's Pagefind binary, found as the package's own command and API find it (its
 * `resolveBinary.js`, honouring `PAGEFIND_BINARY_PATH`): run directly, without the package's
 * Node wrapper, a second process of ~45 MB while the index is written.
 */
export async function pagefindBinary(pagefind: string): Promise<string> {
  const url = pathToFileURL(join(pagefind, 'lib', 'resolveBinary.js')).href;
  const { resolveBinaryPath } = (await import(url)) as { resolveBinaryPath: (names: string[]) => string };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}
