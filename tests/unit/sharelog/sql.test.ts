import { describe, expect, it } from 'vitest';
import { TABLES } from '../../../src/sharelog/exportschema.ts';
import { aggregationSql } from '../../../src/sharelog/warehouse.ts';

/**
 * The SQL on its own, over hand-made tables named as a warehouse would name them (the
 * placeholders become plain table names, as in ClickHouse or Spark). Covers what the export
 * never produces but landed events could: a content or team named like an ambassador that is
 * not NULL, only its key matching an ambassador's pseudonym.
 */
const EVENT_COLUMNS =
  'week, day_label, ts, event, network, ambassador, content, content_key, team, team_key, weight, source';
const ts = (s: string) => `TIMESTAMP '${s}'`;
const EVENTS = [
  // week, day, instant, event, network, ambassador, content, content_key, team, team_key, weight, source
  [
    '2026-W10',
    '2026-03-02',
    '2026-03-02 09:00:00',
    'share',
    'linkedin',
    'p1',
    'salon',
    'k-salon',
    'Ventes',
    'k-v',
    1,
    'hub',
  ],
  ['2026-W10', '2026-03-02', '2026-03-02 10:00:00', 'share', 'x', 'p2', 'salon', 'k-salon', 'Ventes', 'k-v', 1, 'hub'],
  ['2026-W10', '2026-03-03', '2026-03-03 10:00:00', 'click', 'x', 'p3', 'offre', 'k-offre', 'RH', 'k-rh', 1, 'hub'],
  ['2026-W10', '2026-03-03', '2026-03-03 11:00:00', 'share', 'x', 'p4', 'offre', 'k-offre', 'RH', 'k-rh', 1, 'hub'],
  // Named like ambassador p1 (content) and p2 (team): withheld by key, although not NULL.
  ['2026-W12', '2026-03-16', '2026-03-16 08:00:00', 'share', 'email', 'p3', 'Alice', 'p1', 'Bob', 'p2', 1, 'hub'],
  ['2026-W12', '2026-03-16', '2026-03-16 08:30:00', 'share', 'email', 'p4', 'Alice', 'p1', 'Bob', 'p2', 1, 'hub'],
  // Anonymous: counted, never active.
  [
    '2026-W12',
    '2026-03-17',
    '2026-03-17 23:59:59.999',
    'share',
    'email',
    null,
    'salon',
    'k-salon',
    null,
    null,
    1,
    'hub',
  ],
  [
    '2026-W12',
    '2026-03-18',
    '2026-03-18 00:00:00',
    'reaction',
    'email',
    'p1',
    'salon',
    'k-salon',
    null,
    null,
    1,
    'hub',
  ],
  // Counted rows (an analytics report's day): 40 and 7 clicks on one row each, never expanded.
  [
    '2026-W12',
    '2026-03-19',
    '2026-03-19 00:00:00',
    'click',
    'linkedin',
    null,
    'offre',
    'k-offre',
    null,
    null,
    40,
    'matomo-campaigns',
  ],
  ['2026-W12', '2026-03-19', '2026-03-19 00:00:00', 'click', 'x', null, 'salon', 'k-salon', null, null, 7, 'plausible'],
];

/**
 * The variant (utm_content) of each row of EVENTS, in order: an e-mail-shaped one is withheld
 * from the per-variant figures; NULL is "no variant" (an analytics report without utm_content).
 */
const VARIANTS = ['v1', 'v2', 'v1', 'v1', 'v1', 'v1', 'x@y.example', 'v1', null, 'v2'];

const literal = (v: string | number | null, i: number) =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : i === 2 ? ts(v) : `'${v}'`;

