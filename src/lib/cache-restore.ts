import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { placeFile } from './place-files.ts';

/**
 * Puts the pages an incremental build will reuse into the output by hard link, before Astro
 * looks for them. Astro restores a reused page by copying it from its cache (`cacheDir/dist/`),
 * one awaited copy at a time: ~4.6 s for the scaled programme's 11k pages, most of it copying
 * bytes. A page already in the output is only checked (Astro's "(cached)"), so a link made
 * here, in milliseconds and with no extra disk, replaces the copy: the same bytes.
 *
 * A linked file is shared by every output that reused it, and Astro writes in place what it
 * renders, in the output and in `cacheDir/dist/`: nothing it writes may be a linked file. So
 * the links come from a store of their own, `cacheDir/pages/`, which Astro never writes: when
 * a build starts, what the last one wrote into `cacheDir/dist/` is moved into the store
 * (renamed over the older copies, which the outputs linked to them keep). Then only the pages
 * whose `cacheKey` (src/lib/cache-key.ts, calling `restoreUnchanged` as each route lists its
 * paths) is the one the last build recorded are linked: the pages Astro skips. At the end,
 * `endRestore` removes any linked file Astro did not report built (a page gone that shared its
 * key with another) and the store's copies the new manifest no longer lists.
 *
 * The integration (src/integrations/incremental.ts) plans the restore when the build starts,
 * from Astro's manifest, which it has dropped if any code changed. A build that stopped
 * half-way may have written pages its manifest does not know: the next one renders everything.
 * The plan lives on `globalThis`: the pages run from Astro's bundle of this module, a copy apart
 * from the one the integration imports.
 */
interface Plan {
  store: string;
  out: string;
  /** The previous build's output files (paths relative to the output), by cache key. */
  byKey: Map<string, string[]>;
  /** Folders made, and the output paths linked so far. */
  made: Set<string>;
  linked: Set<string>;
}

const slot = Symbol.for('relais.cache-restore');
const holder = globalThis as { [slot]?: Plan };
const MANIFEST = 'incremental-build.json';
const PENDING = 'pages.pending';

/** Astro's manifest: every keyed path's key and output file (a URL relative to the output). */
function manifestFiles(cacheDir: string): Array<{ key: string; file: string }> | undefined {
  type Manifest = { routes?: Record<string, { paths?: Record<string, { cacheKey?: string; outputFile?: string }> }> };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cacheDir, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  return Object.values(manifest.routes ?? {}).flatMap((route) =>
    Object.values(route.paths ?? {}).flatMap(({ cacheKey, outputFile }) =>
      cacheKey && outputFile ? [{ key: cacheKey, file: decodeURIComponent(outputFile) }] : [],
    ),
  );
}

/** Plans the restore from Astro's manifest in `cacheDir`; returns how many pages it knows. */
export function planRestore(cacheDir: string, outDir: string): number {
  delete holder[slot];
  const [store, written, pending] = [join(cacheDir, 'pages'), join(cacheDir, 'dist'), join(cacheDir, PENDING)];
  const files = existsSync(pending) ? undefined : manifestFiles(cacheDir);
  if (!files) {
    // No previous build, or one that stopped half-way: Astro renders every page anew.
    for (const path of [store, written, join(cacheDir, MANIFEST)]) rmSync(path, { recursive: true, force: true });
    rmSync(pending, { force: true });
    return 0;
  }
  writeFileSync(pending, '');
  if (!existsSync(written)) mkdirSync(store, { recursive: true });
  else if (!existsSync(store)) renameSync(written, store);
  else {
    for (const e of readdirSync(written, { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue;
      const path = relative(written, join(e.parentPath, e.name));
      mkdirSync(dirname(join(store, path)), { recursive: true });
      renameSync(join(written, path), join(store, path));
    }
    rmSync(written, { recursive: true, force: true });
  }
  const byKey = new Map<string, string[]>();
  for (const { key, file } of files) byKey.set(key, [...(byKey.get(key) ?? []), file]);
  holder[slot] = { store, out: outDir, byKey, made: new Set(), linked: new Set() };
  return files.length;
}

/** Links into the output the files the previous build made for a page of this key. */
export function restoreUnchanged(key: string): void {
  const plan = holder[slot];
  if (!plan) return;
  for (const file of plan.byKey.get(key) ?? []) {
    const to = join(plan.out, file);
    if (plan.linked.has(to)) continue;
    const folder = dirname(to);
    if (!plan.made.has(folder)) mkdirSync(folder, { recursive: true });
    plan.made.add(folder);
    try {
      placeFile(join(plan.store, file), to); // a hard link, or a copy across file systems
      plan.linked.add(to);
    } catch {
      // The store's copy is gone (removed by hand): Astro renders the page.
    }
  }
}

/**
 * Ends a successful build's restore: removes the linked files that are not among `built`
 * (absolute paths of every file Astro reports built) with their folders left empty, and the
 * store's copies of pages the new manifest no longer lists. Returns how many links went.
 */
export function endRestore(cacheDir: string, built: ReadonlySet<string>): number {
  const plan = holder[slot];
  delete holder[slot];
  if (!plan) return 0;
  let removed = 0;
  for (const path of plan.linked)
    if (!built.has(path)) {
      removeUp(plan.out, path);
      removed++;
    }
  const kept = new Set(manifestFiles(cacheDir)?.map(({ file }) => file));
  for (const files of plan.byKey.values())
    for (const file of files) if (!kept.has(file)) removeUp(plan.store, join(plan.store, file));
  rmSync(join(cacheDir, PENDING), { force: true });
  return removed;
}

/** Removes a file, then its folders up to `root` as long as they are empty. */
function removeUp(root: string, path: string): void {
  rmSync(path, { force: true });
  for (let dir = dirname(path); dir.startsWith(`${root}/`); dir = dirname(dir))
    try {
      rmdirSync(dir);
    } catch {
      return; // not empty
    }
}
