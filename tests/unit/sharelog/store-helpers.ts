/**
 * Helpers of the share-log store tests (store-*.test.ts): a log folder under the OS temp folder
 * whose files get modification times from a fake clock (so the stat fast path is exercised on
 * demand, never by the luck of timing), an incremental run on a cache kept between calls and a
 * full run from scratch to compare it with, and a seeded PRNG.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type IngestOptions, ingestFiles } from '../../../src/sharelog/ingest.ts';
import { serialize } from '../../../src/sharelog/output.ts';
import { listInputs } from '../../../src/sharelog/read.ts';
import { ingestWithStore, type StoreReport } from '../../../src/sharelog/store/run.ts';
import { paris, type Reject } from './helpers.ts';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

/** mulberry32: small, fast, and the same sequence for a seed on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [lo, hi]. */
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (p: number) => next() < p,
  };
}
export type Prng = ReturnType<typeof prng>;

/** A temporary folder with `logs/` (the inputs) and `cache/` (the store kept between runs). */
export class Workspace {
  readonly root = mkdtempSync(join(tmpdir(), 'relais-store-'));
  readonly logs = join(this.root, 'logs');
  readonly cache = join(this.root, 'cache');
  readonly key = randomBytes(32);
  /** The fake clock of modification times, a minute per write: well in the past, so not racy. */
  clock = Math.min(Date.parse('2026-01-01T00:00:00Z'), Date.now() - 30 * 86_400_000);

  constructor() {
    mkdirSync(this.logs, { recursive: true });
  }

  path(rel: string): string {
    return join(this.logs, rel);
  }

  /** Sets the file's mtime (and atime) to the next tick of the fake clock, or to `at`. */
  touch(rel: string, at?: number): void {
    if (at === undefined) this.clock += 60_000;
    const t = (at ?? this.clock) / 1000;
    utimesSync(this.path(rel), t, t);
  }

  write(rel: string, content: string | Buffer): void {
    mkdirSync(dirname(this.path(rel)), { recursive: true });
    writeFileSync(this.path(rel), content);
    this.touch(rel);
  }

  append(rel: string, content: string): void {
    appendFileSync(this.path(rel), content);
    this.touch(rel);
  }

  read(rel: string): Buffer {
    return readFileSync(this.path(rel));
  }

  /** An incremental run on the kept cache. */
  async incremental(opts: Partial<IngestOptions> & { full?: boolean; cacheDir?: string; key?: Buffer } = {}) {
    const rejects: Reject[] = [];
    const { output, report, suggestionDays } = await ingestWithStore(await listInputs([this.logs]), {
      zone: opts.zone ?? paris,
      cacheDir: this.cache,
      key: this.key,
      onReject: (file, line, reason, raw) => rejects.push({ file, line, reason, raw }),
      ...opts,
    });
    return { output, report, suggestionDays, json: serialize(output), rejects };
  }

  /** A full run from scratch (a throw-away cache and key): the reference. */
  async full(opts: Partial<IngestOptions> = {}) {
    const rejects: Reject[] = [];
    const output = await ingestFiles(await listInputs([this.logs]), {
      zone: opts.zone ?? paris,
      onReject: (file, line, reason, raw) => rejects.push({ file, line, reason, raw }),
      ...opts,
    });
    return { output, json: serialize(output), rejects };
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export const reused = (r: StoreReport) => r.filesReused + r.tailsRead;
