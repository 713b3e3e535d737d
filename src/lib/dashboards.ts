import { existsSync, readFileSync } from 'node:fs';
import type { DashboardOutput } from '../sharelog/types.ts';

/**
 * The share-log aggregates as the site reads them: the ingest's own `schemaVersion` 1 output
 * (`src/sharelog/types.ts`, documented in docs/sharelog.md), read leniently where older files
 * may lack a field: `challenges` came later, and `ingest.rejectedByReason` is informative.
 */
export type DashboardData = Omit<
  DashboardOutput,
  'challenges' | 'ingest' | 'byWeekNetwork' | 'byContentNetwork' | 'byContentVariant'
> & {
  challenges?: DashboardOutput['challenges'];
  /** Per-card and weekly-network figures came with issue 18: absent from older files. */
  byWeekNetwork?: DashboardOutput['byWeekNetwork'];
  byContentNetwork?: DashboardOutput['byContentNetwork'];
  byContentVariant?: DashboardOutput['byContentVariant'];
  ingest: Omit<DashboardOutput['ingest'], 'rejectedByReason'> & { rejectedByReason?: Record<string, number> };
};

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
