import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * Puts a cached file into the output: a hard link where the cache and the output share a file
 * system (thousands of files in milliseconds, no extra disk), else a copy. Caches replace their
 * entries by rename, never rewrite them in place, so a linked output file never changes.
 */
export function placeFile(from: string, to: string): void {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Places the files `paths` (relative to `from`) at the same places under `to`. */
export function placeFiles(from: string, to: string, paths: readonly string[]): number {
  const made = new Set<string>();
  for (const path of paths) {
    const dest = join(to, path);
    const folder = dirname(dest);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    placeFile(join(from, path), dest);
  }
  return paths.length;
}

/** Places every file under the folder `from` at the same place under `to`. */
export function placeTree(from: string, to: string): number {
  const paths = readdirSync(from, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(from, join(entry.parentPath, entry.name)));
  return placeFiles(from, to, paths);
}
