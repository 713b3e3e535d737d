import { describe, expect, it } from 'vitest';
import {
  cardsTable,
  chartData,
  dashboardTables,
  dayDate,
  isoWeekMonday,
  networksTable,
  shorten,
  type TableContext,
  tableRecords,
  teamsTable,
  unlistedContents,
  weeksTable,
} from '../../../src/components/dashboards/tables.ts';
import { useTranslations } from '../../../src/i18n/index.ts';
import type { DashboardData } from '../../../src/lib/dashboards.ts';
import type { DashboardOutput } from '../../../src/sharelog/types.ts';

/** Checked by `astro check`: what the ingest writes must fit what the site reads. */
const fits = (output: DashboardOutput): DashboardData => output;

const data: DashboardData = {
  schemaVersion: 1,
  timezone: 'Europe/Paris',
  period: { from: '2025-12-30', to: '2026-01-10' },
  totals: { shares: 30, clicks: 50, reactions: 4, comments: 2, activeAmbassadors: 12 },
  byWeek: [
    { week: '2026-W01', shares: 20, clicks: 30, activeAmbassadors: 9 },
    { week: '2026-W02', shares: 10, clicks: 20, activeAmbassadors: 5 },
  ],
  byNetwork: [
    { network: 'linkedin', shares: 20, clicks: 40 },
    { network: 'email', shares: 8, clicks: 6 },
    { network: 'myspace', shares: 2, clicks: 4 },
  ],
  byContent: [
    { content: 'inconnue', shares: 12, clicks: 1 },
    { content: 'b', shares: 10, clicks: 30 },
    { content: 'a', shares: 8, clicks: 20 },
    { content: 'fuite@exemple.fr', shares: 1, clicks: 0 },
  ],
  clicksBySource: [
    { source: 'hub', clicks: 20 },
    { source: 'matomo-visits', clicks: 30 },
  ],
  byTeam: [
    { team: 'Ventes, export', shares: 20, activeAmbassadors: 6 },
    { team: 'Direction', shares: 7, activeAmbassadors: 3 },
    { team: 'chef@exemple.fr', shares: 3, activeAmbassadors: 5 },
  ],
  challenges: [],
  ingest: { files: 1, rows: 40, accepted: 36, rejected: 2, duplicates: 1, outOfRange: 1 },
};

const cards = new Map([
  ['a', { title: 'Carte A', href: '/hub/cartes/a/' }],
  ['b', { title: 'Une carte au titre vraiment beaucoup trop long pour un axe', href: '/hub/cartes/b/' }],
]);
const ctx = (locale: 'fr' | 'en' = 'fr'): TableContext => ({ t: useTranslations(locale), locale, cards, k: 5 });

describe('ISO weeks', () => {
  it.each([
    ['2026-W01', '2025-12-29'],
    ['2026-W05', '2026-01-26'],
    ['2020-W53', '2020-12-28'],
    ['2027-W01', '2027-01-04'],
    ['2026-W53', '2026-12-28'],
  ])('%s starts on Monday %s', (week, monday) => {
    const d = isoWeekMonday(week);
    expect(d.toISOString().slice(0, 10)).toBe(monday);
    expect(d.getUTCDay()).toBe(1);
  });

  it('names the expected format when a week is malformed', () => {
    expect(() => isoWeekMonday('2026-5')).toThrow(/AAAA-Snn/);
  });

  it('reads aggregate days as calendar days', () => {
    expect(dayDate('2026-03-01').toISOString()).toBe('2026-03-01T12:00:00.000Z');
  });
});

describe('table rows', () => {
  it('weeks: one row per week, labelled by its Monday, ISO week as id', () => {
    const table = weeksTable(data, ctx());
    expect(table.rows.map((r) => [r.id, r.label, r.short])).toEqual([
      ['2026-W01', '29 décembre 2025', '29 déc.'],
      ['2026-W02', '5 janvier 2026', '5 janv.'],
    ]);
    expect(table.columns.map((c) => c.key)).toEqual(['shares', 'activeAmbassadors', 'clicks']);
    expect(table.rows[0]?.values).toEqual([20, 9, 30]);
    expect(weeksTable(data, ctx('en')).rows[0]?.label).toBe('29 December 2025');
  });

  it('networks: names from the dictionary, unknown ones as "others"', () => {
    expect(networksTable(data, ctx()).rows.map((r) => r.label)).toEqual(['LinkedIn', 'E-mail', 'Autres']);
    expect(networksTable(data, ctx('en')).rows.map((r) => r.label)).toEqual(['LinkedIn', 'E-mail', 'Others']);
  });

  it('cards: only catalogue cards, with title and link, in the ingest order', () => {
    const table = cardsTable(data, ctx());
    expect(table.rows.map((r) => [r.id, r.href, r.values])).toEqual([
      ['b', '/hub/cartes/b/', [10, 30]],
      ['a', '/hub/cartes/a/', [8, 20]],
    ]);
    expect(table.rows[0]?.short).toBe('Une carte au titre vraiment b…');
    expect(unlistedContents(data, cards)).toBe(2);
    expect(cardsTable(data, { ...ctx(), top: 1 }).rows).toHaveLength(1);
  });

  it('teams: k-filtered, never an identifier', () => {
    expect(teamsTable(data, ctx()).rows.map((r) => r.label)).toEqual(['Ventes, export']);
    expect(teamsTable(data, { ...ctx(), k: 3 }).rows.map((r) => r.label)).toEqual(['Ventes, export', 'Direction']);
  });

  it('no table ever holds an e-mail address', () => {
    const text = JSON.stringify(dashboardTables(data, { ...ctx(), k: 1 }));
    expect(text).not.toMatch(/@/);
  });

  it('shortens long labels for chart axes only', () => {
    expect(shorten('court')).toBe('court');
    expect(shorten('abcdefghij', 5)).toBe('abcd…');
  });
});

describe('CSV records and chart series', () => {
  it('add the id column when it says more than the label', () => {
    expect(tableRecords(weeksTable(data, ctx()))).toEqual([
      ['Semaine ISO', 'Semaine du', 'Partages', 'Ambassadeurs actifs', 'Clics'],
      ['2026-W01', '29 décembre 2025', 20, 9, 30],
      ['2026-W02', '5 janvier 2026', 10, 5, 20],
    ]);
    expect(tableRecords(networksTable(data, ctx('en')))[0]).toEqual(['Network', 'Shares', 'Clicks']);
  });

  it('pick columns by key for the chart', () => {
    expect(chartData(weeksTable(data, ctx()), ['shares', 'activeAmbassadors'])).toEqual({
      labels: ['29 déc.', '5 janv.'],
      series: [
        { label: 'Partages', data: [20, 10] },
        { label: 'Ambassadeurs actifs', data: [9, 5] },
      ],
    });
    expect(() => chartData(networksTable(data, ctx()), ['reactions'])).toThrow(/reactions/);
  });

  it('the ingest output type fits the site type', () => {
    expect(typeof fits).toBe('function');
  });
});
