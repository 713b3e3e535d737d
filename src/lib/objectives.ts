/**
 * Objectives against a baseline (`content/settings/objectives.yaml`), computed from the weekly
 * share-log aggregates: the baseline's weekly mean, the current value (mean of the latest
 * `window` weeks after the baseline), the trend (least-squares slope per week over the weeks
 * after the baseline), the value projected at the deadline and whether that reaches the target.
 * A pilot group is compared with the rest under the dashboards' k-anonymity rule.
 */
import { isoWeekMonday } from '../components/dashboards/tables.ts';
import type { Problem } from '../model/errors.ts';
import type { Objective, ObjectiveMetric, Objectives } from '../model/schemas/objectives.ts';
import type { DashboardData } from './dashboards.ts';

const DAY = 86_400_000;

/** A day of the settings (a `Date` at midnight UTC) as `YYYY-MM-DD`. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** What the objectives need of the aggregates. */
export type ObjectiveData = Pick<DashboardData, 'byWeek' | 'byTeam' | 'totals'>;

export interface WeekValue {
  week: string;
  value: number;
}

/**
 * The metric's value per ISO week, or `null` when the logs do not hold it: clicks when no week
 * has any, training completions (not logged by the share route yet), the active rate without a
 * headcount.
 */
export function metricSeries(data: ObjectiveData, metric: ObjectiveMetric, headcount: number): WeekValue[] | null {
  switch (metric) {
    case 'activeRate':
      if (!(headcount > 0)) return null;
      return data.byWeek.map((w) => ({ week: w.week, value: (100 * w.activeAmbassadors) / headcount }));
    case 'shares':
      return data.byWeek.map((w) => ({ week: w.week, value: w.shares }));
    case 'clicks':
      if (!data.byWeek.some((w) => w.clicks > 0)) return null;
      return data.byWeek.map((w) => ({ week: w.week, value: w.clicks }));
    case 'trainingCompletions':
      return null;
  }
}

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** Least-squares slope of `values` against their index (value per week); `null` under 2 points. */
export function slope(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  const mx = (n - 1) / 2;
  const my = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

/** Weeks whose Monday falls in [from, to] (days, inclusive). */
const weeksBetween = (series: readonly WeekValue[], from: Date, to: Date) =>
  series.filter((w) => {
    const day = isoDay(isoWeekMonday(w.week));
    return day >= isoDay(from) && day <= isoDay(to);
  });

/** Pilot vs rest over the aggregates' whole period, or why it is not shown. */
export type PilotComparison =
  | { shown: true; pilot: GroupFigures; rest: GroupFigures }
  | { shown: false; reason: 'small-group' | 'unknown-team' };
export interface GroupFigures {
  shares: number;
  activeAmbassadors: number;
}

/**
 * The pilot teams' shares and active ambassadors, and the rest's (the programme's totals minus
 * the pilot's). Both or neither: if either group has fewer than `k` active ambassadors, neither
 * is shown, since the published totals minus the one shown would give the other. A pilot team
 * missing from the aggregates (the ingest dropped it, under k) hides both too, rather than
 * showing a pilot figure that silently leaves it out.
 */
export function comparePilot(data: ObjectiveData, teams: readonly string[], k: number): PilotComparison {
  const pilot: GroupFigures = { shares: 0, activeAmbassadors: 0 };
  for (const name of new Set(teams)) {
    const team = data.byTeam.find((t) => t.team === name);
    if (!team || team.activeAmbassadors < k) return { shown: false, reason: 'unknown-team' };
    pilot.shares += team.shares;
    pilot.activeAmbassadors += team.activeAmbassadors;
  }
  const rest: GroupFigures = {
    shares: data.totals.shares - pilot.shares,
    activeAmbassadors: data.totals.activeAmbassadors - pilot.activeAmbassadors,
  };
  if (pilot.activeAmbassadors < k || rest.activeAmbassadors < k) return { shown: false, reason: 'small-group' };
  return { shown: true, pilot, rest };
}

export interface ObjectiveProgress {
  objective: Objective;
  /** `false` when the logs do not hold the metric: the page says so, with no figure. */
  measured: boolean;
  /** Weekly mean over the baseline period; `null` without a week in it. */
  baseline: number | null;
  /** Mean of the latest `window` weeks after the baseline; `null` before any. */
  current: number | null;
  /** Change per week over the weeks after the baseline; `null` under two weeks. */
  trend: number | null;
  /** Value the trend reaches at the deadline (never below 0). */
  projected: number | null;
  /** Target reached, or projected to be by the deadline; `null` while unknown. */
  onTrack: boolean | null;
  /** How many weeks of the aggregates follow the baseline. */
  weeksAfter: number;
  /** The weeks from the baseline's start on, for the chart and table. */
  weeks: WeekValue[];
  pilot: PilotComparison | null;
}

/** Each objective's progress, in file order. */
export function objectiveProgress(
  settings: Pick<Objectives, 'objectives' | 'window'>,
  data: ObjectiveData,
  { headcount, k }: { headcount: number; k: number },
): ObjectiveProgress[] {
  return settings.objectives.map((objective) => {
    const pilot = objective.pilot ? comparePilot(data, objective.pilot.teams, k) : null;
    const series = metricSeries(data, objective.metric, headcount);
    if (!series)
      return {
        objective,
        measured: false,
        baseline: null,
        current: null,
        trend: null,
        projected: null,
        onTrack: null,
        weeksAfter: 0,
        weeks: [],
        pilot,
      };
    const baseline = mean(weeksBetween(series, objective.baseline.from, objective.baseline.to).map((w) => w.value));
    const after = series.filter((w) => isoDay(isoWeekMonday(w.week)) > isoDay(objective.baseline.to));
    const current = mean(after.slice(-settings.window).map((w) => w.value));
    const trend = slope(after.map((w) => w.value));
    const last = after.at(-1);
    let projected: number | null = null;
    if (last && current !== null && trend !== null) {
      const days = (Date.parse(isoDay(objective.deadline)) - Date.parse(isoDay(isoWeekMonday(last.week)))) / DAY;
      const weeksLeft = Math.max(0, days / 7);
      projected = Math.max(0, current + trend * weeksLeft);
    }
    const onTrack =
      current === null ? null : current >= objective.target || (projected !== null && projected >= objective.target);
    return {
      objective,
      measured: true,
      baseline,
      current,
      trend,
      projected,
      onTrack,
      weeksAfter: after.length,
      weeks: series.filter((w) => isoDay(isoWeekMonday(w.week)) >= isoDay(objective.baseline.from)),
      pilot,
    };
  });
}

/**
 * Problems an objective can only show against a date or the data: a deadline already past
 * (`now`), a target already reached during the baseline (with aggregates). Each names the file
 * and the field, like the schema's own problems.
 */
export function objectiveProblems(
  file: string,
  settings: Pick<Objectives, 'objectives' | 'window'>,
  { now, data, headcount }: { now: Date; data?: ObjectiveData | null; headcount?: number },
): Problem[] {
  const problems: Problem[] = [];
  settings.objectives.forEach((o, i) => {
    if (isoDay(o.deadline) < isoDay(now))
      problems.push({
        file,
        field: `objectives.${i}.deadline`,
        message: `échéance passée (${isoDay(o.deadline)}, avant le ${isoDay(now)}) : repoussez-la ou retirez l’objectif « ${o.id} »`,
      });
    if (!data) return;
    const series = metricSeries(data, o.metric, headcount ?? 0);
    if (!series) return;
    const base = mean(weeksBetween(series, o.baseline.from, o.baseline.to).map((w) => w.value));
    if (base !== null && base >= o.target)
      problems.push({
        file,
        field: `objectives.${i}.target`,
        message: `cible déjà atteinte pendant la référence (moyenne ${round(base)} ≥ cible ${o.target}) : visez plus haut que la référence`,
      });
  });
  return problems;
}

const round = (n: number) => Math.round(n * 100) / 100;
