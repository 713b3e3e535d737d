/**
 * `--from-aggregates FILE`: the dashboards from the warehouse SQL's result (aggrows.ts reads
 * it), with only the final shaping done here, exactly as the built-in aggregation does it:
 * weeks gap-filled between the period's ends, the same sort orders (order.ts
 * byCountThenName), challenges in the order of their files, numbers typed. The result's meta rows
 * (passed through from the export by sql/meta.sql) give the time zone and the ingest counts,
 * which the warehouse cannot compute from accepted events.
 *
 * Long format, one row per aggregate (columns `section,key,label,` then the counts):
 *   meta        key = name, label = value             (exportschema.ts META)
 *   totals      shares, clicks, reactions, comments, active_ambassadors
 *   period      key = first day, label = last day (YYYY-MM-DD); both null: no event
 *   week        key = ISO week; shares, clicks, active_ambassadors
 *   network | content   key = name; shares, clicks
 *   team        key = name; shares, active_ambassadors
 *   challenge   key = id; shares, active_ambassadors
 *   leaderboard key = challenge id, label = display name; shares
 *   source      key = a types.ts SOURCES name; clicks
 *   suggestion  key = ISO week; shares = suggestions sent that week (sql/suggestions.sql); none
 *               at all: no `suggestions` in the dashboards, as the built-in count writes them
 *   week_network    key = ISO week, label = network; shares, clicks
 *   content_network key = content, label = network; shares, clicks
 *   content_variant key = content, label = variant (null: no variant); shares, clicks
 */

import { type AggregateRow, AggregatesError, type CountColumn, readAggregateRows, type TextColumn } from './aggrows.ts';
import { EXPORT_VERSION, INGEST_COUNTERS, META } from './exportschema.ts';
import { byCountThenName } from './order.ts';
import { isoWeek, mondayOf, parseDay } from './timestamp.ts';
import { type BrokenArchive, type DashboardOutput, NETWORKS, REASONS, type Reason, SOURCES } from './types.ts';

export const SECTIONS = [
  'meta',
  'totals',
  'period',
  'week',
  'network',
  'content',
  'team',
  'challenge',
  'leaderboard',
  'source',
  'suggestion',
  'week_network',
  'content_network',
  'content_variant',
] as const;
type Section = (typeof SECTIONS)[number];

const NEEDS: Record<Section, ReadonlyArray<TextColumn | CountColumn>> = {
  meta: ['key', 'label'],
  totals: ['shares', 'clicks', 'reactions', 'comments', 'active_ambassadors'],
  period: [],
  week: ['key', 'shares', 'clicks', 'active_ambassadors'],
  network: ['key', 'shares', 'clicks'],
  content: ['key', 'shares', 'clicks'],
  team: ['key', 'shares', 'active_ambassadors'],
  challenge: ['key', 'shares', 'active_ambassadors'],
  leaderboard: ['key', 'label', 'shares'],
  source: ['key', 'clicks'],
  suggestion: ['key', 'shares'],
  week_network: ['key', 'label', 'shares', 'clicks'],
  content_network: ['key', 'label', 'shares', 'clicks'],
  content_variant: ['key', 'shares', 'clicks'],
};

/** A checked row: the fields its section needs are present. */
type Checked = AggregateRow & { section: Section };

