import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAggregationDuckDB } from '../../../src/sharelog/warehouse.ts';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
/** A fixed key: the CLI never creates a key file in the checkout's .relais/ during tests. */
export const KEY = 'test-key-for-the-warehouse-path';

export function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/dashboards.ts', '--quiet', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, RELAIS_SHARELOG_KEY: KEY },
  });
  return { code: r.status, stderr: r.stderr };
}

export const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `relais-${name}-`));

/**
 * The two paths on the same logs: (built-in) the dashboards of an ingest that also exports
 * Parquet; (warehouse) the SQL run by DuckDB over that export, then `--from-aggregates`.
 */
export async function bothPaths(logArgs: string[], dir: string, result = 'result.csv') {
  const exportDir = join(dir, 'export');
  const builtIn = join(dir, 'built-in.json');
  const warehouse = join(dir, 'warehouse.json');
  const exported = cli([...logArgs, '--export-parquet', exportDir, '--out', builtIn]);
  if (exported.code !== 0) throw new Error(`export failed (${exported.code}): ${exported.stderr}`);
  const started = performance.now();
  await runAggregationDuckDB(exportDir, join(dir, result));
  const sqlSeconds = (performance.now() - started) / 1000;
  const shaped = cli(['--from-aggregates', join(dir, result), '--out', warehouse]);
  if (shaped.code !== 0) throw new Error(`--from-aggregates failed (${shaped.code}): ${shaped.stderr}`);
  return {
    exportDir,
    builtIn: readFileSync(builtIn, 'utf8'),
    warehouse: readFileSync(warehouse, 'utf8'),
    sqlSeconds,
  };
}
