/**
 * Shared vocabulary of the share-log pipeline. Events and networks are small integers inside
 * the hot loop (cheap to compare and to use as array indexes) and names only in the output.
 */

import type { Dictionaries } from './intern.ts';
import type { Zone } from './timestamp.ts';

export const EVENTS = ['share', 'click', 'reaction', 'comment'] as const;
export const SHARE = 0;
export const CLICK = 1;

/**
 * Where a row comes from, most detailed first: the rank decides which source counts the clicks
 * of a card on a day that two sources both count (store/week.ts, docs/sharelog.md).
 * `hub` = the hub's own files (CSV, JSON Lines, access logs); `matomo-visits` = Matomo's Live
 * visit export; `ga4-events` = Google Analytics 4's BigQuery export (one `session_start` event
 * per row); `matomo-campaigns` = Matomo's Marketing Campaigns report by day; `ga4-sessions` = a
 * GA4 report or exploration CSV (sessions by day and session campaign dimensions); `plausible` =
 * Plausible's site export (every UTM dimension by day); `plausible-campaigns` = the UTM file
 * `utm_campaigns.csv` of Plausible's dashboard download (campaign only).
 */
export const SOURCES = [
  'hub',
  'matomo-visits',
  'ga4-events',
  'matomo-campaigns',
  'ga4-sessions',
  'plausible',
  'plausible-campaigns',
] as const;
export type SourceName = (typeof SOURCES)[number];
export const HUB = 0;
export const MATOMO_VISITS = 1;
export const GA4_EVENTS = 2;
export const MATOMO_CAMPAIGNS = 3;
export const GA4_SESSIONS = 4;
export const PLAUSIBLE = 5;
export const PLAUSIBLE_CAMPAIGNS = 6;

/** What an aggregated row adds to a raw one: how many events it stands for, and its source. */
export interface RowWeight {
  /** Events the row stands for (a report's visits); 1 for an event row. */
  count: number;
  /** Index in SOURCES. */
  source: number;
}

export const NETWORKS = ['linkedin', 'x', 'facebook', 'instagram', 'email', 'teams', 'whatsapp', 'other'] as const;

/** Reject reasons, worded exactly as in the contract (issue 6). */
export const REASONS = [
  'bad timestamp',
  'unknown event',
  'missing network',
  'missing content',
  'bad JSON',
  'wrong field count',
  // Analytics reports (importers/reports.ts): visits that are not a whole number, a Matomo label
  // that is not `Name - Source - Medium - Keyword - Content` (or `Source - Medium - Name`).
  'bad count',
  'bad label',
] as const;
export type Reason = (typeof REASONS)[number];

/** One record as read, before validation. Absent values are ''. Readers reuse one instance. */
export interface RawRow {
  timestamp: string;
  ambassador: string;
  team: string;
  network: string;
  content: string;
  event: string;
  variant: string;
  eventId: string;
}

export type Field = keyof RawRow;

export function emptyRow(): RawRow {
  return {
    timestamp: '',
    ambassador: '',
    team: '',
    network: '',
    content: '',
    event: '',
    variant: '',
    eventId: '',
  };
}

/**
 * A valid event. `day` is the local day number (days since 1970-01-01 in --tz). Strings are
 * interned to ids (see intern.ts); `content` and `ambassador` are the interned names themselves
 * (no copy), kept for the challenge scopes and the opt-in leaderboard.
 */
export interface ShareEvent {
  ms: number;
  day: number;
  event: number;
  network: number;
  /** -1 = anonymous. */
  ambId: number;
  contentId: number;
  /** -1 = no team. */
  teamId: number;
  variantId: number;
  content: string;
  /** Lower-cased ambassador id, '' when anonymous. */
  ambassador: string;
  /** Events this row stands for: 1, or an analytics report's visits for the day (never expanded). */
  count: number;
  /** Index in SOURCES. */
  source: number;
}

export function emptyEvent(): ShareEvent {
  return {
    ms: 0,
    day: 0,
    event: 0,
    network: 0,
    ambId: -1,
    contentId: 0,
    teamId: -1,
    variantId: 0,
    content: '',
    ambassador: '',
    count: 1,
    source: HUB,
  };
}

/** Where records end up: each reader calls exactly one of `row`, `event` or `reject` per record. */
export interface RowSink {
  readonly zone: Zone;
  readonly dicts: Dictionaries;
  /**
   * A record read as strings (JSON Lines, access logs, CSV records with quotes): validated here.
   * `weight` is an aggregated row's count and source (absent: one event of the hub's own files).
   */
  row(row: RawRow, file: string, line: number, raw: string, weight?: RowWeight): void;
  /**
   * A visit of the page shown after a suggestion is sent (`/proposer/envoye/`, access logs only,
   * accesslog.ts SENT): its whole line (deduplicated by hash, never kept) and its time as logged.
   */
  sent?(text: string, time: string): void;
  /**
   * A record a fast reader has already validated into `ev` (ids set). Its event id is the UTF-8
   * text key[start, end), trimmed, whose bytetable.ts hashBytes is `hash`; an empty range means
   * no event id.
   */
  event(ev: ShareEvent, key: Uint8Array, start: number, end: number, hash: number): void;
  reject(file: string, line: number, reason: Reason, raw: string): void;
  /**
   * An analytics campaign (utm_campaign) → the card id it stands for: the card's own id, or the
   * current id of a card that was renamed (its `oldSlugs`); null when it is no known card. With
   * no card list, every campaign stands for itself.
   */
  campaign(name: string): string | null;
  /** A campaign that is no known card: counted per name, reported once each (not a reject). */
  unknownCampaign(name: string, visits?: number): void;
}

