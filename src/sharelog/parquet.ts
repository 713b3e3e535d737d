/**
 * The warehouse export (`--export-parquet DIR`): the accepted events as Parquet, partitioned by
 * ISO week (hive style, `DIR/events/week=2026-W49/data_0.parquet`), plus the small side tables
 * the SQL in sql/ needs (exportschema.ts). DuckDB is the Parquet writer; it is imported only
 * when an export is opened, so the normal build never loads the native module.
 *
 * Events arrive one EventRecord at a time (`add`, synchronous: it is called from the ingest's hot
 * loop). Strings are interned here and the rows go to DuckDB as eight integer/double columns in
 * 2048-row data chunks: typed-array writes and one native copy per column and chunk, about 4x
 * faster than appending twelve values per row through the appender's per-value calls. The names
 * are joined back in by the COPY that writes the partitions.
 *
 * Privacy: the export holds pseudonyms, never an ambassador id. Content and team names that the
 * dashboards would withhold (shaped like an e-mail address, or equal to an exported ambassador)
 * are written as NULL; their `content_key`/`team_key` (the pseudonym of the lower-cased name)
 * stay, so the SQL can apply the same rule to events landed by other means.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBAppender, DuckDBConnection, DuckDBDataChunk, DuckDBInstance, DuckDBVector } from '@duckdb/node-api';
import { EMPTY_WEEK, type ExportMeta, metaEntries, TABLES, tablePath } from './exportschema.ts';
import { createInterner } from './intern.ts';
import { emailLike, pseudonym } from './pseudonym.ts';
import { InputError } from './read.ts';
import { formatDay, isoWeek } from './timestamp.ts';
import type { ChallengeDef, EventRecord } from './types.ts';

/** Names the export folder and what went wrong; the CLI exits 3 on it. */
export class ExportError extends InputError {}

export interface ParquetExportOptions {
  /** The pseudonymisation key (pseudonym.ts loadKey): content/team keys and the opt-in list. */
  key: Buffer;
  challenges: readonly ChallengeDef[];
  /** Lower-cased ambassador id → display name; exported under the pseudonym. */
  optIn: ReadonlyMap<string, string>;
  /** Parquet page compression. Default snappy (DuckDB's); tests read uncompressed bytes. */
  compression?: 'snappy' | 'zstd' | 'uncompressed';
}

export interface ParquetExport {
  add(record: EventRecord): void;
  /**
   * Writes every table and moves them into place (replacing an earlier export). `suggestionDays`:
   * local days of the sent suggestions (the store run's); the ones inside the exported events'
   * period become the `suggestions` table, as the built-in count keeps them.
   */
  finish(meta: ExportMeta, suggestionDays?: readonly number[]): Promise<{ events: number; weeks: number }>;
  /** Drops the half-written export (the folder keeps its previous one). */
  abort(): Promise<void>;
}

const CHUNK = 2048; // DuckDB's vector size: one data chunk is at most this many rows
const RAW_COLUMNS = ['ms', 'day', 'event', 'network', 'ambassador', 'content', 'team', 'variant', 'weight', 'source'];

/** The event table as written: names joined back onto the integer rows. */
const EVENTS_SELECT = `
  SELECT d.week, CAST(DATE '1970-01-01' + e.day AS DATE) AS day, d.label AS day_label,
         epoch_ms(CAST(e.ms AS BIGINT)) AS ts, ev.name AS event, n.name AS network,
         a.name AS ambassador, c.name AS content, c.key AS content_key,
         t.name AS team, t.key AS team_key, v.name AS variant, e.weight AS weight, s.name AS source
  FROM raw e
  JOIN day_dim d ON d.id = e.day
  JOIN event_dim ev ON ev.id = e.event
  JOIN network_dim n ON n.id = e.network
  LEFT JOIN ambassador_dim a ON a.id = e.ambassador
  JOIN content_dim c ON c.id = e.content
  LEFT JOIN team_dim t ON t.id = e.team
  JOIN variant_dim v ON v.id = e.variant
  JOIN source_dim s ON s.id = e.source`;

const quote = (path: string) => `'${path.replaceAll("'", "''")}'`;