const text = (row: AggregateRow, c: TextColumn) => row[c] as string;
const count = (row: AggregateRow, c: CountColumn) => row[c] as number;
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function dashboardsFromRows(rows: readonly AggregateRow[], file: string): DashboardOutput {
  const at = (row: AggregateRow, field: string) => `${file} line ${row.line}, field ${field}`;
  const bySection = new Map<Section, Checked[]>(SECTIONS.map((s) => [s, []]));
  for (const row of rows) {
    const section = row.section as Section;
    if (!(SECTIONS as readonly string[]).includes(section)) {
      throw new AggregatesError(
        `${at(row, 'section')}: unknown section ${JSON.stringify(row.section)} (expected one of ${SECTIONS.join(', ')})`,
      );
    }
    for (const field of NEEDS[section]) {
      if (row[field] === null) throw new AggregatesError(`${at(row, field)}: missing (needed by a ${section} row)`);
    }
    bySection.get(section)?.push(row as Checked);
  }
  const get = (s: Section) => bySection.get(s) as Checked[];
  /** Each key at most once per section (a repeat would silently double or hide a figure). */
  const unique = (s: Section, keyOf: (row: Checked) => string = (r) => text(r, 'key')) => {
    const seen = new Map<string, Checked>();
    for (const row of get(s)) {
      const k = keyOf(row);
      const first = seen.get(k);
      if (first) throw new AggregatesError(`${at(row, 'key')}: ${s} ${JSON.stringify(k)} repeats line ${first.line}`);
      seen.set(k, row);
    }
    return seen;
  };
  const single = (s: Section) => {
    const [row, again] = get(s);
    if (!row) throw new AggregatesError(`${file}: no ${s} row (expected one, from sql/${s}.sql)`);
    if (again) throw new AggregatesError(`${at(again, 'section')}: a second ${s} row (expected one)`);
    return row;
  };

  // meta: version, time zone, ingest counts.
  const meta = unique('meta');
  const metaValue = (name: string) => {
    const row = meta.get(name);
    if (!row)
      throw new AggregatesError(`${file}: no meta row ${JSON.stringify(name)} (expected the rows of sql/meta.sql)`);
    return row;
  };
  const metaCount = (name: string) => {
    const row = metaValue(name);
    const value = text(row, 'label');
    if (!/^\d+$/.test(value)) throw new AggregatesError(`${at(row, 'label')}: ${name}: expected a whole number >= 0`);
    return Number(value);
  };
  const version = metaValue(META.version);
  if (text(version, 'label') !== String(EXPORT_VERSION)) {
    throw new AggregatesError(
      `${at(version, 'label')}: export version ${text(version, 'label')}, expected ${EXPORT_VERSION}`,
    );
  }
  const timezone = text(metaValue(META.timezone), 'label');
  const brokenRow = meta.get(META.brokenArchives);
  const brokenArchives = brokenRow ? parseBroken(text(brokenRow, 'label'), () => at(brokenRow, 'label')) : undefined;

  // period
  const periodRow = single('period');
  let period: DashboardOutput['period'] = null;
  if (periodRow.key !== null || periodRow.label !== null) {
    for (const field of ['key', 'label'] as const) {
      const value = periodRow[field];
      if (value === null || Number.isNaN(parseDay(value))) {
        throw new AggregatesError(`${at(periodRow, field)}: expected a day YYYY-MM-DD, got ${JSON.stringify(value)}`);
      }
    }
    period = { from: text(periodRow, 'key'), to: text(periodRow, 'label') };
    if (period.from > period.to) throw new AggregatesError(`${at(periodRow, 'label')}: last day before the first`);
  }

  // weeks: every week from the period's first Monday to its last day, zeros where no row.
  const weekRows = unique('week');
  const byWeek: DashboardOutput['byWeek'] = [];
  if (period) {
    for (let monday = mondayOf(parseDay(period.from)); monday <= parseDay(period.to); monday += 7) {
      const week = isoWeek(monday);
      const row = weekRows.get(week);
      weekRows.delete(week);
      byWeek.push({
        week,
        shares: row ? count(row, 'shares') : 0,
        clicks: row ? count(row, 'clicks') : 0,
        activeAmbassadors: row ? count(row, 'active_ambassadors') : 0,
      });
    }
  }
  for (const row of weekRows.values()) {
    const range = period ? `${period.from}..${period.to}` : 'none (no event)';
    throw new AggregatesError(`${at(row, 'key')}: week ${text(row, 'key')} is outside the period (${range})`);
  }

  // suggestions: gap-filled over the same weeks, present only when the result has some.
  const suggestionRows = unique('suggestion');
  let suggestions: DashboardOutput['suggestions'];
  if (suggestionRows.size > 0) {
    suggestions = byWeek.map(({ week }) => {
      const row = suggestionRows.get(week);
      suggestionRows.delete(week);
      return { week, suggestions: row ? count(row, 'shares') : 0 };
    });
    for (const row of suggestionRows.values()) {
      const range = period ? `${period.from}..${period.to}` : 'none (no event)';
      throw new AggregatesError(
        `${at(row, 'key')}: suggestion week ${text(row, 'key')} is outside the period (${range})`,
      );
    }
  }

  const networks = [...unique('network').values()];
  for (const row of networks) {
    if (!(NETWORKS as readonly string[]).includes(text(row, 'key'))) {
      throw new AggregatesError(`${at(row, 'key')}: unknown network (expected one of ${NETWORKS.join(', ')})`);
    }
  }
  const networkOf = (row: Checked) => {
    const i = (NETWORKS as readonly string[]).indexOf(text(row, 'label'));
    if (i < 0)
      throw new AggregatesError(`${at(row, 'label')}: unknown network (expected one of ${NETWORKS.join(', ')})`);
    return i;
  };
  const pairKey = (row: Checked) => `${text(row, 'key')}\u0000${row.label ?? ''}`;
  const byWeekNetwork = [...unique('week_network', pairKey).values()]
    .map((row) => {
      const week = text(row, 'key');
      if (!byWeek.some((w) => w.week === week)) {
        const range = period ? `${period.from}..${period.to}` : 'none (no event)';
        throw new AggregatesError(`${at(row, 'key')}: week ${week} is outside the period (${range})`);
      }
      return { row, week, n: networkOf(row) };
    })
    .sort((a, b) => compareText(a.week, b.week) || a.n - b.n)
    .map(({ row, week }) => ({
      week,
      network: text(row, 'label'),
      shares: count(row, 'shares'),
      clicks: count(row, 'clicks'),
    }));
  const byContentNetwork = [...unique('content_network', pairKey).values()]
    .map((row) => ({ row, n: networkOf(row) }))
    .sort((a, b) => compareText(text(a.row, 'key'), text(b.row, 'key')) || a.n - b.n)
    .map(({ row }) => ({
      content: text(row, 'key'),
      network: text(row, 'label'),
      shares: count(row, 'shares'),
      clicks: count(row, 'clicks'),
    }));
  const byContentVariant = [...unique('content_variant', pairKey).values()]
    .map((row) => ({
      content: text(row, 'key'),
      variant: row.label ?? '',
      shares: count(row, 'shares'),
      clicks: count(row, 'clicks'),
    }))
    .sort((a, b) => compareText(a.content, b.content) || compareText(a.variant, b.variant));

  // challenges in the order programme.ts lists them: sorted file names (`<id>.md`).
  const challengeRows = unique('challenge');
  const boards = new Map<string, Array<{ displayName: string; shares: number }>>();
  for (const id of challengeRows.keys()) boards.set(id, []);
  for (const row of get('leaderboard')) {
    const board = boards.get(text(row, 'key'));
    if (!board) throw new AggregatesError(`${at(row, 'key')}: leaderboard of an unknown challenge`);
    board.push({ displayName: text(row, 'label'), shares: count(row, 'shares') });
  }
  const challenges = [...challengeRows.values()]
    .sort((a, b) => compareText(`${text(a, 'key')}.md`, `${text(b, 'key')}.md`))
    .map((row) => ({
      id: text(row, 'key'),
      shares: count(row, 'shares'),
      activeAmbassadors: count(row, 'active_ambassadors'),
      leaderboard: (boards.get(text(row, 'key')) ?? []).sort(
        byCountThenName(
          (e) => e.shares,
          (e) => e.displayName,
        ),
      ),
    }));

  const totals = single('totals');
  return {
    schemaVersion: 1,
    timezone,
    period,
    totals: {
      shares: count(totals, 'shares'),
      clicks: count(totals, 'clicks'),
      reactions: count(totals, 'reactions'),
      comments: count(totals, 'comments'),
      activeAmbassadors: count(totals, 'active_ambassadors'),
    },
    byWeek,
    byWeekNetwork,
    byNetwork: networks
      .map((r) => ({ network: text(r, 'key'), shares: count(r, 'shares'), clicks: count(r, 'clicks') }))
      .sort(
        byCountThenName(
          (n) => n.shares,
          (n) => n.network,
        ),
      ),
    byContent: [...unique('content').values()]
      .map((r) => ({ content: text(r, 'key'), shares: count(r, 'shares'), clicks: count(r, 'clicks') }))
      .sort(
        byCountThenName(
          (c) => c.shares,
          (c) => c.content,
        ),
      ),
    byContentNetwork,
    byContentVariant,
    byTeam: [...unique('team').values()]
      .map((r) => ({
        team: text(r, 'key'),
        shares: count(r, 'shares'),
        activeAmbassadors: count(r, 'active_ambassadors'),
      }))
      .sort(
        byCountThenName(
          (t) => t.shares,
          (t) => t.team,
        ),
      ),
    clicksBySource: clicksBySource(unique('source'), at),
    challenges,
    ...(suggestions?.some((w) => w.suggestions > 0) ? { suggestions } : {}),
    ingest: {
      ...(Object.fromEntries(INGEST_COUNTERS.map((c) => [c, metaCount(META.counter(c))])) as Record<
        (typeof INGEST_COUNTERS)[number],
        number
      >),
      rejectedByReason: Object.fromEntries(REASONS.map((r) => [r, metaCount(META.reason(r))])) as Record<
        Reason,
        number
      >,
      ...(brokenArchives ? { brokenArchives } : {}),
    },
  };
}

