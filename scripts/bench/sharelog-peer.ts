/**
 * The share-log bench's peer: DuckDB (2 threads by default) doing the same job as
 * `npm run dashboards` on the same files: parse the CSV exports and the nginx access logs,
 * validate and normalise the rows (same event and network aliases, time zone, empty fields),
 * deduplicate (by event id, else by the same second, ambassador, content, variant, network and
 * event), then run the hub's own portable aggregation (src/sharelog/sql/) over the result.
 * It skips what the hub does beyond that (pseudonyms, rejects by reason, challenges' contents),
 * so the comparison favours DuckDB.
 *
 *   node scripts/bench/sharelog-peer.ts [--threads 2] [--tz Europe/Paris] FILE...
 * Prints one JSON line: { seconds, accepted, shares, activeAmbassadors, maxRssKb }.
 */

import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { aggregationSql } from '../../src/sharelog/warehouse.ts';

const list = (files: string[]) => `[${files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ')}]`;

const EVENT = `CASE lower(trim(event)) WHEN '' THEN 'share' WHEN 'share' THEN 'share' WHEN 'partage' THEN 'share'
  WHEN 'click' THEN 'click' WHEN 'clic' THEN 'click' WHEN 'reaction' THEN 'reaction' WHEN 'réaction' THEN 'reaction'
  WHEN 'comment' THEN 'comment' WHEN 'commentaire' THEN 'comment' END`;
const NETWORK = `CASE WHEN trim(network) = '' THEN NULL ELSE coalesce(
  CASE lower(trim(network)) WHEN 'twitter' THEN 'x' WHEN 'x.com' THEN 'x' WHEN 'li' THEN 'linkedin' WHEN 'fb' THEN 'facebook'
    WHEN 'ig' THEN 'instagram' WHEN 'mail' THEN 'email' WHEN 'e-mail' THEN 'email' WHEN 'courriel' THEN 'email'
    WHEN 'msteams' THEN 'teams' WHEN 'microsoft teams' THEN 'teams' WHEN 'wa' THEN 'whatsapp' END,
  CASE WHEN lower(trim(network)) IN ('linkedin','x','facebook','instagram','email','teams','whatsapp') THEN lower(trim(network)) ELSE 'other' END) END`;

function rowsSql(csv: string[], logs: string[]): string {
  const parts: string[] = [];
  if (csv.length > 0) {
    parts.push(`SELECT coalesce(TRY_CAST(trim("timestamp") AS TIMESTAMPTZ),
          CAST(TRY_STRPTIME(trim("timestamp"), '%d/%m/%Y %H:%M') AS TIMESTAMPTZ)) AS ts, lower(trim(ambassador)) AS ambassador,
        trim(team) AS team, ${NETWORK} AS network, trim(content) AS content, ${EVENT} AS event,
        coalesce(trim(variant), '') AS variant, nullif(trim(event_id), '') AS event_id
      FROM read_csv(${list(csv)}, header = true, all_varchar = true, ignore_errors = true, strict_mode = false)`);
  }
  if (logs.length > 0) {
    const LINE = `'^\\S+ \\S+ (\\S+) \\[([^\\]]+)\\] "(\\S+) (\\S+)[^"]*" (\\d{3}) '`;
    parts.push(`SELECT TRY_STRPTIME(m.time, '%d/%b/%Y:%H:%M:%S %z') AS ts,
        CASE WHEN m.amb = '-' THEN NULL ELSE lower(url_decode(m.amb)) END AS ambassador, CAST(NULL AS VARCHAR) AS team,
        ${NETWORK.replaceAll('network', 'url_decode(r.network)')} AS network, url_decode(r.content) AS content, 'share' AS event,
        coalesce(url_decode(regexp_extract(m.target, '[?&]v=([^&]*)', 1)), '') AS variant, NULL AS event_id
      FROM (SELECT regexp_extract(line, ${LINE}, ['amb', 'time', 'method', 'target', 'status']) AS m
            FROM read_csv(${list(logs)}, columns = {'line': 'VARCHAR'}, header = false, delim = '\\t', quote = '', escape = '', auto_detect = false)) AS l(m),
           LATERAL (SELECT regexp_extract(split_part(m.target, '?', 1), '/partager/([^/]+)/([^/]+)/?$', ['content', 'network']) AS r) AS x(r)
      WHERE m.method = 'GET' AND left(m.status, 1) IN ('2', '3') AND r.content <> ''`);
  }
  return parts.join('\nUNION ALL\n');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { threads: { type: 'string', default: '2' }, tz: { type: 'string', default: 'Europe/Paris' } },
    allowPositionals: true,
  });
  const started = performance.now();
  const db = await DuckDBInstance.create(':memory:', { threads: values.threads });
  const con = await db.connect();
  await con.run(`SET TimeZone = '${values.tz}'`);
  const csv = positionals.filter((f) => f.endsWith('.csv'));
  const logs = positionals.filter((f) => !f.endsWith('.csv'));
  await con.run(`CREATE TEMP TABLE valid AS SELECT * FROM (${rowsSql(csv, logs)})
    WHERE ts IS NOT NULL AND event IS NOT NULL AND network IS NOT NULL AND content IS NOT NULL AND content <> ''`);
  await con.run(`CREATE TEMP TABLE events AS
    SELECT strftime(day, '%G-W%V') AS week, day, CAST(day AS VARCHAR) AS day_label, ts, event, network,
           nullif(ambassador, '') AS ambassador, content, lower(content) AS content_key,
           nullif(team, '') AS team, lower(nullif(team, '')) AS team_key, variant,
           1 AS weight, 'hub' AS source -- the hub's own logs: one event a row (export v2 columns)
    FROM (SELECT *, CAST(timezone('${values.tz}', ts) AS DATE) AS day FROM (
      SELECT * FROM valid WHERE event_id IS NOT NULL QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY ts) = 1
      UNION ALL
      SELECT DISTINCT ON (epoch(ts)::BIGINT, ambassador, content, variant, network, event) * FROM valid WHERE event_id IS NULL))`);
  await con.run(`CREATE TEMP TABLE meta AS SELECT 'k' AS name, '5' AS value`);
  await con.run(
    `CREATE TEMP TABLE challenges (id VARCHAR, start_ts TIMESTAMPTZ, end_ts TIMESTAMPTZ, all_contents INTEGER)`,
  );
  await con.run(`CREATE TEMP TABLE challenge_contents (challenge VARCHAR, content VARCHAR)`);
  await con.run(`CREATE TEMP TABLE leaderboard_optin (ambassador VARCHAR, display_name VARCHAR)`);
  // The generated history holds no sent suggestion (/proposer/envoye/): an empty table.
  await con.run(`CREATE TEMP TABLE suggestions (week VARCHAR, day_label VARCHAR)`);
  const sources = {
    events: 'events',
    challenges: 'challenges',
    challenge_contents: 'challenge_contents',
    leaderboard_optin: 'leaderboard_optin',
    meta: 'meta',
    suggestions: 'suggestions',
  };
  const result = await con.runAndReadAll(aggregationSql(sources));
  const totals = result.getRowObjects().find((r) => r.section === 'totals');
  const accepted = (await con.runAndReadAll('SELECT count(*) AS n FROM events')).getRowObjects()[0]?.n;
  process.stdout.write(
    `${JSON.stringify({
      seconds: (performance.now() - started) / 1000,
      accepted: Number(accepted),
      shares: Number(totals?.shares),
      activeAmbassadors: Number(totals?.active_ambassadors),
      maxRssKb: process.resourceUsage().maxRSS,
    })}\n`,
  );
}

await main();
