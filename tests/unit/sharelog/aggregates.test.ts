import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dashboardsFromAggregates } from '../../../src/sharelog/aggregates.ts';
import { RESULT_COLUMNS } from '../../../src/sharelog/aggrows.ts';
import { metaEntries } from '../../../src/sharelog/exportschema.ts';
import { REASONS, type Reason } from '../../../src/sharelog/types.ts';
import { cli, tempDir } from './warehouse-helpers.ts';

const dir = tempDir('aggregates');
const byReason = Object.fromEntries(REASONS.map((r, i) => [r, i])) as Record<Reason, number>;
const ingest = {
  files: 2,
  rows: 120,
  accepted: 100,
  rejected: 15,
  duplicates: 3,
  outOfRange: 2,
  rejectedByReason: byReason,
};
const META = metaEntries({ timezone: 'Europe/Paris', k: 5, ingest }).map(([name, value]) => ['meta', name, value]);

/** Rows as a warehouse could return them, in no particular order; '' = NULL. */
const ROWS: string[][] = [
  ['week', '2026-W12', '', '4', '1', '', '', '2'],
  ['totals', '', '', '10', '3', '2', '1', '4'],
  ['content', 'offre', '', '5', '0', '', '', ''],
  ['content', 'salon', '', '5', '3', '', '', ''],
  ['content', 'atelier', '', '0', '0', '', '', ''],
  ['network', 'x', '', '2', '2', '', '', ''],
  ['network', 'linkedin', '', '8', '1', '', '', ''],
  ['period', '2026-03-04', '2026-03-26', '', '', '', '', ''],
  ['week', '2026-W10', '', '6', '2', '', '', '3'],
  ['team', 'Ventes', '', '7', '', '', '', '5'],
  ['team', 'IT', '', '7', '', '', '', '6'],
  ['challenge', 'defi', '', '3', '', '', '', '2'],
  ['challenge', 'defi-2', '', '0', '', '', '', '0'],
  ['leaderboard', 'defi', 'Zoé', '1', '', '', '', ''],
  ['leaderboard', 'defi', 'Bruno', '2', '', '', '', ''],
  ['leaderboard', 'defi', 'Anna', '1', '', '', '', ''],
  ['source', 'plausible', '', '', '1', '', '', ''],
  ['source', 'hub', '', '', '2', '', '', ''],
  ['week_network', '2026-W12', 'x', '2', '0', '', '', ''],
  ['week_network', '2026-W10', 'x', '0', '2', '', '', ''],
  ['week_network', '2026-W10', 'linkedin', '6', '0', '', '', ''],
  ['content_network', 'salon', 'x', '1', '3', '', '', ''],
  ['content_network', 'offre', 'linkedin', '5', '0', '', '', ''],
  ['content_network', 'salon', 'linkedin', '4', '0', '', '', ''],
  ['content_variant', 'salon', 'v2', '2', '1', '', '', ''],
  ['content_variant', 'salon', '', '0', '2', '', '', ''],
  ['content_variant', 'salon', 'v1', '3', '0', '', '', ''],
  ...META.map((m) => [...m, '', '', '', '', '']),
];

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const toCsv = (rows: string[][], header: readonly string[] = RESULT_COLUMNS, eol = '\n') =>
  [header, ...rows].map((r) => r.map(csvField).join(',')).join(eol) + eol;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('--from-aggregates shaping', () => {
  it('gap-fills weeks, sorts as aggregate.ts, orders challenges by file, types numbers', async () => {
    const o = await dashboardsFromAggregates(file('ok.csv', toCsv(ROWS)));
    expect(o).toEqual({
      schemaVersion: 1,
      timezone: 'Europe/Paris',
      period: { from: '2026-03-04', to: '2026-03-26' },
      totals: { shares: 10, clicks: 3, reactions: 2, comments: 1, activeAmbassadors: 4 },
      byWeek: [
        { week: '2026-W10', shares: 6, clicks: 2, activeAmbassadors: 3 },
        { week: '2026-W11', shares: 0, clicks: 0, activeAmbassadors: 0 },
        { week: '2026-W12', shares: 4, clicks: 1, activeAmbassadors: 2 },
        { week: '2026-W13', shares: 0, clicks: 0, activeAmbassadors: 0 },
      ],
      // Week order, then NETWORKS order; per card: content order, then NETWORKS / variant order.
      byWeekNetwork: [
        { week: '2026-W10', network: 'linkedin', shares: 6, clicks: 0 },
        { week: '2026-W10', network: 'x', shares: 0, clicks: 2 },
        { week: '2026-W12', network: 'x', shares: 2, clicks: 0 },
      ],
      byContentNetwork: [
        { content: 'offre', network: 'linkedin', shares: 5, clicks: 0 },
        { content: 'salon', network: 'linkedin', shares: 4, clicks: 0 },
        { content: 'salon', network: 'x', shares: 1, clicks: 3 },
      ],
      // An empty label (NULL) is "no variant".
      byContentVariant: [
        { content: 'salon', variant: '', shares: 0, clicks: 2 },
        { content: 'salon', variant: 'v1', shares: 3, clicks: 0 },
        { content: 'salon', variant: 'v2', shares: 2, clicks: 1 },
      ],
      byNetwork: [
        { network: 'linkedin', shares: 8, clicks: 1 },
        { network: 'x', shares: 2, clicks: 2 },
      ],
      byContent: [
        { content: 'offre', shares: 5, clicks: 0 },
        { content: 'salon', shares: 5, clicks: 3 },
        { content: 'atelier', shares: 0, clicks: 0 },
      ],
      byTeam: [
        { team: 'IT', shares: 7, activeAmbassadors: 6 },
        { team: 'Ventes', shares: 7, activeAmbassadors: 5 },
      ],
      // In SOURCES order, whatever the rows' order.
      clicksBySource: [
        { source: 'hub', clicks: 2 },
        { source: 'plausible', clicks: 1 },
      ],
      // `defi-2.md` sorts before `defi.md`, as programme.ts reads the files.
      challenges: [
        { id: 'defi-2', shares: 0, activeAmbassadors: 0, leaderboard: [] },
        {
          id: 'defi',
          shares: 3,
          activeAmbassadors: 2,
          leaderboard: [
            { displayName: 'Bruno', shares: 2 },
            { displayName: 'Anna', shares: 1 },
            { displayName: 'Zoé', shares: 1 },
          ],
        },
      ],
      ingest,
    });
  });

  it('reads what other engines write: \\N nulls, CRLF and a BOM; JSON Lines with quoted counts and dropped nulls', async () => {
    const expected = await dashboardsFromAggregates(file('base.csv', toCsv(ROWS)));
    const clickhouse = toCsv(
      ROWS.map((r) => r.map((v) => (v === '' ? '\\N' : v))),
      RESULT_COLUMNS,
      '\r\n',
    );
    expect(await dashboardsFromAggregates(file('clickhouse.csv', `\uFEFF${clickhouse}`))).toEqual(expected);
    const jsonl = ROWS.map((r) => {
      const object: Record<string, string> = {};
      RESULT_COLUMNS.forEach((c, i) => {
        if (r[i] !== '') object[c] = r[i] as string; // Spark drops nulls; ClickHouse quotes UInt64
      });
      return JSON.stringify(object);
    }).join('\n');
    expect(await dashboardsFromAggregates(file('spark.jsonl', `${jsonl}\n`))).toEqual(expected);
  });

  it('passes broken archives through from meta (no row, no key: none broke)', async () => {
    const brokenArchives = [
      { file: 'logs/access.log.3.gz', offset: 48213, message: 'unexpected end of file' },
      { file: 'logs/x.csv.gz', offset: 0, message: 'not gzip data (starts with 68 65, expected 1f 8b)' },
    ];
    const meta = metaEntries({ timezone: 'Europe/Paris', k: 5, ingest: { ...ingest, brokenArchives } });
    expect(meta.filter(([name]) => name === 'ingest.brokenArchives')).toHaveLength(1);
    const rows = [...ROWS.filter((r) => r[0] !== 'meta'), ...meta.map(([k, v]) => ['meta', k, v, '', '', '', '', ''])];
    const o = await dashboardsFromAggregates(file('broken.csv', toCsv(rows)));
    expect(o.ingest).toEqual({ ...ingest, brokenArchives });
    expect(Object.keys(o.ingest).at(-1)).toBe('brokenArchives'); // where the ingest puts it
    expect('brokenArchives' in (await dashboardsFromAggregates(file('none.csv', toCsv(ROWS)))).ingest).toBe(false);
  });
});

