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

/** Places every file under the folder `from` at the same place under `to`. */
export function placeTree(from: string, to: string): number {
  const made = new Set<string>();
  let files = 0;
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const dest = join(to, relative(from, join(entry.parentPath, entry.name)));
    const folder = dirname(dest);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    placeFile(join(entry.parentPath, entry.name), dest);
    files++;
  }
  return files;
}
