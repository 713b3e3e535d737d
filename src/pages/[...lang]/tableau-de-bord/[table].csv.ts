/**
 * `tableau-de-bord/<table>.csv` (and `en/…`): each dashboard table as a spreadsheet-ready CSV,
 * with the headers in the page's language and numbers in plain digits. No aggregates, no
 * files: the page then shows its empty state and links to none.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { toCsv } from '../../../components/dashboards/csv.ts';
import { loadDashboard, loadObjectives } from '../../../components/dashboards/load.ts';
import { objectiveTables } from '../../../components/dashboards/objectives.ts';
import { type DataTable, tableRecords } from '../../../components/dashboards/tables.ts';
import { langParam } from '../../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const locale of ['fr', 'en'] as const) {
    const view = await loadDashboard(locale);
    if (!view?.data.period) continue;
    const { views } = await loadObjectives(locale);
    for (const table of [...view.tables, ...objectiveTables(views ?? [])])
      paths.push({ params: { lang: langParam(locale), table: table.id }, props: { table } });
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(toCsv(tableRecords((props as { table: DataTable }).table)), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
