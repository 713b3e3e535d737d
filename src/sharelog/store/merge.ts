/**
 * Weekly aggregates → the dashboards. Counts add up; distinct ambassadors are unions of the
 * weeks' id lists; k-anonymity and the privacy guard apply here, on the totals, so a change of
 * `--k` never needs the events again.
 */
import { byCountThenName } from '../order.ts';
import { formatDay, isoWeek, mondayOf } from '../timestamp.ts';
import { type DashboardOutput, NETWORKS, SOURCES } from '../types.ts';
import type { WeekPartial } from './week.ts';

type Aggregates = Pick<
  DashboardOutput,
  'period' | 'totals' | 'byWeek' | 'byNetwork' | 'byContent' | 'byTeam' | 'clicksBySource' | 'challenges'
>;

export interface MergeInput {
  weeks: ReadonlyMap<number, WeekPartial>;
  contentNames: readonly string[];
  teamNames: readonly string[];
  k: number;
  /** Contents/teams withheld because their name is a person's identifier. */
  hidden: (name: string) => boolean;
  /** The current challenges, in the programme's order: id and fingerprint. */
  challenges: ReadonlyArray<{ id: string; fp: string }>;
  /** Display names of opted-in ambassadors, by global id. */
  optIn: ReadonlyMap<number, string>;
}

export function mergeWeeks(input: MergeInput): Aggregates {
  const totals = [0, 0, 0, 0];
  const active = new Set<number>();
  const networks = new Array<number>(24).fill(0);
  const sources = new Array<number>(SOURCES.length).fill(0);
  const contents = new Map<number, [number, number]>();
  const teams = new Map<number, { shares: number; active: Set<number> }>();
  const ch = new Map(
    input.challenges.map((c) => [c.fp, { shares: 0, active: new Set<number>(), board: new Map<number, number>() }]),
  );
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const w of input.weeks.values()) {
    if (w.accepted === 0) continue;
    w.totals.forEach((n, i) => {
      totals[i] = (totals[i] ?? 0) + n;
    });
    first = Math.min(first, w.first);
    last = Math.max(last, w.last);
    for (const a of w.active) active.add(a);
    w.sources.forEach((n, i) => {
      sources[i] = (sources[i] as number) + n;
    });
    w.networks.forEach((n, i) => {
      networks[i] = i % 3 === 0 ? Math.max(networks[i] as number, n) : (networks[i] as number) + n;
    });
    for (let i = 0; i < w.contents.length; i += 3) {
      const id = w.contents[i] as number;
      let c = contents.get(id);
      if (!c) {
        c = [0, 0];
        contents.set(id, c);
      }
      c[0] += w.contents[i + 1] as number;
      c[1] += w.contents[i + 2] as number;
    }
    for (const t of w.teams) {
      let team = teams.get(t.id);
      if (!team) {
        team = { shares: 0, active: new Set() };
        teams.set(t.id, team);
      }
      team.shares += t.shares;
      for (const a of t.active) team.active.add(a);
    }
    for (const c of w.challenges) {
      const s = ch.get(c.fp);
      if (!s) continue;
      s.shares += c.shares;
      for (const a of c.active) s.active.add(a);
      for (let i = 0; i < c.board.length; i += 2) {
        const amb = c.board[i] as number;
        s.board.set(amb, (s.board.get(amb) ?? 0) + (c.board[i + 1] as number));
      }
    }
  }
  const byWeek: Aggregates['byWeek'] = [];
  if (first <= last) {
    for (let monday = mondayOf(first); monday <= last; monday += 7) {
      const w = input.weeks.get(monday);
      const some = w && w.accepted > 0 ? w : undefined;
      byWeek.push({
        week: isoWeek(monday),
        shares: some?.shares ?? 0,
        clicks: some?.clicks ?? 0,
        activeAmbassadors: some?.active.length ?? 0,
      });
    }
  }
  const { contentNames, teamNames, hidden, k, optIn } = input;
  return {
    period: first <= last ? { from: formatDay(first), to: formatDay(last) } : null,
    totals: {
      shares: totals[0] ?? 0,
      clicks: totals[1] ?? 0,
      reactions: totals[2] ?? 0,
      comments: totals[3] ?? 0,
      activeAmbassadors: active.size,
    },
    byWeek,
    byNetwork: NETWORKS.flatMap((network, i) =>
      networks[3 * i]
        ? [{ network: network as string, shares: networks[3 * i + 1] as number, clicks: networks[3 * i + 2] as number }]
        : [],
    ).sort(
      byCountThenName(
        (n) => n.shares,
        (n) => n.network,
      ),
    ),
    byContent: [...contents]
      .flatMap(([id, [shares, clicks]]) => {
        const content = contentNames[id] as string;
        return hidden(content) ? [] : [{ content, shares, clicks }];
      })
      .sort(
        byCountThenName(
          (c) => c.shares,
          (c) => c.content,
        ),
      ),
    byTeam: [...teams]
      .flatMap(([id, t]) => {
        const team = teamNames[id] as string;
        return t.active.size >= k && !hidden(team)
          ? [{ team, shares: t.shares, activeAmbassadors: t.active.size }]
          : [];
      })
      .sort(
        byCountThenName(
          (t) => t.shares,
          (t) => t.team,
        ),
      ),
    clicksBySource: SOURCES.flatMap((source, i) => (sources[i] ? [{ source, clicks: sources[i] as number }] : [])),
    challenges: input.challenges.map((c) => {
      const s = ch.get(c.fp) as { shares: number; active: Set<number>; board: Map<number, number> };
      return {
        id: c.id,
        shares: s.shares,
        activeAmbassadors: s.active.size,
        leaderboard: [...s.board]
          .flatMap(([amb, shares]) => (optIn.has(amb) ? [{ displayName: optIn.get(amb) as string, shares }] : []))
          .sort(
            (a, b) =>
              b.shares - a.shares || (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0),
          ),
      };
    }),
  };
}
