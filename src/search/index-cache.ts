import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { alive } from '../lib/alive.ts';
import type { FileMemo } from '../lib/file-memo.ts';
import { placeTree } from '../lib/place-files.ts';

/**
 * A cache of Pagefind indexes, one per language, keyed by the exact bytes of the pages each
 * indexes: a language none of whose indexable pages changed since an earlier build (an edit to
 * a French card leaves the English index alone; a change to pages search skips, such as the
 * share route or the presenter slides, leaves both) reuses that build's index instead of
 * indexing again. Pagefind has no incremental mode, but it indexes each language on its own:
 * indexing one language's pages alone writes the very files (names and bytes) an index of the
 * whole site writes for that language, and only `pagefind-entry.json`, which lists the
 * languages, is merged (`mergeEntries`). A change to any page of a language, or to Pagefind,
 * makes that language's index anew.
 */
export interface IndexCache {
  /** The `<html lang>` of the pages this index covers; `*` for a whole-site index. */
  lang: string;
  /** Folder of this key's index in the cache (it may not exist yet). */
  entry: string;
  /** How many pages the key covers. */
  pages: number;
  /** The pages this key covers, relative to the site, sorted: the only files its index reads. */
  files: string[];
}

/** Only pages whose `<main>` says so are indexed (Base.astro marks it). */
const isIndexable = (html: Buffer) => html.includes('data-pagefind-body');

/** The page's `<html lang>`, as Pagefind reads it to pick the page's index. */
const langOf = (html: Buffer) => /<html[^>]*\slang="([^"]*)"/.exec(html.subarray(0, 2048).toString('latin1'))?.[1];

/** What a key needs of a page: whether it is indexed, its language, a digest of its bytes. */
export interface PageFacts {
  indexable: boolean;
  lang: string;
  sha: string;
}

/** The facts of a page from its bytes. */
export function pageFacts(html: Buffer): PageFacts {
  const indexable = isIndexable(html);
  const sha = indexable ? createHash('sha256').update(html).digest('hex') : '';
  return { indexable, lang: langOf(html) ?? '', sha };
}

/** No memo: every page is read. */
const readEach: Pick<FileMemo<PageFacts>, 'get'> = { get: (path, derive) => derive(readFileSync(path)) };

/**
 * Keys the indexes a build needs, one per language: the path and bytes (their digest) of every
 * indexable page of that language among `files` (paths relative to `site`), plus Pagefind's
 * version. When a page's language is not a plain two-letter code (Pagefind may fold `fr-FR`
 * into `fr`), there is one whole-site key instead, which is always exact. `memo` spares reading
 * the pages a build reused (src/lib/file-memo.ts).
 */
export function indexKeys(
  cacheDir: string,
  site: string,
  files: readonly string[],
  version: string,
  memo: Pick<FileMemo<PageFacts>, 'get'> = readEach,
): IndexCache[] {
  const byLang = new Map<string, { hash: ReturnType<typeof createHash>; files: string[] }>();
  const whole = createHash('sha256').update(`pagefind ${version}\n*\n`);
  const all: string[] = [];
  let split = true;
  for (const file of [...files].sort()) {
    // A page Astro lists but did not write as HTML (none today) cannot be indexed either.
    if (!existsSync(join(site, file))) continue;
    const { indexable, lang, sha } = memo.get(join(site, file), pageFacts);
    if (!indexable) continue;
    all.push(file);
    whole.update(file).update('\0').update(sha).update('\0');
    if (!/^[a-z]{2}$/.test(lang)) split = false;
    let group = byLang.get(lang);
    if (!group) {
      group = { hash: createHash('sha256').update(`pagefind ${version}\n${lang}\n`), files: [] };
      byLang.set(lang, group);
    }
    group.files.push(file);
    group.hash.update(file).update('\0').update(sha).update('\0');
  }
  const entry = (hash: ReturnType<typeof createHash>) => join(cacheDir, hash.digest('hex').slice(0, 32));
  if (!split || byLang.size < 2) return [{ lang: '*', entry: entry(whole), pages: all.length, files: all }];
  return [...byLang]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([lang, g]) => ({ lang, entry: entry(g.hash), pages: g.files.length, files: g.files }));
}

/**
 * The `pagefind-entry.json` of the whole site from those of its languages' indexes: the same
 * fields, in Pagefind's order, with every language (sorted, as Pagefind lists them).
 */
export function mergeEntries(entries: readonly string[]): string {
  const parsed = entries.map((text) => JSON.parse(text) as { languages: Record<string, unknown> });
  const [first] = parsed;
  if (!first) throw new Error('Pagefind : aucun index à fusionner');
  const languages = Object.fromEntries(
    parsed.flatMap((e) => Object.entries(e.languages)).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return JSON.stringify({ ...first, languages });
}

/** Whether the cache holds an index for this key. */
export const hasIndex = (cache: IndexCache): boolean => existsSync(join(cache.entry, 'pagefind-entry.json'));

/** Places a cached index at `outputPath`; false when the cache has none for this key. */
export function restoreIndex(cache: IndexCache, outputPath: string): boolean {
  if (!hasIndex(cache)) return false;
  placeTree(cache.entry, outputPath);
  // Marks it used: `storeIndex` keeps the most recently used indexes.
  const now = new Date();
  utimesSync(cache.entry, now, now);
  return true;
}

/**
 * Stores a freshly written index under its key: `written`, a folder of the cache's own file
 * system that Pagefind just wrote, is renamed into place (an interrupted build never leaves a
 * half index that a later one would serve). Keeps only the `keep` most recently used indexes
 * (two builds' worth of two languages); an interrupted build's temporary folders go once its
 * process is gone.
 */
export function storeIndex(cache: IndexCache, written: string, keep = 4): void {
  const dir = join(cache.entry, '..');
  rmSync(cache.entry, { recursive: true, force: true });
  renameSync(written, cache.entry);
  for (const name of readdirSync(dir)) {
    const pid = Number(/\.(\d+)\.tmp$/.exec(name)?.[1]);
    if (pid && !alive(pid)) rmSync(join(dir, name), { recursive: true, force: true });
  }
  const entries = readdirSync(dir)
    .filter((name) => /^[0-9a-f]{32}$/.test(name))
    .map((name) => ({ name, at: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of entries.slice(keep)) rmSync(join(dir, old.name), { recursive: true, force: true });
}
