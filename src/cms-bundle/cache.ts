/**
 * The admin bundle's cache (`.relais/admin-cache/`, or `RELAIS_ADMIN_CACHE`): returns a bundle of
 * `entry` made from the project as it is now, reusing a cached one whose manifest still holds
 * (`manifest.ts`) and building one otherwise (`child.ts`). A new bundle is written into a `tmp-…`
 * folder, manifest last, and renamed into place only once complete (`folders.ts`), so an
 * interrupted build leaves nothing that a later one would take for a bundle.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleInChild } from './child.ts';
import { bundles, filesUnder, publish, tidy } from './folders.ts';
import { type Expected, hashFile, isCurrent, type Manifest, readManifest, sha256, toolchain } from './manifest.ts';

export interface AdminBundleOptions {
  /** Project root. */
  root: string;
  /** The browser entry, relative to the root (`admin/cms.ts`). */
  entry: string;
  cacheDir: string;
}

export interface AdminBundle {
  status: 'built' | 'reused';
  /** The folder holding the bundle's files: copy it whole. */
  dir: string;
  /** The entry's file name in `dir`. */
  script: string;
  files: number;
  bytes: number;
  ms: number;
}

export async function ensureBundle(options: AdminBundleOptions): Promise<AdminBundle> {
  const started = performance.now();
  const { root, entry, cacheDir } = options;
  const expected: Expected = { root, entry, tools: toolchain(root) };
  mkdirSync(cacheDir, { recursive: true });
  const hashes = new Map<string, string | null>();
  const cached = bundles(cacheDir).find((dir) => {
    const manifest = readManifest(dir);
    return manifest !== null && isCurrent(dir, manifest, expected, hashes);
  });
  if (cached) {
    const now = new Date();
    utimesSync(join(cached, 'manifest.json'), now, now);
    tidy(cacheDir);
    return described('reused', cached, started);
  }
  const tmp = mkdtempSync(join(cacheDir, `tmp-${process.pid}-`));
  try {
    const since = Date.now();
    const { script, inputs } = await bundleInChild(root, entry, join(tmp, 'files'));
    const manifest: Manifest = { format: 1, entry, script, toolchain: expected.tools, inputs: {}, outputs: {} };
    for (const file of inputs) manifest.inputs[file] = inputHash(join(root, file), since);
    for (const file of filesUnder(join(tmp, 'files')))
      manifest.outputs[file] = hashFile(join(tmp, 'files', file)) ?? '';
    writeFileSync(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const dir = join(cacheDir, sha256(JSON.stringify([entry, manifest.toolchain, manifest.inputs])).slice(0, 16));
    publish(tmp, dir, expected);
    return described('built', dir, started);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    tidy(cacheDir);
  }
}

/** The build's log line: `Decap bundle reused (cms.X.js, 105 files, 7.1 MB, checked in 40 ms)`. */
export function describeBundle(bundle: AdminBundle): string {
  const what = `${bundle.script}, ${bundle.files} files, ${(bundle.bytes / 1e6).toFixed(1)} MB`;
  if (bundle.status === 'built') return `Decap bundle built in ${bundle.ms} ms (${what})`;
  return `Decap bundle reused (${what}, checked in ${bundle.ms} ms)`;
}

/** A file changed after the bundling started may not be what Vite read: it gets no hash, so never matches. */
function inputHash(path: string, since: number): string {
  const changed = (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Number.POSITIVE_INFINITY) > since - 100;
  return (changed ? null : hashFile(path)) ?? 'modifié pendant le bundle';
}

function described(status: AdminBundle['status'], dir: string, started: number): AdminBundle {
  const manifest = readManifest(dir);
  if (!manifest)
    throw new Error(`${join(dir, 'manifest.json')} : manifeste du bundle illisible juste après l’écriture`);
  const files = Object.keys(manifest.outputs);
  const bytes = files.reduce((sum, f) => sum + statSync(join(dir, 'files', f)).size, 0);
  const ms = Math.round(performance.now() - started);
  return { status, dir: join(dir, 'files'), script: manifest.script, files: files.length, bytes, ms };
}