export type RejectWriter = (file: string, line: number, reason: Reason, raw: string) => void;

/** A challenge as the aggregator needs it: an inclusive instant range and a content set. */
export interface ChallengeDef {
  id: string;
  start: number;
  end: number;
  /** null = every content counts. */
  contents: ReadonlySet<string> | null;
}

export interface Counts {
  shares: number;
  clicks: number;
}

/** A gzip input that broke (read.ts ArchiveError): its rows before `offset` were counted. */
export interface BrokenArchive {
  file: string;
  /** Compressed bytes decoded before the break; the file's size when it was cut short. */
  offset: number;
  /** zlib's reason (`unexpected end of file`, `invalid block type`, …) or `not gzip data (…)`. */
  message: string;
}

export interface DashboardOutput {
  schemaVersion: 1;
  timezone: string;
  period: { from: string; to: string } | null;
  totals: {
    shares: number;
    clicks: number;
    reactions: number;
    comments: number;
    activeAmbassadors: number;
  };
  byWeek: Array<{ week: string; shares: number; clicks: number; activeAmbassadors: number }>;
  /** Per ISO week and network with an event that week: week order, then NETWORKS order. */
  byWeekNetwork: Array<{ week: string; network: string } & Counts>;
  byNetwork: Array<{ network: string } & Counts>;
  byContent: Array<{ content: string } & Counts>;
  /** Per card and network (cards of byContent only): content order, then NETWORKS order. */
  byContentNetwork: Array<{ content: string; network: string } & Counts>;
  /**
   * Per card and variant ('' = no variant; one shaped like an identifier, with an `@`, is
   * withheld): content order, then variant order.
   */
  byContentVariant: Array<{ content: string; variant: string } & Counts>;
  byTeam: Array<{ team: string; shares: number; activeAmbassadors: number }>;
  /** Clicks per source (SOURCES order, only sources with clicks): who produced the click figures. */
  clicksBySource: Array<{ source: SourceName; clicks: number }>;
  challenges: Array<{
    id: string;
    shares: number;
    activeAmbassadors: number;
    leaderboard: Array<{ displayName: string; shares: number }>;
  }>;
  /**
   * Sent suggestions (`/proposer/envoye/` visits in the access logs) per ISO week of the period;
   * only when the logs hold at least one (suggestions.ts).
   */
  suggestions?: Array<{ week: string; suggestions: number }>;
  ingest: {
    files: number;
    rows: number;
    accepted: number;
    rejected: number;
    duplicates: number;
    outOfRange: number;
    rejectedByReason: Record<Reason, number>;
    /** Only when some archive broke, in input order. */
    brokenArchives?: BrokenArchive[];
    /**
     * Only when an analytics export named campaigns that are no known card: each once, with its
     * visits, most first (an e-mail-shaped name is withheld as `(withheld)`).
     */
    unknownCampaigns?: Array<{ campaign: string; visits: number }>;
  };
}

/**
 * One accepted (deduplicated) event with its names resolved and the ambassador pseudonymised
 * (pseudonym.ts): the row shape of the event table that leaves the pipeline (Parquet export).
 */
export interface EventRecord {
  /** Instant, ms since the epoch (UTC). */
  ms: number;
  /** Local day number in --tz (days since 1970-01-01). */
  day: number;
  event: (typeof EVENTS)[number];
  network: (typeof NETWORKS)[number];
  /** Pseudonym of the ambassador, null when anonymous. */
  ambassador: string | null;
  content: string;
  /** null = no team. */
  team: string | null;
  variant: string;
  /** Events the row stands for (1, or a report's visits). */
  count: number;
  source: SourceName;
}

/** What every ingestion run is told: time zone, k, period, challenges, opt-ins, callbacks. */
export interface IngestOptions {
  zone: Zone;
  /** Minimum active ambassadors for a team to be named (k-anonymity). Default 5. */
  k?: number;
  /** Inclusive local day numbers (see timestamp.ts parseDay). */
  from?: number | undefined;
  to?: number | undefined;
  challenges?: readonly ChallengeDef[];
  /** Opt-in leaderboard: lower-cased ambassador id → chosen display name. */
  optIn?: ReadonlyMap<string, string>;
  onReject?: RejectWriter;
  /**
   * Known campaigns of analytics exports: lower-cased card id or old slug → current card id
   * (programme.ts). Absent: campaigns are taken as they are.
   */
  campaigns?: ReadonlyMap<string, string>;
  onProgress?: (rows: number) => void;
  progressEvery?: number;
}
