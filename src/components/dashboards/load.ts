/**
 * Everything the overview page and its CSV files need for one locale, or `null` when no
 * aggregates were computed. Card titles come from the catalogue in that locale, so the top
 * list links to pages that exist and shows nothing the catalogue does not know.
 */
import { useTranslations } from '../../i18n/index.ts';
import { getDashboards } from '../../lib/dashboards.ts';
import { getLocalized, getSettings } from '../../lib/entries.ts';
import { localePath } from '../../lib/urls.ts';
import type { Locale } from '../../model/schemas/common.ts';
import { cardFigures, cardsWithFigures } from './cards.ts';
import { objectiveViews, readObjectives, suggestionsTable } from './objectives.ts';
import { dashboardTables, unlistedContents } from './tables.ts';

export async function loadDashboard(locale: Locale) {
  const data = getDashboards();
  if (!data) return null;
  const settings = await getSettings();
  const cards = new Map<string, { title: string; href: string; stats?: string }>(
    (await getLocalized('cards', locale)).map((c) => [
      c.slug,
      { title: c.data.title, href: localePath(locale, `cartes/${c.slug}/`) },
    ]),
  );
  // A card with per-card figures links to its editors' page from the cards table.
  for (const id of cardsWithFigures(data, new Set(cards.keys()))) {
    const card = cards.get(id);
    if (card) cards.set(id, { ...card, stats: cardStatsPath(locale, id) });
  }
  const ctx = { t: useTranslations(locale), locale, cards, k: settings.minGroupSize };
  return { data, settings, tables: dashboardTables(data, ctx), unlisted: unlistedContents(data, cards) };
}

/** Where a table's CSV is published: `tableau-de-bord/semaines.csv` (and under `en/`). */
export const csvPath = (locale: Locale, id: string) => localePath(locale, `tableau-de-bord/${id}.csv`);

/**
 * The objectives page's model for one locale: `views` and `suggestions` are `null` without
 * aggregates with events (the page then says there is nothing to measure yet).
 */
export async function loadObjectives(locale: Locale) {
  const data = getDashboards();
  const settings = await getSettings();
  const objectives = readObjectives();
  if (!data?.period) return { objectives, settings, views: null, suggestions: null };
  const t = useTranslations(locale);
  const views = objectiveViews(objectives, data, {
    t,
    locale,
    headcount: settings.headcount,
    k: settings.minGroupSize,
  });
  return { objectives, settings, views, suggestions: suggestionsTable(data, { t, locale }) };
}

/** A card's figures page for its editors. */
export const cardStatsPath = (locale: Locale, id: string) => localePath(locale, `tableau-de-bord/cartes/${id}/`);

/**
 * The per-card pages of one locale: every catalogue card with per-card figures, with its entry
 * and figures; none without aggregates with events.
 */
export async function loadCardPages(locale: Locale) {
  const data = getDashboards();
  if (!data?.period) return [];
  const settings = await getSettings();
  const entries = new Map((await getLocalized('cards', locale)).map((c) => [c.slug, c]));
  const ctx = { t: useTranslations(locale), locale, minShares: settings.minVariantShares };
  return cardsWithFigures(data, new Set(entries.keys())).map((id) => {
    const entry = entries.get(id) as NonNullable<ReturnType<typeof entries.get>>;
    return { id, entry, settings, figures: cardFigures(data, id, ctx) };
  });
}