/** Refuses to replace a DIR/events folder that holds anything but week partitions. */
async function checkEventsFolder(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(join(dir, 'events'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const foreign = entries.find((e) => !e.startsWith('week='));
  if (foreign !== undefined) {
    throw new ExportError(
      `--export-parquet ${dir}: events/${foreign} was not written by an export (expected only week=… folders); ` +
        'choose another folder or remove it',
    );
  }
}

async function appendRows(
  con: DuckDBConnection,
  table: string,
  columns: string,
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): Promise<void> {
  await con.run(`CREATE TABLE ${table} (${columns})`);
  const appender: DuckDBAppender = await con.createAppender(table);
  for (const row of rows) {
    for (const value of row) {
      if (value === null) appender.appendNull();
      else if (typeof value === 'number') appender.appendDouble(value);
      else appender.appendVarchar(value);
    }
    appender.endRow();
  }
  appender.closeSync();
}

export async function openParquetExport(dir: string, options: ParquetExportOptions): Promise<ParquetExport> {
  await checkEventsFolder(dir);
  const staging = join(dir, `.export-${process.pid}.tmp`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const duckdb = await import('@duckdb/node-api');
  // Spills (an export larger than memory) go next to the export, not to the system temp folder.
  const instance: DuckDBInstance = await duckdb.DuckDBInstance.create(':memory:', {
    temp_directory: join(staging, 'duckdb.tmp'),
  });
  const con = await instance.connect();
  await con.run(`CREATE TABLE raw (ms DOUBLE, ${RAW_COLUMNS.slice(1).join(' INTEGER, ')} INTEGER)`);
  const appender = await con.createAppender('raw');
  const types = [duckdb.DOUBLE, ...RAW_COLUMNS.slice(1).map(() => duckdb.INTEGER)];
  const full = duckdb.DuckDBDataChunk.create(types, CHUNK);
  const fullVectors: DuckDBVector[] = types.map((_, i) => full.getColumnVector(i));
  const ms = new Float64Array(CHUNK);
  const days = new Int32Array(CHUNK);
  const events = new Int32Array(CHUNK);
  const networks = new Int32Array(CHUNK);
  const ambs = new Int32Array(CHUNK);
  const contents = new Int32Array(CHUNK);
  const teams = new Int32Array(CHUNK);
  const variants = new Int32Array(CHUNK);
  const counts = new Int32Array(CHUNK);
  const sources = new Int32Array(CHUNK);
  const ints = [days, events, networks, ambs, contents, teams, variants, counts, sources]; // RAW_COLUMNS order
  const names = {
    event: createInterner(),
    network: createInterner(),
    ambassador: createInterner(),
    content: createInterner(),
    team: createInterner(),
    variant: createInterner(),
    source: createInterner(),
  };
  const seenDays = new Set<number>();
  let pending = 0;
  let total = 0;

  function flush(): void {
    if (pending === 0) return;
    // A full chunk is reused; the last, partial one gets a chunk of its own size (resizing a
    // chunk drops its cached vectors).
    const chunk: DuckDBDataChunk = pending === CHUNK ? full : duckdb.DuckDBDataChunk.create(types, pending);
    const vectors = pending === CHUNK ? fullVectors : types.map((_, i) => chunk.getColumnVector(i));
    const msVector = vectors[0] as DuckDBVector;
    for (let i = 0; i < pending; i++) msVector.setItem(i, ms[i] as number);
    ints.forEach((column, c) => {
      const vector = vectors[c + 1] as DuckDBVector;
      for (let i = 0; i < pending; i++) vector.setItem(i, column[i] as number);
    });
    for (const v of vectors) v.flush();
    appender.appendDataChunk(chunk);
    total += pending;
    pending = 0;
  }

  function close(): void {
    con.closeSync();
    instance.closeSync();
  }

  async function writeTables(meta: ExportMeta, suggestionDays: readonly number[]): Promise<number> {
    flush();
    appender.closeSync();
    const { key } = options;
    const people = new Set(names.ambassador.names); // already pseudonyms
    const keyOf = (name: string) => pseudonym(key, name.trim().toLowerCase());
    const withheld = (name: string, k: string) => emailLike.test(name) || people.has(k);
    const dim = (n: ReturnType<typeof createInterner>) => n.names.map((name, id) => [id, name]);
    const keyed = (n: ReturnType<typeof createInterner>) =>
      n.names.map((name, id) => {
        const k = keyOf(name);
        return [id, withheld(name, k) ? null : name, k];
      });
    const weeks = new Set<string>();
    const dayRows = [...seenDays].map((day) => {
      const week = isoWeek(day);
      weeks.add(week);
      return [day, week, formatDay(day)];
    });
    await appendRows(con, 'day_dim', 'id INTEGER, week VARCHAR, label VARCHAR', dayRows);
    for (const n of ['event', 'network', 'ambassador', 'variant', 'source'] as const) {
      await appendRows(con, `${n}_dim`, 'id INTEGER, name VARCHAR', dim(names[n]));
    }
    await appendRows(con, 'content_dim', 'id INTEGER, name VARCHAR, key VARCHAR', keyed(names.content));
    await appendRows(con, 'team_dim', 'id INTEGER, name VARCHAR, key VARCHAR', keyed(names.team));
    const out = (name: (typeof TABLES)[number]) => quote(join(staging, tablePath(name)));
    const parquet = `FORMAT parquet, COMPRESSION ${options.compression ?? 'snappy'}`;
    if (total > 0) {
      await con.run(`COPY (${EVENTS_SELECT}) TO ${out('events')} (${parquet}, PARTITION_BY (week))`);
    } else {
      // No partition would be written at all and `events/**/*.parquet` would match nothing:
      // one empty file in a placeholder partition keeps the table readable (and typed).
      const empty = join(staging, 'events', `week=${EMPTY_WEEK}`);
      await mkdir(empty, { recursive: true });
      await con.run(
        `COPY (SELECT * EXCLUDE (week) FROM (${EVENTS_SELECT})) TO ${quote(join(empty, 'data_0.parquet'))} (${parquet})`,
      );
    }
    const defs = options.challenges;
    await appendRows(
      con,
      'challenge_raw',
      'id VARCHAR, start_ms DOUBLE, end_ms DOUBLE, all_contents INTEGER',
      defs.map((d) => [d.id, d.start, d.end, d.contents === null ? 1 : 0]),
    );
    await con.run(
      `COPY (SELECT id, epoch_ms(CAST(start_ms AS BIGINT)) AS start_ts, epoch_ms(CAST(end_ms AS BIGINT)) AS end_ts,
              CAST(all_contents AS INTEGER) AS all_contents FROM challenge_raw) TO ${out('challenges')} (${parquet})`,
    );
    const scoped = defs.flatMap((d) => [...(d.contents ?? [])].sort().map((c) => [d.id, c]));
    await appendRows(con, 'challenge_contents', 'challenge VARCHAR, content VARCHAR', scoped);
    await con.run(`COPY challenge_contents TO ${out('challenge_contents')} (${parquet})`);
    const optIn = [...options.optIn].map(([id, displayName]) => [pseudonym(key, id), displayName]);
    await appendRows(con, 'leaderboard_optin', 'ambassador VARCHAR, display_name VARCHAR', optIn);
    await con.run(`COPY leaderboard_optin TO ${out('leaderboard_optin')} (${parquet})`);
    await appendRows(con, 'meta', 'name VARCHAR, value VARCHAR', metaEntries(meta));
    await con.run(`COPY meta TO ${out('meta')} (${parquet})`);
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const day of seenDays) {
      if (day < first) first = day;
      if (day > last) last = day;
    }
    const sent = suggestionDays.filter((day) => day >= first && day <= last);
    await appendRows(
      con,
      'suggestions',
      'week VARCHAR, day_label VARCHAR',
      sent.map((day) => [isoWeek(day), formatDay(day)]),
    );
    await con.run(`COPY suggestions TO ${out('suggestions')} (${parquet})`);
    return total > 0 ? weeks.size : 0;
  }

  return {
    add(r) {
      const i = pending;
      ms[i] = r.ms;
      days[i] = r.day;
      seenDays.add(r.day);
      events[i] = names.event.id(r.event);
      networks[i] = names.network.id(r.network);
      ambs[i] = r.ambassador === null ? -1 : names.ambassador.id(r.ambassador);
      contents[i] = names.content.id(r.content);
      teams[i] = r.team === null ? -1 : names.team.id(r.team);
      variants[i] = names.variant.id(r.variant);
      counts[i] = r.count;
      sources[i] = names.source.id(r.source);
      if (++pending === CHUNK) flush();
    },
    async finish(meta, suggestionDays = []) {
      let weeks: number;
      try {
        weeks = await writeTables(meta, suggestionDays);
      } catch (error) {
        close();
        await rm(staging, { recursive: true, force: true });
        throw new ExportError(`--export-parquet ${dir}: ${(error as Error).message}`);
      }
      close();
      await rm(join(staging, 'duckdb.tmp'), { recursive: true, force: true });
      for (const name of TABLES) {
        const target = join(dir, tablePath(name));
        await rm(target, { recursive: true, force: true });
        await rename(join(staging, tablePath(name)), target);
      }
      await rm(staging, { recursive: true, force: true });
      return { events: total, weeks };
    },
    async abort() {
      close();
      await rm(staging, { recursive: true, force: true });
    },
  };
}
