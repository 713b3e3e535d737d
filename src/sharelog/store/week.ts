/**
 * One ISO week's aggregates from the blocks that hold its events, read in input order.
 *
 * Dedupe is scoped to the week: a row is a duplicate when an earlier row of the same week had
 * the same event id (or, without one, the same second, ambassador, content, variant, network and
 * event). Copies of a visit are the same instant, hence the same week, so this is the global
 * dedupe whenever an id names one event (the tests compare both on every sample and fixture);
 * it keeps the dedupe state to one week's keys, whatever the history.
 *
 * Rows carry a weight (an analytics report's row is one day's visits, never expanded) and a
 * source; a card's clicks on one local day are taken from a single source, the most detailed one
 * present (types.ts SOURCES order): two tools counting the same visits are never added.
 */
import { CLICK, SHARE, SOURCES } from '../types.ts';
import type { Columns } from './blocks.ts';
import { HAS_ID } from './blocks.ts';
import type { Remap } from './dict.ts';
import { laneWords, Set64 } from './hash.ts';

/** A challenge as the week needs it: instants, contents as global ids (null = all). */
export interface WeekChallenge {
  fp: string;
  start: number;
  end: number;
  contents: ReadonlySet<number> | null;
}

/** What one week contributes to the dashboards; plain arrays, so the manifest can hold it. */
export interface WeekPartial {
  accepted: number;
  totals: number[];
  first: number;
  last: number;
  shares: number;
  clicks: number;
  /** Clicks per source (types.ts SOURCES order), after the one-source-per-card-and-day rule. */
  sources: number[];
  /** Global ids of ambassadors with a share this week. */
  active: number[];
  /** Per network: [seen 0|1, shares, clicks]. */
  networks: number[];
  /** [content id, shares, clicks] triples. */
  contents: number[];
  /** Per card and network: [content id, network, shares, clicks] quadruples. */
  cardNetworks: number[];
  /** Per card and variant: [content id, global variant id, shares, clicks] quadruples. */
  cardVariants: number[];
  teams: Array<{ id: number; shares: number; active: number[] }>;
  challenges: Array<{ fp: string; shares: number; active: number[]; board: number[] }>;
}

export interface Contributor {
  remap: Remap;
  blocks: () => Iterable<Columns>;
}

/** Accepted events, for the Parquet export: instant, local day, global ids, network·8 + event. */
export type AcceptedHook = (
  ms: number,
  day: number,
  amb: number,
  content: number,
  team: number,
  variant: number,
  kind: number,
  weight: number,
  source: number,
) => void;

function add(map: Map<number, [number, number]>, at: number, shares: number, clicks: number): void {
  const c = map.get(at);
  if (c) {
    c[0] += shares;
    c[1] += clicks;
  } else map.set(at, [shares, clicks]);
}

/** A map of maps as [outer, inner, shares, clicks] quadruples. */
const quads = (map: Map<number, Map<number, [number, number]>>) =>
  [...map].flatMap(([a, inner]) => [...inner].flatMap(([b, [s, c]]) => [a, b, s, c]));

const ids = new Set64();
const composites = new Set64();
const words = new Int32Array(6);
const second = new Float64Array(words.buffer, 0, 1);

/**
 * Clicks held until the week's end, in typed arrays reused from week to week (grown by doubling,
 * never shrunk): the instant in `heldMs`, and dow, amb, content, team, variant, network·8 + event,
 * weight and source as HELD int32 words each in `heldInts`.
 */
const HELD = 8;
let heldMs = new Float64Array(1 << 12);
let heldInts = new Int32Array(HELD << 12);
/**
 * The best (lowest) source rank + 1 with clicks per content·8 + day of the week (0 = none yet),
 * indexed by the global content id; `touched` lists the slots set this week, so only those are
 * reset for the next one.
 */
let best = new Uint8Array(8 << 10);
let touched = new Int32Array(1 << 10);

function growHeld(): void {
  const ms = new Float64Array(heldMs.length * 2);
  ms.set(heldMs);
  heldMs = ms;
  const ints = new Int32Array(heldInts.length * 2);
  ints.set(heldInts);
  heldInts = ints;
}

function growBest(at: number): void {
  let n = best.length * 2;
  while (n <= at) n *= 2;
  const b = new Uint8Array(n);
  b.set(best);
  best = b;
}

function growTouched(): void {
  const t = new Int32Array(touched.length * 2);
  t.set(touched);
  touched = t;
}

