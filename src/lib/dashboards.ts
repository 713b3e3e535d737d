import { existsSync, readFileSync } from 'node:fs';

/** The part of the share-log aggregates the employee pages use (see docs/sharelog.md). */
export interface DashboardData {
  schemaVersion: 1;
  totals: { shares: number; clicks: number; reactions: number; comments: number; activeAmbassadors: number };
  byContent: { content: string; shares: number; clicks: number }[];
  challenges?: {
    id: string;
    shares: number;
    activeAmbassadors: number;
    leaderboard: { displayName: string; shares: number }[];
  }[];
  [key: string]: unknown;
}

/** Where `npm run dashboards` writes by default and the site build reads. */
export const dashboardsFile = process.env.RELAIS_DASHBOARDS ?? '.relais/dashboards.json';

let cached: DashboardData | null | undefined;

/**
 * The aggregates computed from the share logs, or `null` when none were computed (a fresh
 * checkout before `npm run dashboards`): pages then show no figures rather than zeros.
 */
export function getDashboards(): DashboardData | null {
  if (cached !== undefined) return cached;
  cached = existsSync(dashboardsFile) ? (JSON.parse(readFileSync(dashboardsFile, 'utf8')) as DashboardData) : null;
  if (cached && cached.schemaVersion !== 1)
    throw new Error(`${dashboardsFile}: schemaVersion 1 attendu, reçu ${cached.schemaVersion}`);
  return cached;
}

/** How many times a card was shared, or `undefined` when there is no data for it. */
export function sharesOf(cardId: string): number | undefined {
  return getDashboards()?.byContent.find((c) => c.content === cardId)?.shares;
}