async function run(): Promise<string[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const rows = EVENTS.map(
    (r, i) => `(${r.map(literal).join(', ')}, ${VARIANTS[i] ? `'${VARIANTS[i]}'` : 'NULL'})`,
  ).join(',\n');
  await con.run(`CREATE TABLE events AS SELECT * FROM (VALUES ${rows}) AS t(${EVENT_COLUMNS}, variant)`);
  await con.run(`CREATE TABLE challenges AS SELECT * FROM (VALUES
      ('all', ${ts('2026-03-02 00:00:00')}, ${ts('2026-03-17 23:59:59.999')}, 1),
      ('salon-only', ${ts('2026-03-01 00:00:00')}, ${ts('2026-03-31 00:00:00')}, 0),
      ('nothing', ${ts('2026-03-01 00:00:00')}, ${ts('2026-03-31 00:00:00')}, 0)
    ) AS t(id, start_ts, end_ts, all_contents)`);
  await con.run(`CREATE TABLE challenge_contents AS SELECT * FROM (VALUES
      ('salon-only', 'salon'), ('nothing', 'absent')) AS t(challenge, content)`);
  // Two opted-in people chose the same display name: two entries, as the built-in leaderboard.
  await con.run(`CREATE TABLE leaderboard_optin AS SELECT * FROM (VALUES
      ('p1', 'Même nom'), ('p2', 'Même nom'), ('p9', 'Absent')) AS t(ambassador, display_name)`);
  await con.run(
    `CREATE TABLE meta AS SELECT * FROM (VALUES ('k', '2'), ('timezone', 'Europe/Paris')) AS t(name, value)`,
  );
  // Three suggestions sent in week 10, one in week 12 (the export keeps one row per visit).
  await con.run(`CREATE TABLE suggestions AS SELECT * FROM (VALUES
      ('2026-W10', '2026-03-02'), ('2026-W10', '2026-03-02'), ('2026-W10', '2026-03-05'),
      ('2026-W12', '2026-03-18')) AS t(week, day_label)`);
  const sources = Object.fromEntries(TABLES.map((t) => [t, t])) as Record<(typeof TABLES)[number], string>;
  const result = await con.runAndReadAll(aggregationSql(sources));
  con.closeSync();
  instance.closeSync();
  return result
    .getRowsJS()
    .map((r) => r.map((v) => (v === null ? '-' : String(v))).join('|'))
    .sort();
}

describe('sql/*.sql', () => {
  it('computes every section with the privacy, k-anonymity and challenge rules', async () => {
    expect(await run()).toEqual(
      [
        // section|key|label|shares|clicks|reactions|comments|active
        'totals|-|-|6|48|1|0|4',
        'period|2026-03-02|2026-03-19|-|-|-|-|-',
        'week|2026-W10|-|3|1|-|-|3',
        'week|2026-W12|-|3|47|-|-|2',
        'network|linkedin|-|1|40|-|-|-',
        'network|x|-|2|8|-|-|-',
        'network|email|-|3|0|-|-|-',
        // `Alice` (key of ambassador p1) is withheld; anonymous shares still count for `salon`.
        'content|salon|-|3|7|-|-|-',
        'content|offre|-|1|41|-|-|-',
        // k = 2: Ventes has two sharers; RH one sharer (p3 only clicked); `Bob` is p2's key.
        'team|Ventes|-|2|-|-|-|2',
        // `all`: every share up to 03-17 23:59:59.999 inclusive (the anonymous one too).
        'challenge|all|-|6|-|-|-|4',
        'challenge|salon-only|-|3|-|-|-|2',
        'challenge|nothing|-|0|-|-|-|0',
        'leaderboard|all|Même nom|1|-|-|-|-',
        'leaderboard|all|Même nom|1|-|-|-|-',
        'leaderboard|salon-only|Même nom|1|-|-|-|-',
        'leaderboard|salon-only|Même nom|1|-|-|-|-',
        // Reach over time: every week × network with an event (reactions too), weighted clicks.
        'week_network|2026-W10|linkedin|1|0|-|-|-',
        'week_network|2026-W10|x|2|1|-|-|-',
        'week_network|2026-W12|email|3|0|-|-|-',
        'week_network|2026-W12|linkedin|0|40|-|-|-',
        'week_network|2026-W12|x|0|7|-|-|-',
        // Per card: `Alice` withheld as in `content`; the reaction on salon/email is no share.
        'content_network|salon|linkedin|1|0|-|-|-',
        'content_network|salon|x|1|7|-|-|-',
        'content_network|salon|email|1|0|-|-|-',
        'content_network|offre|x|1|1|-|-|-',
        'content_network|offre|linkedin|0|40|-|-|-',
        // The e-mail-shaped variant is withheld; the report's 40 clicks have no variant (NULL).
        'content_variant|salon|v1|1|0|-|-|-',
        'content_variant|salon|v2|1|7|-|-|-',
        'content_variant|offre|v1|1|1|-|-|-',
        'content_variant|offre|-|0|40|-|-|-',
        'source|hub|-|-|1|-|-|-',
        'source|matomo-campaigns|-|-|40|-|-|-',
        'source|plausible|-|-|7|-|-|-',
        'meta|k|2|-|-|-|-|-',
        'meta|timezone|Europe/Paris|-|-|-|-|-',
        // Suggestions per week, the count in the shares column; no row for a week without any.
        'suggestion|2026-W10|-|3|-|-|-|-',
        'suggestion|2026-W12|-|1|-|-|-|-',
      ].sort(),
    );
  });
});