export function computeWeek(
  monday: number,
  contributors: readonly Contributor[],
  challenges: readonly WeekChallenge[],
  seeds: [number, number],
  onAccepted?: AcceptedHook,
): WeekPartial {
  ids.clear();
  composites.clear();
  const totals = [0, 0, 0, 0];
  const networks = new Array<number>(24).fill(0);
  const sources = new Array<number>(SOURCES.length).fill(0);
  const contents = new Map<number, [number, number]>();
  /** content → network → [shares, clicks], and content → variant → [shares, clicks]. */
  const cardNetworks = new Map<number, Map<number, [number, number]>>();
  const cardVariants = new Map<number, Map<number, [number, number]>>();
  const teams = new Map<number, { shares: number; active: Set<number> }>();
  const active = new Set<number>();
  const ch = challenges.map((c) => ({ c, shares: 0, active: new Set<number>(), board: new Map<number, number>() }));
  let accepted = 0;
  let shares = 0;
  let clicks = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  /** Clicks wait for the week's end (heldMs/heldInts): which source counts a card's day is known only then. */
  let held = 0;
  let nTouched = 0;

  function count(
    ms: number,
    day: number,
    ambG: number,
    content: number,
    team: number,
    variant: number,
    ne: number,
    w: number,
    source: number,
  ): void {
    const event = ne & 7;
    const network = ne >> 3;
    accepted++;
    totals[event] = (totals[event] ?? 0) + w;
    if (day < first) first = day;
    if (day > last) last = day;
    onAccepted?.(ms, day, ambG, content, team, variant, ne, w, source);
    const isShare = event === SHARE ? w : 0;
    const isClick = event === CLICK ? w : 0;
    shares += isShare;
    clicks += isClick;
    sources[source] = (sources[source] as number) + isClick;
    networks[3 * network] = 1;
    networks[3 * network + 1] = (networks[3 * network + 1] as number) + isShare;
    networks[3 * network + 2] = (networks[3 * network + 2] as number) + isClick;
    let c = contents.get(content);
    if (!c) {
      c = [0, 0];
      contents.set(content, c);
    }
    c[0] += isShare;
    c[1] += isClick;
    if (isShare || isClick) {
      let byNetwork = cardNetworks.get(content);
      let byVariant = cardVariants.get(content);
      if (!byNetwork || !byVariant) {
        byNetwork = new Map();
        byVariant = new Map();
        cardNetworks.set(content, byNetwork);
        cardVariants.set(content, byVariant);
      }
      add(byNetwork, network, isShare, isClick);
      add(byVariant, variant, isShare, isClick);
    }
    let tm: { shares: number; active: Set<number> } | undefined;
    if (team >= 0) {
      tm = teams.get(team);
      if (!tm) {
        tm = { shares: 0, active: new Set() };
        teams.set(team, tm);
      }
      tm.shares += isShare;
    }
    if (!isShare) return;
    if (ambG >= 0) {
      active.add(ambG);
      tm?.active.add(ambG);
    }
    for (const s of ch) {
      if (ms < s.c.start || ms > s.c.end || (s.c.contents !== null && !s.c.contents.has(content))) continue;
      s.shares += w;
      if (ambG < 0) continue;
      s.active.add(ambG);
      s.board.set(ambG, (s.board.get(ambG) ?? 0) + w);
    }
  }

  for (const { remap, blocks } of contributors) {
    for (const b of blocks()) {
      for (let i = 0; i < b.count; i++) {
        const kind = b.kind[i] as number;
        const ms = b.ms[i] as number;
        const amb = b.amb[i] as number;
        const ambG = amb < 0 ? -1 : (remap.amb[amb] as number);
        const content = remap.content[b.content[i] as number] as number;
        const variant = remap.variant[b.variant[i] as number] as number;
        const ne = kind & 127;
        if (kind & HAS_ID) {
          if (!ids.add(b.idHi[i] as number, b.idLo[i] as number)) continue;
        } else {
          second[0] = Math.floor(ms / 1000) + 0;
          words[2] = ambG;
          words[3] = content;
          words[4] = variant;
          words[5] = ne;
          if (!composites.add(laneWords(words, seeds[0]), laneWords(words, seeds[1]))) continue;
        }
        const t = b.team[i] as number;
        const team = t < 0 ? -1 : (remap.team[t] as number);
        const dow = b.dow[i] as number;
        const w = b.weight[i] as number;
        const source = b.source[i] as number;
        if ((ne & 7) === CLICK) {
          if (held === heldMs.length) growHeld();
          heldMs[held] = ms;
          const o = held * HELD;
          heldInts[o] = dow;
          heldInts[o + 1] = ambG;
          heldInts[o + 2] = content;
          heldInts[o + 3] = team;
          heldInts[o + 4] = variant;
          heldInts[o + 5] = ne;
          heldInts[o + 6] = w;
          heldInts[o + 7] = source;
          held++;
          const at = content * 8 + dow;
          if (at >= best.length) growBest(at);
          const rank = best[at] as number;
          if (rank === 0) {
            if (nTouched === touched.length) growTouched();
            touched[nTouched++] = at;
            best[at] = source + 1;
          } else if (source + 1 < rank) best[at] = source + 1;
          continue;
        }
        count(ms, monday + dow, ambG, content, team, variant, ne, w, source);
      }
    }
  }
  // A card's clicks on a day come from one source only: the most detailed one that has some
  // (SOURCES order); the others' rows for that day are duplicates of the same visits.
  for (let i = 0; i < held; i++) {
    const o = i * HELD;
    const dow = heldInts[o] as number;
    const content = heldInts[o + 2] as number;
    const source = heldInts[o + 7] as number;
    if (best[content * 8 + dow] !== source + 1) continue;
    count(
      heldMs[i] as number,
      monday + dow,
      heldInts[o + 1] as number,
      content,
      heldInts[o + 3] as number,
      heldInts[o + 4] as number,
      heldInts[o + 5] as number,
      heldInts[o + 6] as number,
      source,
    );
  }
  for (let i = 0; i < nTouched; i++) best[touched[i] as number] = 0;
  return {
    accepted,
    totals,
    first,
    last,
    shares,
    clicks,
    sources,
    active: [...active],
    networks,
    contents: [...contents].flatMap(([id, [s, c]]) => [id, s, c]),
    cardNetworks: quads(cardNetworks),
    cardVariants: quads(cardVariants),
    teams: [...teams].map(([id, t]) => ({ id, shares: t.shares, active: [...t.active] })),
    challenges: ch.map((s) => ({ fp: s.c.fp, shares: s.shares, active: [...s.active], board: [...s.board].flat() })),
  };
}
