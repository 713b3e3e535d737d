/**
 * What a cached admin bundle records beside its files (`manifest.json`), and the check that
 * decides whether it may be served again: same entry and toolchain (Vite, Rolldown, the bundling
 * code, `package-lock.json` for everything under node_modules), every project file it was made
 * from unchanged (by content, not date), every output file intact. Anything missing, unreadable
 * or different means "build again".
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rolldownVersion, version } from 'vite';

export interface Toolchain {
  vite: string;
  rolldown: string;
  /** Hash of the bundling code (bundle.ts, track.ts): changing Vite's options rebuilds. */
  recipe: string;
  /** Hash of `package-lock.json` (null without one): any dependency change rebuilds. */
  lock: string | null;
}

export interface Manifest {
  format: 1;
  /** The entry, relative to the root (`admin/cms.ts`). */
  entry: string;
  /** The entry's output file (`cms.BOFKEjMg.js`), in `files/`. */
  script: string;
  toolchain: Toolchain;
  /** Project file (relative, `/`) → SHA-256 of its content when the bundle was made. */
  inputs: Record<string, string>;
  /** Output file in `files/` → SHA-256. */
  outputs: Record<string, string>;
}

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** A file's SHA-256, or null when it cannot be read. */
export function hashFile(path: string): string | null {
  try {
    return sha256(readFileSync(path));
  } catch {
    return null;
  }
}

const recipe = sha256(['bundle.ts', 'track.ts'].map((f) => readFileSync(new URL(f, import.meta.url))).join('\0'));

export function toolchain(root: string): Toolchain {
  return { vite: version, rolldown: rolldownVersion, recipe, lock: hashFile(join(root, 'package-lock.json')) };
}

/** The manifest in `dir`, or null when there is none or it cannot be read. */
export function readManifest(dir: string): Manifest | null {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    return manifest.format === 1 ? manifest : null;
  } catch {
    return null;
  }
}

/** What a reusable bundle must have been made from. */
export interface Expected {
  root: string;
  entry: string;
  tools: Toolchain;
}

/**
 * True when the bundle in `dir` was made from `entry` with `tools` and the files under `root` as
 * they are now. `hashes` remembers the project files' hashes across several candidates.
 */
export function isCurrent(
  dir: string,
  manifest: Manifest,
  expected: Expected,
  hashes = new Map<string, string | null>(),
): boolean {
  const { root, entry, tools } = expected;
  const t = manifest.toolchain;
  if (manifest.entry !== entry || !t || Object.keys(manifest.inputs ?? {}).length === 0) return false;
  if (t.vite !== tools.vite || t.rolldown !== tools.rolldown || t.recipe !== tools.recipe || t.lock !== tools.lock)
    return false;
  const unchanged = ([file, hash]: [string, string]) => {
    const path = join(root, file);
    if (!hashes.has(path)) hashes.set(path, hashFile(path));
    return hashes.get(path) === hash;
  };
  const intact = ([file, hash]: [string, string]) => hashFile(join(dir, 'files', file)) === hash;
  return (
    manifest.script in (manifest.outputs ?? {}) &&
    Object.entries(manifest.inputs).every(unchanged) &&
    Object.entries(manifest.outputs).every(intact)
  );
}
