/**
 * Challenges as the weekly aggregates see them. A challenge's fingerprint covers its id, its
 * instants and its contents, so editing a challenge recomputes exactly the weeks it overlaps
 * (before or after the edit), and a week's cached figures are reused for challenges unchanged.
 */
import type { Zone } from '../timestamp.ts';
import type { ChallengeDef } from '../types.ts';
import type { WeekChallenge } from './week.ts';

export interface ChallengePlan {
  /** In the programme's order, for the output. */
  list: Array<{ id: string; fp: string }>;
  /** The challenges a week must carry figures for. */
  forWeek(monday: number): WeekChallenge[];
}

export function challengePlan(
  defs: readonly ChallengeDef[],
  zone: Zone,
  contentId: (name: string) => number,
): ChallengePlan {
  const all = defs.map((def) => {
    const contents = def.contents === null ? null : [...def.contents].sort();
    const fp = JSON.stringify([def.id, def.start, def.end, contents]);
    const ids = contents === null ? null : new Set(contents.map(contentId).filter((id) => id >= 0));
    const first = Number.isFinite(def.start) ? zone.dayOf(def.start) : Number.NEGATIVE_INFINITY;
    const last = Number.isFinite(def.end) ? zone.dayOf(def.end) : Number.POSITIVE_INFINITY;
    return { id: def.id, fp, week: { fp, start: def.start, end: def.end, contents: ids }, first, last };
  });
  return {
    list: all.map((c) => ({ id: c.id, fp: c.fp })),
    // Day bounds are widened by one: a week is recomputed too often rather than missed.
    forWeek: (monday) => all.filter((c) => c.first - 1 <= monday + 6 && c.last + 1 >= monday).map((c) => c.week),
  };
}
