/**
 * The incremental ingest: files → parts (only the new bytes are read) → weeks (only the weeks
 * whose parts changed are recomputed) → dashboards. A full run is this same code with an empty
 * cache, so an incremental run gives the very bytes a full run gives, by construction; the
 * property test in tests/unit/sharelog/store-property.test.ts checks it on random histories.
 */
import { mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputFile } from '../read.ts';
import { CacheDamage } from './blockfile.ts';
import { finishRun, type StoreRun } from './finish.ts';
import { hashSeeds } from './hash.ts';
import { canContinue, entryKey, hashContent, hashPrefix, RACY_MS, statKey } from './identity.ts';
import { acquireLock } from './lock.ts';
import { type FileEntry, type Manifest, readManifest } from './manifest.ts';
import type { StoreOptions, StoreReport } from './options.ts';
import type { PartContext, PartMeta } from './part.ts';
import { readPart } from './readpart.ts';
import { storeStamp } from './stamp.ts';

export type { StoreRun } from './finish.ts';
export type { StoreOptions, StoreReport } from './options.ts';

const empty = (stamp: string): Manifest => ({
  stamp,
  dict: { amb: [], contents: [], teams: [], variants: [] },
  parts: {},
  files: [],
  weeks: new Map(),
});

export async function ingestWithStore(files: readonly InputFile[], opts: StoreOptions): Promise<StoreRun> {
  const { cacheDir, key, zone } = opts;
  const from = opts.from ?? Number.NEGATIVE_INFINITY;
  const to = opts.to ?? Number.POSITIVE_INFINITY;
  const partsDir = join(cacheDir, 'parts');
  mkdirSync(partsDir, { recursive: true });
  const release = await acquireLock(cacheDir);
  try {
    const stamp = storeStamp({ tz: zone.name, from, to, campaigns: opts.campaigns });
    const loaded = opts.full ? 'full run asked' : readManifest(cacheDir, key, stamp);
    const old = typeof loaded === 'string' ? empty(stamp) : loaded;
    try {
      return await run(files, opts, old, typeof loaded === 'string' ? loaded : null, { from, to, partsDir, stamp });
    } catch (error) {
      if (!(error instanceof CacheDamage) || old.files.length === 0) throw error;
      // A part file missing or damaged: never trusted, the whole store is rebuilt from the logs.
      return await run(files, opts, empty(stamp), `cache damaged (${error.message})`, { from, to, partsDir, stamp });
    }
  } finally {
    release();
  }
}

async function run(
  files: readonly InputFile[],
  opts: StoreOptions,
  old: Manifest,
  rebuilt: string | null,
  env: { from: number; to: number; partsDir: string; stamp: string },
): Promise<StoreRun> {
  const { key, zone } = opts;
  const seeds = hashSeeds(key);
  let rows = 0;
  const every = opts.progressEvery ?? 200_000;
  const ctx: PartContext = {
    zone,
    from: env.from,
    to: env.to,
    key,
    seeds,
    partsDir: env.partsDir,
    onReject: opts.onReject,
    campaigns: opts.campaigns,
    onRow: opts.onProgress ? () => ++rows % every === 0 && opts.onProgress?.(rows) : undefined,
  };
  const report: StoreReport = { rebuilt, filesRead: 0, tailsRead: 0, filesReused: 0, weeksComputed: 0, weeks: 0 };
  const parts: Record<string, PartMeta> = { ...old.parts };
  const byStat = new Map(old.files.filter((e) => !e.racy).map((e) => [entryKey(e), e]));
  const byLength = new Map<number, FileEntry[]>();
  for (const e of old.files) byLength.set(e.length, [...(byLength.get(e.length) ?? []), e]);
  const entries: FileEntry[] = [];
  for (const file of files) {
    const st = await stat(file.path, { bigint: true });
    const identity = {
      name: file.name,
      kind: file.kind,
      dev: String(st.dev),
      ino: String(st.ino),
      size: Number(st.size),
      mtimeNs: String(st.mtimeNs),
      racy: Date.now() - Number(st.mtimeMs) < RACY_MS,
      compressed: file.compressed,
    };
    const known = opts.reread ? undefined : byStat.get(statKey(st));
    if (known && known.kind === file.kind) {
      entries.push({ ...known, ...identity });
      report.filesReused++;
      continue;
    }
    // A gzip file's size is its uncompressed length as its trailer states it (read.ts).
    const same = opts.reread ? undefined : byLength.get(file.size);
    const whole = same ? await hashContent(file) : null;
    if (same && whole) {
      const copy = same.find((e) => e.hash === whole.hash && e.length === whole.length && e.kind === file.kind);
      if (copy) {
        entries.push({ ...copy, ...identity });
        report.filesReused++;
        continue;
      }
    }
    const prev =
      opts.reread || file.compressed
        ? undefined
        : old.files.find(
            (e) =>
              (e.name === file.name || (e.dev === identity.dev && e.ino === identity.ino)) &&
              e.length < identity.size &&
              e.kind === file.kind &&
              canContinue(e, file.kind),
          );
    const hasher = prev ? await hashPrefix(file, prev.length) : null;
    if (prev && hasher && hasher.copy().digest('hex') === prev.hash) {
      const { part, content } = await readPart(file, ctx, { entry: prev, hasher });
      parts[part.id] = part;
      entries.push({ ...identity, ...content, parts: [...prev.parts, part.id] });
      report.tailsRead++;
      continue;
    }
    const { part, content } = await readPart(file, ctx);
    parts[part.id] = part;
    entries.push({ ...identity, ...content, parts: [part.id] });
    report.filesRead++;
  }
  return finishRun({ files, opts, old, entries, parts, report, partsDir: env.partsDir, stamp: env.stamp, seeds });
}
