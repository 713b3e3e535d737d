/**
 * The layout of the warehouse export (`--export-parquet DIR`), shared by its writer (parquet.ts),
 * the SQL (sql/*.sql, whose `{{name}}` placeholders are these table names) and the reader of the
 * SQL's result (aggregates.ts). Bump EXPORT_VERSION when a column changes meaning.
 */
import { type DashboardOutput, REASONS, type Reason } from './types.ts';

/** 2: events gained `weight` (an aggregated row's count) and `source`. */
export const EXPORT_VERSION = 2;

/** Tables of the export: `events` is a folder of hive partitions, the others one file each. */
export const TABLES = ['events', 'challenges', 'challenge_contents', 'leaderboard_optin', 'meta'] as const;
export type TableName = (typeof TABLES)[number];

/** Where a table lives inside the export folder. */
export const tablePath = (name: TableName): string => (name === 'events' ? 'events' : `${name}.parquet`);

/** The partition written when there is no event at all, so that readers still find the schema. */
export const EMPTY_WEEK = '0000-W00';

export const INGEST_COUNTERS = ['files', 'rows', 'accepted', 'rejected', 'duplicates', 'outOfRange'] as const;

/** meta rows (name → text value); the SQL passes them through to the result as `meta` rows. */
export const META = {
  version: 'export_version',
  timezone: 'timezone',
  k: 'k',
  counter: (c: (typeof INGEST_COUNTERS)[number]) => `ingest.${c}`,
  reason: (r: Reason) => `ingest.rejectedByReason.${r}`,
  /** JSON of `ingest.brokenArchives`; the row exists only when some archive broke. */
  brokenArchives: 'ingest.brokenArchives',
};

export interface ExportMeta {
  timezone: string;
  k: number;
  ingest: DashboardOutput['ingest'];
}

export function metaEntries(meta: ExportMeta): Array<[string, string]> {
  const broken = meta.ingest.brokenArchives;
  return [
    [META.version, String(EXPORT_VERSION)],
    [META.timezone, meta.timezone],
    [META.k, String(meta.k)],
    ...INGEST_COUNTERS.map((c): [string, string] => [META.counter(c), String(meta.ingest[c])]),
    ...REASONS.map((r): [string, string] => [META.reason(r), String(meta.ingest.rejectedByReason[r])]),
    ...(broken ? [[META.brokenArchives, JSON.stringify(broken)] as [string, string]] : []),
  ];
}
