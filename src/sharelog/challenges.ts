/**
 * Challenge progress: accepted shares inside a challenge's [start, end] instants on its contents.
 * The leaderboard only ever names ambassadors found in the opt-in map, under the display name
 * they chose; nobody else is listed, and raw ids never leave this module.
 */
import { own } from './intern.ts';
import { type ChallengeDef, type DashboardOutput, SHARE, type ShareEvent } from './types.ts';

export function createChallengeCounter(defs: readonly ChallengeDef[], optIn: ReadonlyMap<string, string>) {
  const state = defs.map((def) => ({
    def,
    shares: 0,
    active: new Set<number>(),
    board: new Map<string, number>(),
  }));

  function add(ev: ShareEvent): void {
    if (ev.event !== SHARE || state.length === 0) return;
    for (const s of state) {
      if (ev.ms < s.def.start || ev.ms > s.def.end) continue;
      if (s.def.contents !== null && !s.def.contents.has(ev.content)) continue;
      s.shares++;
      if (ev.ambId < 0) continue;
      s.active.add(ev.ambId);
      if (!optIn.has(ev.ambassador)) continue;
      const before = s.board.get(ev.ambassador);
      s.board.set(before === undefined ? own(ev.ambassador) : ev.ambassador, (before ?? 0) + 1);
    }
  }

  function result(): DashboardOutput['challenges'] {
    return state.map((s) => ({
      id: s.def.id,
      shares: s.shares,
      activeAmbassadors: s.active.size,
      leaderboard: [...s.board]
        .map(([id, shares]) => ({ displayName: optIn.get(id) as string, shares }))
        .sort(
          (a, b) => b.shares - a.shares || (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0),
        ),
    }));
  }

  return { add, result };
}
