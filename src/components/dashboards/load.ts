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
import { objectiveViews, readObjectives } from './objectives.ts';
import { dashboardTables, unlistedContents } from './tables.ts';

export async function loadDashboard(locale: Locale) {
  const data = getDashboards();
  if (!data) return null;
  const settings = await getSettings();
  const cards = new Map(
    (await getLocalized('cards', locale)).map((c) => [
      c.slug,
      { title: c.data.title, href: localePath(locale, `cartes/${c.slug}/`) },
    ]),
  );
  const ctx = { t: useTranslations(locale), locale, cards, k: settings.minGroupSize };
  return { data, settings, tables: dashboardTables(data, ctx), unlisted: unlistedContents(data, cards) };
}

/** Where a table's CSV is published: `tableau-de-bord/semaines.csv` (and under `en/`). */
export const csvPath = (locale: Locale, id: string) => localePath(locale, `tableau-de-bord/${id}.csv`);

/**
 * The objectives page's model for one locale, or `null` without aggregates with events (the
 * page then says there is nothing to measure yet).
 */
export async function loadObjectives(locale: Locale) {
  const data = getDashboards();
  const settings = await getSettings();
  const objectives = readObjectives();
  if (!data?.period) return { objectives, settings, views: null };
  const views = objectiveViews(objectives, data, {
    t: useTranslations(locale),
    locale,
    headcount: settings.headcount,
    k: settings.minGroupSize,
  });
  return { objectives, settings, views };
}