/** The `source` rows in SOURCES order (only sources with clicks, as the built-in merge gives). */
function clicksBySource(
  rows: ReadonlyMap<string, AggregateRow>,
  at: (row: AggregateRow, field: string) => string,
): DashboardOutput['clicksBySource'] {
  for (const [key, row] of rows) {
    if (!(SOURCES as readonly string[]).includes(key)) {
      throw new AggregatesError(
        `${at(row, 'key')}: unknown source ${JSON.stringify(key)} (expected one of ${SOURCES.join(', ')})`,
      );
    }
  }
  return SOURCES.flatMap((source) => {
    const clicks = rows.get(source)?.clicks ?? 0;
    return clicks ? [{ source, clicks }] : [];
  });
}

/** The meta row `ingest.brokenArchives` (JSON, written only when some archive broke), checked. */
function parseBroken(value: string, where: () => string): BrokenArchive[] {
  let list: unknown;
  try {
    list = JSON.parse(value);
  } catch {
    list = null;
  }
  const valid = (b: Record<string, unknown>) =>
    typeof b.file === 'string' && Number.isSafeInteger(b.offset) && typeof b.message === 'string';
  if (!Array.isArray(list) || list.length === 0 || !list.every((b) => typeof b === 'object' && b && valid(b))) {
    throw new AggregatesError(`${where()}: ${META.brokenArchives}: expected a JSON list of {file, offset, message}`);
  }
  return list.map((b: BrokenArchive) => ({ file: b.file, offset: b.offset, message: b.message }));
}

/** The dashboards from a `.csv`/`.jsonl` result of sql/*.sql; throws AggregatesError. */
export async function dashboardsFromAggregates(file: string): Promise<DashboardOutput> {
  return dashboardsFromRows(await readAggregateRows(file), file);
}