describe('--from-aggregates suggestions', () => {
  it('gap-fills the weeks that have none, and writes no suggestions when the result has none', async () => {
    const o = await dashboardsFromAggregates(
      file('sent.csv', toCsv([...ROWS, ['suggestion', '2026-W11', '', '2', '', '', '', '']])),
    );
    expect(o.suggestions).toEqual([
      { week: '2026-W10', suggestions: 0 },
      { week: '2026-W11', suggestions: 2 },
      { week: '2026-W12', suggestions: 0 },
      { week: '2026-W13', suggestions: 0 },
    ]);
    expect(Object.keys(o).slice(-2)).toEqual(['suggestions', 'ingest']);
    expect('suggestions' in (await dashboardsFromAggregates(file('none.csv', toCsv(ROWS))))).toBe(false);
  });
});

describe('--from-aggregates errors name the file, the line and the field', () => {
  const replace = (section: string, key: string, column: number, value: string) =>
    ROWS.map((r) => (r[0] === section && r[1] === key ? r.map((v, i) => (i === column ? value : v)) : r));
  const line = (section: string, key: string) => ROWS.findIndex((r) => r[0] === section && r[1] === key) + 2;

  it.each([
    [
      'unknown section',
      () => replace('team', 'IT', 0, 'teams'),
      `line ${line('team', 'IT')}, field section: unknown section "teams"`,
    ],
    [
      'non-numeric count',
      () => replace('week', '2026-W10', 3, '6.5'),
      `line ${line('week', '2026-W10')}, field shares: expected a whole number >= 0, got "6.5"`,
    ],
    [
      'negative count',
      () => replace('content', 'salon', 4, '-1'),
      'field clicks: expected a whole number >= 0, got "-1"',
    ],
    [
      'missing value',
      () => replace('team', 'IT', 7, ''),
      `line ${line('team', 'IT')}, field active_ambassadors: missing (needed by a team row)`,
    ],
    [
      'week outside the period',
      () => replace('week', '2026-W12', 1, '2026-W20'),
      'field key: week 2026-W20 is outside the period (2026-03-04..2026-03-26)',
    ],
    [
      'repeated key',
      () => replace('content', 'offre', 1, 'salon'),
      `line ${line('content', 'salon')}, field key: content "salon" repeats line ${line('content', 'offre')}`,
    ],
    [
      'bad day',
      () => replace('period', '2026-03-04', 2, '26/03/2026'),
      'field label: expected a day YYYY-MM-DD, got "26/03/2026"',
    ],
    ['unknown network', () => replace('network', 'x', 1, 'myspace'), 'field key: unknown network'],
    [
      'unknown network of a card',
      () => replace('content_network', 'offre', 2, 'myspace'),
      `line ${line('content_network', 'offre')}, field label: unknown network`,
    ],
    [
      'week of a network outside the period',
      () => replace('week_network', '2026-W12', 1, '2026-W30'),
      'field key: week 2026-W30 is outside the period (2026-03-04..2026-03-26)',
    ],
    [
      'repeated card and variant',
      () => replace('content_variant', 'salon', 2, 'v1'),
      `line ${line('content_variant', 'salon') + 1}, field key: content_variant "salon`,
    ],
    [
      'leaderboard of no challenge',
      () => replace('leaderboard', 'defi', 1, 'autre'),
      'field key: leaderboard of an unknown challenge',
    ],
    ['no totals', () => ROWS.filter((r) => r[0] !== 'totals'), ': no totals row'],
    ['no ingest count', () => ROWS.filter((r) => r[1] !== 'ingest.rows'), ': no meta row "ingest.rows"'],
    ['another export version', () => replace('meta', 'export_version', 2, '1'), 'export version 1, expected 2'],
    ['unknown click source', () => replace('source', 'plausible', 1, 'ga4'), 'field key: unknown source "ga4"'],
    [
      'suggestions outside the period',
      () => [...ROWS, ['suggestion', '2026-W20', '', '2', '', '', '', '']],
      `line ${ROWS.length + 2}, field key: suggestion week 2026-W20 is outside the period (2026-03-04..2026-03-26)`,
    ],
    [
      'broken archives that are not a list of reports',
      () => [...ROWS, ['meta', 'ingest.brokenArchives', '[{"file":"a.gz"}]', '', '', '', '', '']],
      `line ${ROWS.length + 2}, field label: ingest.brokenArchives: expected a JSON list of {file, offset, message}`,
    ],
  ])('%s', async (name, rows, message) => {
    const path = file(`${name.replaceAll(' ', '-')}.csv`, toCsv(rows()));
    const error = await dashboardsFromAggregates(path).then(
      () => new Error('accepted'),
      (e: Error) => e,
    );
    expect(error.message).toContain(path);
    expect(error.message).toContain(message);
  });

  it('a missing column, a short row, bad JSON', async () => {
    const noLabel = file(
      'no-label.csv',
      toCsv(
        ROWS.map((r) => r.filter((_, i) => i !== 2)),
        RESULT_COLUMNS.filter((c) => c !== 'label'),
      ),
    );
    await expect(dashboardsFromAggregates(noLabel)).rejects.toThrow(`${noLabel} line 1: missing column label`);
    const short = file('short.csv', `${toCsv(ROWS)}totals,,\n`);
    await expect(dashboardsFromAggregates(short)).rejects.toThrow(
      `${short} line ${ROWS.length + 2}: 3 fields, expected 8`,
    );
    const bad = file('bad.jsonl', '{"section":"totals"}\n{"section":\n');
    await expect(dashboardsFromAggregates(bad)).rejects.toThrow(`${bad} line 2: not JSON`);
    const text = file('text.jsonl', '{"section":"totals","shares":true}\n');
    await expect(dashboardsFromAggregates(text)).rejects.toThrow(
      `${text} line 1, field shares: expected a whole number`,
    );
  });

  it('exit status: 3 for an unusable result, 2 for a file that is not a result or a log option', () => {
    const broken = cli([
      '--from-aggregates',
      file('broken.csv', toCsv(replace('totals', '', 3, 'dix'))),
      '--out',
      join(dir, 'x.json'),
    ]);
    expect(broken.code).toBe(3);
    expect(broken.stderr).toMatch(/broken\.csv line 3, field shares: expected a whole number >= 0, got "dix"/);
    expect(cli(['--from-aggregates', file('result.txt', ''), '--out', join(dir, 'x.json')]).code).toBe(2);
    expect(cli(['--from-aggregates', join(dir, 'absent.csv'), '--out', join(dir, 'x.json')]).code).toBe(3);
    const mixed = cli(['--from-aggregates', join(dir, 'ok.csv'), '--in', 'content/logs']);
    expect([mixed.code, mixed.stderr]).toEqual([
      2,
      'dashboards: --from-aggregates reads no log: --in cannot be used with it\nTry --help.\n',
    ]);
  });
});
