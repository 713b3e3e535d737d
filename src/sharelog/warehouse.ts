/**
 * The portable aggregation (sql/*.sql) as one statement, and a runner for it on DuckDB over a
 * `--export-parquet` folder. Every file is one SELECT (no WITH, no engine-specific function)
 * with the result columns of aggregates.ts; the statement is the files joined by UNION ALL.
 * `{{name}}` stands for a table of the export (exportschema.ts TABLES): a `read_parquet(…)` call
 * in DuckDB, a table name or a table function in a warehouse (docs/sharelog.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { EXPORT_VERSION, TABLES, type TableName, tablePath } from './exportschema.ts';

/** Run order: also the order of the rows' sections in the result (any order is accepted). */
export const SQL_FILES = [
  'totals',
  'period',
  'weeks',
  'weeknetworks',
  'networks',
  'contents',
  'cardnetworks',
  'cardvariants',
  'teams',
  'challenges',
  'leaderboards',
  'sources',
  'meta',
  'suggestions',
] as const;

const SQL_DIR = join(import.meta.dirname, 'sql');

/** One file's SQL with its `{{table}}` placeholders replaced; an unknown placeholder throws. */
export function sqlFile(name: (typeof SQL_FILES)[number], sources: Record<TableName, string>): string {
  const file = join(SQL_DIR, `${name}.sql`);
  return readFileSync(file, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, table: string) => {
    if (!(TABLES as readonly string[]).includes(table)) {
      throw new Error(`${file}: unknown placeholder {{${table}}} (expected one of ${TABLES.join(', ')})`);
    }
    return sources[table as TableName];
  });
}

/** The whole aggregation as one SELECT (for a warehouse job, or DuckDB below). */
export function aggregationSql(sources: Record<TableName, string>): string {
  return SQL_FILES.map((name) => sqlFile(name, sources).trim()).join('\nUNION ALL\n');
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** DuckDB table sources for an export folder (week typed as text, not guessed from the paths). */
export function duckdbSources(exportDir: string): Record<TableName, string> {
  const file = (name: TableName) => `read_parquet(${literal(join(exportDir, tablePath(name)))})`;
  return {
    events: `read_parquet(${literal(join(exportDir, 'events', '**', '*.parquet'))}, hive_partitioning = true, hive_types = {'week': VARCHAR})`,
    challenges: file('challenges'),
    challenge_contents: file('challenge_contents'),
    leaderboard_optin: file('leaderboard_optin'),
    meta: file('meta'),
    suggestions: file('suggestions'),
  };
}

/**
 * Every table of this export version is in `exportDir`, or an error naming the first one missing
 * (an export written before `suggestions` came, version 1, lacks suggestions.parquet): DuckDB
 * would otherwise stop on a bare "No files found that match the pattern".
 */
export function checkExportTables(exportDir: string): void {
  for (const name of TABLES) {
    if (existsSync(join(exportDir, tablePath(name)))) continue;
    throw new Error(
      `${join(exportDir, tablePath(name))} is missing: not an export of version ${EXPORT_VERSION} ` +
        `(an older one, or not an export folder); run npm run dashboards -- --export-parquet ${exportDir} again`,
    );
  }
}

/**
 * Runs the aggregation in DuckDB over an export and writes the result: CSV with a header
 * (`.csv`) or JSON Lines (`.jsonl`/`.ndjson`), through a temporary file renamed into place.
 */
export async function runAggregationDuckDB(exportDir: string, outFile: string): Promise<void> {
  const ext = extname(outFile).toLowerCase();
  const format = ext === '.csv' ? 'FORMAT csv, HEADER' : ext === '.jsonl' || ext === '.ndjson' ? 'FORMAT json' : '';
  if (format === '') throw new Error(`${outFile}: expected a .csv, .jsonl or .ndjson result file`);
  checkExportTables(exportDir);
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  await mkdir(dirname(outFile), { recursive: true });
  const temp = `${outFile}.${process.pid}.tmp`;
  try {
    await con.run(`COPY (${aggregationSql(duckdbSources(exportDir))}) TO ${literal(temp)} (${format})`);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  await rename(temp, outFile);
}
