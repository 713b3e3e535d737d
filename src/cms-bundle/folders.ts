/**
 * The admin cache's folders: `<16 hex>/` holds one complete bundle (`manifest.json`, `files/`),
 * `tmp-<pid>-…/` one being written. A bundle folder only ever appears by renaming a finished
 * `tmp-` folder, so whatever an interrupted build leaves is a `tmp-` folder, never read and removed
 * once its process is gone. The most recently used bundles are kept (the manifest's date says when).
 */
import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { alive } from '../lib/alive.ts';
import { type Expected, isCurrent, readManifest } from './manifest.ts';

/** Bundles kept: the current one and the previous one (switching branches back and forth). */
const KEEP = 2;
const bundleFolder = /^[0-9a-f]{16}$/;

/** Cached bundles, most recently used first. */
export function bundles(cacheDir: string): string[] {
  const used = (dir: string) => statSync(join(dir, 'manifest.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const dirs = readdirSync(cacheDir).filter((name) => bundleFolder.test(name));
  return dirs.map((name) => join(cacheDir, name)).sort((a, b) => used(b) - used(a));
}

/** Renames `tmp` to `dir`; if another build put the same bundle there first, keeps it when it is whole. */
export function publish(tmp: string, dir: string, expected: Expected): void {
  try {
    renameSync(tmp, dir);
    return;
  } catch (error) {
    if (!['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  const there = readManifest(dir);
  if (there && isCurrent(dir, there, expected)) return;
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
}

/** Drops all but the most recently used bundles, and the `tmp-` folders of processes that are gone. */
export function tidy(cacheDir: string): void {
  for (const dir of bundles(cacheDir).slice(KEEP)) rmSync(dir, { recursive: true, force: true });
  for (const name of readdirSync(cacheDir)) {
    const pid = Number(/^tmp-(\d+)-/.exec(name)?.[1]);
    if (pid && !alive(pid)) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}

/** Files under `dir`, relative, with `/`. */
export function filesUnder(dir: string): string[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return entries.map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}
