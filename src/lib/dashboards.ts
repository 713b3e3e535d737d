import { existsSync, readFileSync } from 'node:fs';

/**
 * The share-log aggregates as the site reads them: the `schemaVersion` 1 contract of
 * `npm run dashboards` (issue 6, docs/sharelog.md). The JSON file is the interface between the
 * ingest and the site, so the type is written out here rather than imported from the
 * pipeline's internals; a unit test checks that the ingest's `DashboardOutput` still fits it.
 * More fields may be added; these keep their meaning.
 */
export interface DashboardData {
  schemaVersion: 1;
  /** Time zone of the days and weeks below (`--tz`). */
  timezone: string;
  /** First and last day with an accepted event; `null` when none was accepted. */
  period: { from: string; to: string } | null;
  totals: { shares: number; clicks: number; reactions: number; comments: number; activeAmbassadors: number };
  /** Every ISO week (`2026-W05`) of the period, zero-filled. */
  byWeek: { week: string; shares: number; clicks: number; activeAmbassadors: number }[];
  /** Shares desc, then name. */
  byNetwork: { network: string; shares: number; clicks: number }[];
  /** Contents (card slugs) with an accepted event; shares desc, then id. */
  byContent: { content: string; shares: number; clicks: number }[];
  /** Only teams with at least k active ambassadors; shares desc, then name. */
  byTeam: { team: string; shares: number; activeAmbassadors: number }[];
  /** One entry per challenge (id = slug); optional in files written before challenges existed. */
  challenges?: {
    id: string;
    shares: number;
    activeAmbassadors: number;
    /** Opt-in ambassadors only, under their display name. */
    leaderboard: { displayName: string; shares: number }[];
  }[];
  ingest: {
    files: number;
    rows: number;
    accepted: number;
    rejected: number;
    duplicates: number;
    outOfRange: number;
    rejectedByReason?: Record<string, number>;
  };
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
