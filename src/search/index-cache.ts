import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { alive } from '../lib/alive.ts';
import { placeTree } from '../lib/place-files.ts';

/**
 * A cache of whole Pagefind indexes, keyed by the exact bytes of the pages they index: when
 * no indexable page changed since an earlier build (the same commit built again, a change to
 * pages search skips such as the share route or the presenter slides), that build's index is
 * reused instead of indexing again (~7 s on the scaled programme). Any change to any indexed page, or to Pagefind, makes a new index.
 * Pagefind has no incremental mode: this is all or nothing, and exact.
 */
export interface IndexCache {
  /** Folder of this key's index in the cache (it may not exist yet). */
  entry: string;
  /** How many pages the key covers. */
  pages: number;
}

/** Only pages whose `<main>` says so are indexed (Base.astro marks it). */
const isIndexable = (html: Buffer) => html.includes('data-pagefind-body');

/**
 * Keys the index a build needs: the path and bytes of every indexable page among `files`
 * (paths relative to `site`), plus Pagefind's version.
 */
export function indexKey(cacheDir: string, site: string, files: readonly string[], version: string): IndexCache {
  const hash = createHash('sha256').update(`pagefind ${version}\n`);
  let pages = 0;
  for (const file of [...files].sort()) {
    // A page Astro lists but did not write as HTML (none today) cannot be indexed either.
    if (!existsSync(join(site, file))) continue;
    const html = readFileSync(join(site, file));
    if (!isIndexable(html)) continue;
    pages++;
    hash.update(file).update('\0').update(html).update('\0');
  }
  return { entry: join(cacheDir, hash.digest('hex').slice(0, 32)), pages };
}

/** Places a cached index at `outputPath`; false when the cache has none for this key. */
export function restoreIndex(cache: IndexCache, outputPath: string): boolean {
  if (!existsSync(join(cache.entry, 'pagefind-entry.json'))) return false;
  placeTree(cache.entry, outputPath);
  // Marks it used: `storeIndex` keeps the most recently used indexes.
  const now = new Date();
  utimesSync(cache.entry, now, now);
  return true;
}

/**
 * Stores a freshly written index under its key (placed in a temporary folder, then renamed:
 * an interrupted build never leaves a half index that a later one would serve) and keeps only
 * the `keep` most recently used indexes; an interrupted build's temporary folder goes once its
 * process is gone.
 */
export function storeIndex(cache: IndexCache, outputPath: string, keep = 2): void {
  const dir = join(cache.entry, '..');
  const tmp = `${cache.entry}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  placeTree(outputPath, tmp);
  rmSync(cache.entry, { recursive: true, force: true });
  renameSync(tmp, cache.entry);
  for (const name of readdirSync(dir)) {
    const pid = Number(/\.(\d+)\.tmp$/.exec(name)?.[1]);
    if (pid && !alive(pid)) rmSync(join(dir, name), { recursive: true, force: true });
  }
  const entries = readdirSync(dir)
    .filter((name) => !name.endsWith('.tmp'))
    .map((name) => ({ name, at: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of entries.slice(keep)) rmSync(join(dir, old.name), { recursive: true, force: true });
}
