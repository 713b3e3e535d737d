/**
 * `--export-parquet DIR`: one store run that both aggregates (the dashboards, as without the
 * flag) and streams its accepted events, as EventRecords, into the Parquet export, with the
 * sent suggestions' days the run found in its parts for the `suggestions` table.
 */
import { openParquetExport } from './parquet.ts';
import type { InputFile } from './read.ts';
import { ingestRunToRecords } from './records.ts';
import type { StoreOptions, StoreRun } from './store/run.ts';

export async function ingestAndExport(
  files: readonly InputFile[],
  opts: StoreOptions & { k: number },
  dir: string,
): Promise<StoreRun & { events: number; weeks: number }> {
  const exporter = await openParquetExport(dir, {
    key: opts.key,
    challenges: opts.challenges ?? [],
    optIn: opts.optIn ?? new Map(),
  });
  let run: StoreRun;
  try {
    run = await ingestRunToRecords(files, opts, exporter.add);
  } catch (error) {
    await exporter.abort();
    throw error;
  }
  const written = await exporter.finish(
    { timezone: run.output.timezone, k: opts.k, ingest: run.output.ingest },
    run.suggestionDays,
  );
  return { ...run, ...written };
}
