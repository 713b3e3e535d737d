/**
 * One card's figures for its editors' page (`tableau-de-bord/cartes/<id>/`): shares and clicks
 * per network and per wording (variant), clicks per share, and a verdict per wording
 * (src/stats/verdict.ts). Built from the aggregates only, which already withhold what could
 * name a person (docs/sharelog.md): no per-person figure exists to show, and no team appears.
 */
import { fr } from '../../i18n/fr.ts';
import { intlLocale, type Translate, type UIKey } from '../../i18n/index.ts';
import type { DashboardData } from '../../lib/dashboards.ts';
import type { Locale } from '../../model/schemas/common.ts';
import { type VariantVerdict, variantVerdicts } from '../../stats/verdict.ts';
import { looksLikeIdentifier } from './privacy.ts';
import type { DataTable } from './tables.ts';

/** Clicks per share as shown and downloaded: two decimals (0 when there is no share). */
export const perShare = (clicks: number, shares: number) =>
  shares > 0 ? Math.round((clicks / shares) * 100) / 100 : 0;

/** The wording a variant stands for: `v2` is the card's second text (src/share/utm.ts). */
export const variantIndex = (variant: string) => {
  const m = /^v([1-9]\d*)$/.exec(variant);
  return m ? Number(m[1]) : null;
};

/**
 * One wording, whoever counted it: the share route logs `?v=2` (variant `2` in the hub's logs),
 * the analytics export `utm_content=v2`; both are `v2` here.
 */
export const wordingKey = (variant: string) => (/^[1-9]\d*$/.test(variant) ? `v${variant}` : variant);

/** A card's rows per wording, the share route's and the analytics' names merged. */
export function cardWordings(data: DashboardData, id: string) {
  const merged = new Map<string, { variant: string; shares: number; clicks: number }>();
  for (const v of data.byContentVariant ?? []) {
    // Defence in depth: the ingest already withholds a variant shaped like an identifier.
    if (v.content !== id || looksLikeIdentifier(v.variant)) continue;
    const key = wordingKey(v.variant);
    const row = merged.get(key) ?? { variant: key, shares: 0, clicks: 0 };
    row.shares += v.shares;
    row.clicks += v.clicks;
    merged.set(key, row);
  }
  return [...merged.values()].sort(
    (a, b) =>
      (variantIndex(a.variant) ?? 1e9) - (variantIndex(b.variant) ?? 1e9) ||
      (a.variant < b.variant ? -1 : a.variant > b.variant ? 1 : 0),
  );
}

export interface CardContext {
  t: Translate;
  locale: Locale;
  /** Fewest shares for a wording to be judged (settings.minVariantShares). */
  minShares: number;
}

export interface CardFigures {
  id: string;
  shares: number;
  clicks: number;
  networks: DataTable;
  variants: DataTable;
  /** One per wording of the logs (not "no variant"), in the table's order. */
  verdicts: Array<VariantVerdict & { label: string }>;
}

/** The cards that have per-card figures: in the catalogue and in the aggregates. */
export function cardsWithFigures(data: DashboardData, catalogue: ReadonlySet<string>): string[] {
  const listed = new Set((data.byContentVariant ?? []).map((v) => v.content));
  return data.byContent.filter((c) => catalogue.has(c.content) && listed.has(c.content)).map((c) => c.content);
}

export function variantLabel(variant: string, t: Translate): string {
  if (variant === '') return t('cardStats.noVariant');
  const n = variantIndex(variant);
  return n === null ? variant : t('cardStats.variant', { n: String(n) });
}

const networkName = (n: string, t: Translate) => t(`network.${n}` in fr ? (`network.${n}` as UIKey) : 'network.other');

export function cardFigures(data: DashboardData, id: string, { t, minShares }: CardContext): CardFigures {
  const total = data.byContent.find((c) => c.content === id) ?? { shares: 0, clicks: 0 };
  const columns = [
    { key: 'shares', label: t('dashboard.shares') },
    { key: 'clicks', label: t('dashboard.clicks') },
    { key: 'clicksPerShare', label: t('cardStats.perShare') },
  ];
  const networks = (data.byContentNetwork ?? []).filter((n) => n.content === id);
  const variants = cardWordings(data, id);
  const judged = variants.filter((v) => v.variant !== '');
  const verdicts = variantVerdicts(judged, { minShares }).map((v) => ({ ...v, label: variantLabel(v.variant, t) }));
  return {
    id,
    shares: total.shares,
    clicks: total.clicks,
    networks: {
      id: `carte-${id}-reseaux`,
      caption: t('cardStats.networks'),
      rowHead: t('dashboard.network'),
      columns,
      rows: [...networks]
        .sort((a, b) => b.shares - a.shares || b.clicks - a.clicks)
        .map((n) => ({
          id: n.network,
          label: networkName(n.network, t),
          values: [n.shares, n.clicks, perShare(n.clicks, n.shares)],
        })),
    },
    variants: {
      id: `carte-${id}-variantes`,
      caption: t('cardStats.variants'),
      rowHead: t('cardStats.wording'),
      idHead: t('cardStats.utmContent'),
      columns,
      rows: variants.map((v) => ({
        id: v.variant,
        label: variantLabel(v.variant, t),
        values: [v.shares, v.clicks, perShare(v.clicks, v.shares)],
      })),
    },
    verdicts,
  };
}

/** The verdict of one wording in plain words (both languages: cardStats.* keys). */
export function verdictText(v: VariantVerdict, minShares: number, t: Translate, locale: Locale): string {
  if (!v.interval) return t('cardStats.tooFew', { n: v.shares, min: minShares });
  const fmt = (x: number) =>
    new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(x);
  const rate = t('cardStats.rate', {
    rate: fmt(v.clicksPerShare ?? 0),
    lower: fmt(v.interval.lower),
    upper: fmt(v.interval.upper),
    shares: v.shares,
  });
  return `${rate} ${t(`cardStats.status.${v.status as Exclude<typeof v.status, 'too-few'>}`)}`;
}
