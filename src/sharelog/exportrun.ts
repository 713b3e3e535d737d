/**
 * `--export-parquet DIR`: one store run that both aggregates (the dashboards, as without the
 * flag) and streams its accepted events, as EventRecords, into the Parquet export, with the
 * sent suggestions' days (suggestions.ts) for its `suggestions` table.
 */
import { openParquetExport } from './parquet.ts';
import type { InputFile } from './read.ts';
import { ingestFilesToRecords } from './records.ts';
import type { StoreOptions } from './store/run.ts';
import type { DashboardOutput } from './types.ts';

export async function ingestAndExport(
  files: readonly InputFile[],
  opts: StoreOptions & { k: number },
  dir: string,
  suggestionDays: readonly number[] = [],
): Promise<{ output: DashboardOutput; events: number; weeks: number }> {
  const exporter = await openParquetExport(dir, {
    key: opts.key,
    challenges: opts.challenges ?? [],
    optIn: opts.optIn ?? new Map(),
    suggestionDays,
  });
  let output: DashboardOutput;
  try {
    output = await ingestFilesToRecords(files, opts, exporter.add);
  } catch (error) {
    await exporter.abort();
    throw error;
  }
  const written = await exporter.finish({ timezone: output.timezone, k: opts.k, ingest: output.ingest });
  return { output, ...written };
}
