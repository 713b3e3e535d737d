/**
 * The objectives page's model: for each objective, its figures in words and two tables (weeks
 * since the baseline with the target, and pilot vs rest), each drawn as a chart and published
 * as CSV like the overview's tables.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDate } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/index.ts';
import { type ObjectiveData, type ObjectiveProgress, objectiveProgress } from '../../lib/objectives.ts';
import type { Locale } from '../../model/schemas/common.ts';
import { type Objectives, objectivesSchema } from '../../model/schemas/objectives.ts';
import { parseYaml } from '../../model/yaml.ts';
import { type DataTable, isoWeekMonday } from './tables.ts';

/**
 * `content/settings/objectives.yaml` (under `RELAIS_CONTENT`), parsed with its defaults; none
 * when the file is absent. The content check has already stopped the build on a bad file.
 */
export function readObjectives(contentDir = process.env.RELAIS_CONTENT ?? 'content'): Objectives {
  const file = join(contentDir, 'settings/objectives.yaml');
  if (!existsSync(file)) return objectivesSchema.parse({});
  return objectivesSchema.parse(parseYaml(readFileSync(file, 'utf8')) ?? {});
}

/** Two decimals at most: what the tables, charts and CSV files show. */
const round = (n: number) => Math.round(n * 100) / 100;

export interface ObjectiveView {
  progress: ObjectiveProgress;
  title: string;
  /** Weeks the current value averages (the settings' `window`). */
  window: number;
  weeks: DataTable | null;
  pilot: DataTable | null;
}

export function objectiveViews(
  settings: Objectives,
  data: ObjectiveData,
  { t, locale, headcount, k }: { t: Translate; locale: Locale; headcount: number; k: number },
): ObjectiveView[] {
  return objectiveProgress(settings, data, { headcount, k }).map((progress) => {
    const o = progress.objective;
    const title = (locale === 'en' && o.titleEn) || o.title;
    const weeks: DataTable | null = progress.measured
      ? {
          id: `objectif-${o.id}`,
          caption: t('objectives.weeks', { title }),
          rowHead: t('dashboard.week'),
          idHead: t('dashboard.isoWeek'),
          columns: [
            { key: 'value', label: t(`objectives.metric.${o.metric}`) },
            { key: 'target', label: t('objectives.targetColumn') },
          ],
          rows: progress.weeks.map((w) => ({
            id: w.week,
            label: formatDate(isoWeekMonday(w.week), locale),
            values: [round(w.value), o.target],
          })),
        }
      : null;
    const pilot: DataTable | null =
      progress.pilot?.shown && o.pilot
        ? {
            id: `objectif-${o.id}-pilote`,
            caption: t('objectives.pilot', { title }),
            rowHead: t('objectives.pilotGroup'),
            columns: [
              { key: 'shares', label: t('dashboard.shares') },
              { key: 'activeAmbassadors', label: t('dashboard.active') },
            ],
            rows: [
              {
                id: 'pilote',
                label: t('objectives.pilotTeams', { teams: o.pilot.teams.join(', ') }),
                values: [progress.pilot.pilot.shares, progress.pilot.pilot.activeAmbassadors],
              },
              {
                id: 'reste',
                label: t('objectives.rest'),
                values: [progress.pilot.rest.shares, progress.pilot.rest.activeAmbassadors],
              },
            ],
          }
        : null;
    return { progress, title, window: settings.window, weeks, pilot };
  });
}

/** Every table of the objectives page, for the CSV route. */
export const objectiveTables = (views: readonly ObjectiveView[]): DataTable[] =>
  views.flatMap((v) => [v.weeks, v.pilot].filter((x): x is DataTable => x !== null));
