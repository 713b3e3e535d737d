/**
 * The dashboard's data tables, built once from the aggregates and used three ways: as the
 * accessible table on the page, as the series of the chart drawn over it, and as the CSV
 * download. One model means the three can never disagree.
 */
import { formatDate, timeZone } from '../../i18n/format.ts';
import { fr } from '../../i18n/fr.ts';
import { intlLocale, type Translate, type UIKey } from '../../i18n/index.ts';
import type { DashboardData } from '../../lib/dashboards.ts';
import type { Locale } from '../../model/schemas/common.ts';
import type { CsvValue } from './csv.ts';
import { visibleTeams } from './privacy.ts';

export const tableIds = ['semaines', 'reseaux', 'cartes', 'equipes'] as const;
/** The overview's tables, then each objective's (`objectif-<id>`, `objectif-<id>-pilote`). */
export type TableId = (typeof tableIds)[number] | `objectif-${string}`;

export interface TableRow {
  /** Stable key: ISO week, network, card slug or team name. */
  id: string;
  /** Row header as read on the page. */
  label: string;
  /** Shorter label for a chart axis. */
  short?: string;
  href?: string;
  values: number[];
}

export interface DataTable {
  id: TableId;
  caption: string;
  /** Header of the row-header column. */
  rowHead: string;
  /** Header of the `id` column, written to the CSV only when the id says more than the label. */
  idHead?: string;
  columns: { key: string; label: string }[];
  rows: TableRow[];
}

export interface TableContext {
  t: Translate;
  locale: Locale;
  /** Card slug → title and page; contents not in it are not listed. */
  cards: ReadonlyMap<string, { title: string; href: string }>;
  /** Smallest team shown (settings' `minGroupSize`). */
  k: number;
  /** How many cards the top list shows. */
  top?: number;
}

/**
 * The Monday starting an ISO week, at noon UTC (the same calendar day in every European zone).
 * @example isoWeekMonday('2026-W01') // 2025-12-29T12:00:00.000Z
 */
export function isoWeekMonday(week: string): Date {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`Semaine ISO invalide : « ${week} » (attendu AAAA-Snn, par exemple 2026-W05)`);
  const jan4 = Date.UTC(Number(m[1]), 0, 4, 12);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return new Date(jan4 + ((Number(m[2]) - 1) * 7 - weekday) * 86_400_000);
}

/** A `YYYY-MM-DD` day of the aggregates as a Date at noon UTC, safe to format in Paris time. */
export const dayDate = (day: string) => new Date(`${day}T12:00:00Z`);

const shortDate = (date: Date, locale: Locale) =>
  new Intl.DateTimeFormat(intlLocale[locale], {
    day: 'numeric',
    month: 'short',
    timeZone,
  }).format(date);

const counts = (t: Translate, keys: ('shares' | 'clicks' | 'activeAmbassadors')[]) =>
  keys.map((key) => ({
    key,
    label: t(key === 'activeAmbassadors' ? 'dashboard.active' : `dashboard.${key}`),
  }));

export function weeksTable(data: DashboardData, { t, locale }: TableContext): DataTable {
  return {
    id: 'semaines',
    caption: t('dashboard.weeks'),
    rowHead: t('dashboard.week'),
    idHead: t('dashboard.isoWeek'),
    columns: counts(t, ['shares', 'activeAmbassadors', 'clicks']),
    rows: data.byWeek.map((w) => {
      const monday = isoWeekMonday(w.week);
      return {
        id: w.week,
        label: formatDate(monday, locale),
        short: shortDate(monday, locale),
        values: [w.shares, w.activeAmbassadors, w.clicks],
      };
    }),
  };
}

export function networksTable(data: DashboardData, { t }: TableContext): DataTable {
  // The ingest only writes known networks; anything else would read "Autres".
  const name = (n: string) => t(`network.${n}` in fr ? (`network.${n}` as UIKey) : 'network.other');
  return {
    id: 'reseaux',
    caption: t('dashboard.networks'),
    rowHead: t('dashboard.network'),
    columns: counts(t, ['shares', 'clicks']),
    rows: data.byNetwork.map((n) => ({ id: n.network, label: name(n.network), values: [n.shares, n.clicks] })),
  };
}
/** The most shared cards of the catalogue; contents the catalogue does not know are left out. */
export function cardsTable(data: DashboardData, { t, cards, top = 10 }: TableContext): DataTable {
  return {
    id: 'cartes',
    caption: t('dashboard.cards'),
    rowHead: t('dashboard.card'),
    idHead: t('dashboard.cardId'),
    columns: counts(t, ['shares', 'clicks']),
    rows: data.byContent
      .flatMap((c) => {
        const card = cards.get(c.content);
        if (!card) return [];
        return [
          {
            id: c.content,
            label: card.title,
            short: shorten(card.title),
            href: card.href,
            values: [c.shares, c.clicks],
          },
        ];
      })
      .slice(0, top),
  };
}

/** A chart axis has room for about 30 characters; the table keeps the full title. */
export const shorten = (text: string, max = 30) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** How many contents of the logs are not cards of the catalogue (left out of the top list). */
export const unlistedContents = (data: DashboardData, cards: ReadonlyMap<string, unknown>) =>
  data.byContent.filter((c) => !cards.has(c.content)).length;

export function teamsTable(data: DashboardData, { t, k }: TableContext): DataTable {
  return {
    id: 'equipes',
    caption: t('dashboard.teams'),
    rowHead: t('dashboard.team'),
    columns: counts(t, ['shares', 'activeAmbassadors']),
    rows: visibleTeams(data.byTeam, k).map((team) => ({
      id: team.team,
      label: team.team,
      short: shorten(team.team),
      values: [team.shares, team.activeAmbassadors],
    })),
  };
}

/** Every table of the overview, in page order. */
export const dashboardTables = (data: DashboardData, ctx: TableContext): DataTable[] => [
  weeksTable(data, ctx),
  networksTable(data, ctx),
  cardsTable(data, ctx),
  teamsTable(data, ctx),
];

/** The CSV records of a table: header, then one record per row. */
export function tableRecords(table: DataTable): CsvValue[][] {
  const head = [...(table.idHead ? [table.idHead] : []), table.rowHead, ...table.columns.map((c) => c.label)];
  return [head, ...table.rows.map((r) => [...(table.idHead ? [r.id] : []), r.label, ...r.values])];
}

/**
 * What `<relais-chart>` draws: axis labels and the chosen columns as series.
 * @example chartData(weeks, ['shares', 'activeAmbassadors'])
 */
export function chartData(table: DataTable, keys: readonly string[]) {
  return {
    labels: table.rows.map((r) => r.short ?? r.label),
    series: keys.map((key) => {
      const i = table.columns.findIndex((c) => c.key === key);
      const column = table.columns[i];
      if (!column) throw new Error(`Colonne « ${key} » absente du tableau « ${table.id} »`);
      return { label: column.label, data: table.rows.map((r) => r.values[i] ?? 0) };
    }),
  };
}
export type ChartData = ReturnType<typeof chartData>;
