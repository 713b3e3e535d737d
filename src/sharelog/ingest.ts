/**
 * The pipeline's entry point. Readers (csvsource.ts, jsonl.ts, accesslog.ts) turn bytes into
 * rows, rejects or already-validated events; store/part.ts validates rows (normalize.ts), keeps
 * the valid in-range events as blocks per ISO week; store/finish.ts deduplicates and aggregates
 * each week and merges the weeks into the dashboards. `ingestFiles` runs all of it on a
 * throw-away cache; `npm run dashboards` keeps the cache between builds (store/run.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputFile } from './read.ts';
import { ingestWithStore } from './store/run.ts';
import type { DashboardOutput, IngestOptions } from './types.ts';

export type { IngestOptions } from './types.ts';

/** Reads every file in the order given (callers pass listInputs' sorted list) and aggregates. */
export async function ingestFiles(files: readonly InputFile[], opts: IngestOptions): Promise<DashboardOutput> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'relais-ingest-'));
  try {
    return (await ingestWithStore(files, { ...opts, cacheDir, key: randomBytes(32) })).output;
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
