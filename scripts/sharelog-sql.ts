/**
 * The warehouse aggregation (src/sharelog/sql/*.sql) outside a warehouse, or for one:
 *
 *   node scripts/sharelog-sql.ts --export DIR --out result.csv   # DuckDB over an --export-parquet folder
 *   node scripts/sharelog-sql.ts --print [--table events=db.share_events ...]
 *
 * `--print` writes the one SELECT with each `{{table}}` replaced (by default by its own name), to
 * paste into a ClickHouse or Spark job. See docs/sharelog.md, "Scale-out: the warehouse path".
 * Exit status: 0 done, 2 unusable arguments, 3 the query or the files failed.
 */
import { parseArgs } from 'node:util';
import { TABLES, type TableName } from '../src/sharelog/exportschema.ts';
import { aggregationSql, runAggregationDuckDB } from '../src/sharelog/warehouse.ts';

const HELP = `Usage: node scripts/sharelog-sql.ts --export DIR --out FILE.csv|FILE.jsonl
       node scripts/sharelog-sql.ts --print [--table NAME=SOURCE ...]
Tables: ${TABLES.join(', ')}`;

async function main(argv: string[]): Promise<number> {
  let values: { export?: string; out?: string; print: boolean; table: string[]; help: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: {
        export: { type: 'string' },
        out: { type: 'string' },
        print: { type: 'boolean', default: false },
        table: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`sharelog-sql: ${(error as Error).message}\n${HELP}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.print) {
    const sources = Object.fromEntries(TABLES.map((t) => [t, t])) as Record<TableName, string>;
    for (const pair of values.table) {
      const [name, source] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (!(TABLES as readonly string[]).includes(name) || !pair.includes('=') || source === '') {
        process.stderr.write(`sharelog-sql: --table ${pair}: expected NAME=SOURCE, NAME one of ${TABLES.join(', ')}\n`);
        return 2;
      }
      sources[name as TableName] = source;
    }
    process.stdout.write(`${aggregationSql(sources)}\n`);
    return 0;
  }
  if (!values.export || !values.out) {
    process.stderr.write(`sharelog-sql: --export DIR and --out FILE are required (or --print)\n${HELP}\n`);
    return 2;
  }
  try {
    await runAggregationDuckDB(values.export, values.out);
  } catch (error) {
    process.stderr.write(`sharelog-sql: --export ${values.export}: ${(error as Error).message}\n`);
    return 3;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
