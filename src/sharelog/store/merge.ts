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
  | 'period'
  | 'totals'
  | 'byWeek'
  | 'byWeekNetwork'
  | 'byNetwork'
  | 'byContent'
  | 'byContentNetwork'
  | 'byContentVariant'
  | 'byTeam'
  | 'clicksBySource'
  | 'challenges'
>;

export interface MergeInput {
  weeks: ReadonlyMap<number, WeekPartial>;
  contentNames: readonly string[];
  teamNames: readonly string[];
  variantNames: readonly string[];
  k: number;
  /** Contents/teams withheld because their name is a person's identifier. */
  hidden: (name: string) => boolean;
  /** The current challenges, in the programme's order: id and fingerprint. */
  challenges: ReadonlyArray<{ id: string; fp: string }>;
  /** Display names of opted-in ambassadors, by global id. */
  optIn: ReadonlyMap<number, string>;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Adds [outer, inner, shares, clicks] quadruples into a map of maps. */
function addQuads(into: Map<number, Map<number, [number, number]>>, quads: readonly number[]): void {
  for (let i = 0; i < quads.length; i += 4) {
    const a = quads[i] as number;
    const b = quads[i + 1] as number;
    let inner = into.get(a);
    if (!inner) {
      inner = new Map();
      into.set(a, inner);
    }
    const c = inner.get(b);
    if (c) {
      c[0] += quads[i + 2] as number;
      c[1] += quads[i + 3] as number;
    } else inner.set(b, [quads[i + 2] as number, quads[i + 3] as number]);
  }
}

export function mergeWeeks(input: MergeInput): Aggregates {
  const totals = [0, 0, 0, 0];
  const active = new Set<number>();
  const networks = new Array<number>(24).fill(0);
  const sources = new Array<number>(SOURCES.length).fill(0);
  const contents = new Map<number, [number, number]>();
  /** content → network → [shares, clicks], and content → variant → [shares, clicks]. */
  const cardNetworks = new Map<number, Map<number, [number, number]>>();
  const cardVariants = new Map<number, Map<number, [number, number]>>();
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
    addQuads(cardNetworks, w.cardNetworks);
    addQuads(cardVariants, w.cardVariants);
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
  const byWeekNetwork: Aggregates['byWeekNetwork'] = [];
  if (first <= last) {
    for (let monday = mondayOf(first); monday <= last; monday += 7) {
      const w = input.weeks.get(monday);
      const some = w && w.accepted > 0 ? w : undefined;
      NETWORKS.forEach((network, i) => {
        if (!some?.networks[3 * i]) return;
        const shares = some.networks[3 * i + 1] as number;
        byWeekNetwork.push({ week: isoWeek(monday), network, shares, clicks: some.networks[3 * i + 2] as number });
      });
      byWeek.push({
        week: isoWeek(monday),
        shares: some?.shares ?? 0,
        clicks: some?.clicks ?? 0,
        activeAmbassadors: some?.active.length ?? 0,
      });
    }
  }
  const { contentNames, teamNames, variantNames, hidden, k, optIn } = input;
  const shownCards = [...contents.keys()]
    .map((id) => ({ id, content: contentNames[id] as string }))
    .filter((c) => !hidden(c.content))
    .sort((a, b) => compareText(a.content, b.content));
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
    byWeekNetwork,
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
    byContentNetwork: shownCards.flatMap(({ id, content }) => {
      const byNetwork = cardNetworks.get(id);
      return NETWORKS.flatMap((network, i) => {
        const c = byNetwork?.get(i);
        return c ? [{ content, network: network as string, shares: c[0], clicks: c[1] }] : [];
      });
    }),
    byContentVariant: shownCards.flatMap(({ id, content }) =>
      [...(cardVariants.get(id) ?? [])]
        .map(([v, [shares, clicks]]) => ({ content, variant: variantNames[v] as string, shares, clicks }))
        .filter((v) => !v.variant.includes('@'))
        .sort((a, b) => compareText(a.variant, b.variant)),
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
