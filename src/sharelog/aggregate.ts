/**
 * Aggregates of accepted events. Counters are arrays indexed by event/network/content id, and
 * active-ambassador sets hold interned integers, teams are indexed by interned id, so memory depends on distinct ambassadors,
 * contents, teams and weeks, never on the number of rows.
 */
import { formatDay, isoWeek, mondayOf } from './timestamp.ts';
import { CLICK, type DashboardOutput, NETWORKS, SHARE, type ShareEvent } from './types.ts';

interface Bucket {
  shares: number;
  clicks: number;
  active: Set<number>;
}
type Aggregates = Pick<DashboardOutput, 'period' | 'totals' | 'byWeek' | 'byNetwork' | 'byContent' | 'byTeam'>;

const bucket = (): Bucket => ({ shares: 0, clicks: 0, active: new Set() });
export const byCountThenName =
  <T>(count: (t: T) => number, name: (t: T) => string) =>
  (a: T, b: T) =>
    count(b) - count(a) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);

export function createAggregator() {
  const totals = [0, 0, 0, 0];
  const active = new Set<number>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const weeks = new Map<number, Bucket>();
  const networks = NETWORKS.map(() => ({ seen: false, shares: 0, clicks: 0 }));
  const contents: Array<{ shares: number; clicks: number } | undefined> = [];
  const teams: Array<Bucket | undefined> = []; // by interned team id

  function add(ev: ShareEvent): void {
    const share = ev.event === SHARE ? 1 : 0;
    const click = ev.event === CLICK ? 1 : 0;
    totals[ev.event] = (totals[ev.event] ?? 0) + 1;
    if (ev.day < first) first = ev.day;
    if (ev.day > last) last = ev.day;
    const monday = mondayOf(ev.day);
    let week = weeks.get(monday);
    if (!week) {
      week = bucket();
      weeks.set(monday, week);
    }
    week.shares += share;
    week.clicks += click;
    const net = networks[ev.network] as (typeof networks)[number];
    net.seen = true;
    net.shares += share;
    net.clicks += click;
    let content = contents[ev.contentId];
    if (!content) contents[ev.contentId] = content = { shares: 0, clicks: 0 };
    content.shares += share;
    content.clicks += click;
    let team: Bucket | undefined;
    if (ev.teamId >= 0) {
      team = teams[ev.teamId];
      if (!team) teams[ev.teamId] = team = bucket();
      team.shares += share;
    }
    if (share && ev.ambId >= 0) {
      active.add(ev.ambId);
      week.active.add(ev.ambId);
      team?.active.add(ev.ambId);
    }
  }

  /** `hidden(name)` drops contents/teams whose name is an ambassador id (privacy guard). */
  function result(
    k: number,
    contentNames: readonly string[],
    teamNames: readonly string[],
    hidden: (name: string) => boolean,
  ) {
    const byWeek: Aggregates['byWeek'] = [];
    if (first <= last) {
      for (let monday = mondayOf(first); monday <= last; monday += 7) {
        const w = weeks.get(monday);
        const { shares = 0, clicks = 0 } = w ?? {};
        byWeek.push({ week: isoWeek(monday), shares, clicks, activeAmbassadors: w?.active.size ?? 0 });
      }
    }
    const out: Aggregates = {
      period: first <= last ? { from: formatDay(first), to: formatDay(last) } : null,
      totals: {
        shares: totals[0] ?? 0,
        clicks: totals[1] ?? 0,
        reactions: totals[2] ?? 0,
        comments: totals[3] ?? 0,
        activeAmbassadors: active.size,
      },
      byWeek,
      byNetwork: networks
        .flatMap((n, i) => (n.seen ? [{ network: NETWORKS[i] as string, shares: n.shares, clicks: n.clicks }] : []))
        .sort(
          byCountThenName(
            (n) => n.shares,
            (n) => n.network,
          ),
        ),
      byContent: contents
        .flatMap((c, i) => {
          const content = contentNames[i] as string;
          return c && !hidden(content) ? [{ content, shares: c.shares, clicks: c.clicks }] : [];
        })
        .sort(
          byCountThenName(
            (c) => c.shares,
            (c) => c.content,
          ),
        ),
      byTeam: teams
        .flatMap((t, i) => {
          const team = teamNames[i] as string;
          return t && t.active.size >= k && !hidden(team)
            ? [{ team, shares: t.shares, activeAmbassadors: t.active.size }]
            : [];
        })
        .sort(
          byCountThenName(
            (t) => t.shares,
            (t) => t.team,
          ),
        ),
    };
    return out;
  }

  return { add, result };
}
