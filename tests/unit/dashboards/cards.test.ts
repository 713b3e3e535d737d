import { describe, expect, it } from 'vitest';
import {
  cardFigures,
  cardsWithFigures,
  perShare,
  variantLabel,
  verdictText,
} from '../../../src/components/dashboards/cards.ts';
import { reachTable } from '../../../src/components/dashboards/tables.ts';
import { useTranslations } from '../../../src/i18n/index.ts';
import type { DashboardData } from '../../../src/lib/dashboards.ts';

const data: DashboardData = {
  schemaVersion: 1,
  timezone: 'Europe/Paris',
  period: { from: '2026-01-05', to: '2026-01-18' },
  totals: { shares: 150, clicks: 160, reactions: 0, comments: 0, activeAmbassadors: 12 },
  byWeek: [
    { week: '2026-W02', shares: 100, clicks: 60, activeAmbassadors: 9 },
    { week: '2026-W03', shares: 50, clicks: 100, activeAmbassadors: 5 },
  ],
  byWeekNetwork: [
    { week: '2026-W02', network: 'linkedin', shares: 80, clicks: 50 },
    { week: '2026-W02', network: 'x', shares: 20, clicks: 10 },
    { week: '2026-W03', network: 'linkedin', shares: 50, clicks: 100 },
    { week: '2026-W03', network: 'email', shares: 0, clicks: 0 },
  ],
  byNetwork: [],
  byContent: [
    { content: 'salon', shares: 140, clicks: 150 },
    { content: 'offre', shares: 10, clicks: 10 },
    { content: 'hors-catalogue', shares: 5, clicks: 0 },
  ],
  byContentNetwork: [
    { content: 'salon', network: 'linkedin', shares: 120, clicks: 140 },
    { content: 'salon', network: 'x', shares: 20, clicks: 10 },
  ],
  byContentVariant: [
    { content: 'salon', variant: '', shares: 10, clicks: 30 },
    { content: 'salon', variant: 'v10', shares: 5, clicks: 0 },
    { content: 'salon', variant: 'v1', shares: 60, clicks: 90 },
    // The share route's `?v=2` (hub logs) and the analytics' `v2` are one wording.
    { content: 'salon', variant: 'v2', shares: 40, clicks: 30 },
    { content: 'salon', variant: '2', shares: 25, clicks: 0 },
    { content: 'salon', variant: 'a@b.example', shares: 1, clicks: 1 },
    { content: 'offre', variant: 'v1', shares: 10, clicks: 10 },
  ],
  clicksBySource: [],
  byTeam: [],
  ingest: { files: 1, rows: 1, accepted: 1, rejected: 0, duplicates: 0, outOfRange: 0 },
};
const t = useTranslations('fr');
const ctx = { t, locale: 'fr' as const, minShares: 30 };

describe('per-card figures', () => {
  it('lists the catalogue cards with per-card figures, most shared first', () => {
    expect(cardsWithFigures(data, new Set(['offre', 'salon', 'absente']))).toEqual(['salon', 'offre']);
    // An aggregates file from before per-card figures: no page.
    const { byContentVariant: _, ...older } = data;
    expect(cardsWithFigures(older, new Set(['salon']))).toEqual([]);
  });

  it('tables per network and per wording with clicks per share; an identifier-shaped variant is withheld', () => {
    const f = cardFigures(data, 'salon', ctx);
    expect(f.networks.id).toBe('carte-salon-reseaux');
    expect(f.networks.rows.map((r) => [r.label, r.values])).toEqual([
      ['LinkedIn', [120, 140, 1.17]],
      ['X', [20, 10, 0.5]],
    ]);
    expect(f.variants.rows.map((r) => [r.id, r.label, r.values])).toEqual([
      ['v1', 'Formulation 1', [60, 90, 1.5]],
      ['v2', 'Formulation 2', [65, 30, 0.46]],
      ['v10', 'Formulation 10', [5, 0, 0]],
      ['', 'Sans formulation connue', [10, 30, 3]],
    ]);
    // 'No variant' is shown but never judged; v10 is under the threshold.
    expect(f.verdicts.map((v) => [v.variant, v.status])).toEqual([
      ['v1', 'ahead'],
      ['v2', 'behind'],
      ['v10', 'too-few'],
    ]);
    expect(cardFigures(data, 'offre', ctx).verdicts.map((v) => v.status)).toEqual(['too-few']);
    expect(perShare(1, 0)).toBe(0);
    expect(variantLabel('printemps', t)).toBe('printemps');
  });

  it('says each verdict in plain words, with the interval (hand-computed Garwood bounds)', () => {
    const [v1, , v10] = cardFigures(data, 'salon', ctx).verdicts;
    // 90 clicks over 60 shares. Garwood's bounds of the count, checked by their definition with a
    // plain Poisson sum: P(X >= 90 | lower) = 2.5 % and P(X <= 90 | upper) = 2.5 %.
    const cdf = (k: number, mean: number) => {
      let term = Math.exp(-mean);
      let sum = term;
      for (let j = 1; j <= k; j++) {
        term *= mean / j;
        sum += term;
      }
      return sum;
    };
    expect(1 - cdf(89, (v1?.interval?.lower ?? 0) * 60)).toBeCloseTo(0.025, 6);
    expect(cdf(90, (v1?.interval?.upper ?? 0) * 60)).toBeCloseTo(0.025, 6);
    expect(verdictText(v1 as NonNullable<typeof v1>, 30, t, 'fr')).toBe(
      '1,50 clic par partage (entre 1,21 et 1,84 à 95 %, sur 60 partages). En tête : elle fait nettement mieux que les autres formulations.',
    );
    const en = useTranslations('en');
    expect(verdictText(v10 as NonNullable<typeof v10>, 30, en, 'en')).toBe(
      'Too few shares to tell (5 shares, 30 needed).',
    );
  });
});

describe('reach over time', () => {
  it('each week: shares, then clicks per network that brought some, most clicks first', () => {
    const table = reachTable(data, { t, locale: 'fr', cards: new Map(), k: 5 });
    expect(table.columns.map((c) => c.label)).toEqual(['Partages', 'Clics LinkedIn', 'Clics X']);
    expect(table.rows.map((r) => [r.id, r.values])).toEqual([
      ['2026-W02', [100, 50, 10]],
      ['2026-W03', [50, 100, 0]],
    ]);
  });
});
