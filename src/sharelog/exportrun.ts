/**
 * `--export-parquet DIR`: one ingest that both aggregates (the dashboards, as without the flag)
 * and streams its accepted events, as EventRecords, into the Parquet export.
 */
import type { IngestOptions } from './ingest.ts';
import { openParquetExport } from './parquet.ts';
import { loadKey } from './pseudonym.ts';
import type { InputFile } from './read.ts';
import { ingestFilesToRecords } from './records.ts';
import type { DashboardOutput } from './types.ts';

/**
 * Where the key file lives when RELAIS_SHARELOG_KEY is not set (pseudonym.ts): the share-log
 * cache folder, so that exports and the cache agree on every pseudonym.
 */
export const keyDir = (env: NodeJS.ProcessEnv = process.env) => env.RELAIS_SHARELOG_CACHE || '.relais/sharelog-cache';

export async function ingestAndExport(
  files: readonly InputFile[],
  opts: IngestOptions & { k: number },
  dir: string,
): Promise<{ output: DashboardOutput; events: number; weeks: number }> {
  const key = loadKey(keyDir());
  const exporter = await openParquetExport(dir, {
    key,
    challenges: opts.challenges ?? [],
    optIn: opts.optIn ?? new Map(),
  });
  let output: DashboardOutput;
  try {
    output = await ingestFilesToRecords(files, opts, key, exporter.add);
  } catch (error) {
    await exporter.abort();
    throw error;
  }
  const written = await exporter.finish({ timezone: output.timezone, k: opts.k, ingest: output.ingest });
  return { output, ...written };
}
