/**
 * Shared vocabulary of the share-log pipeline. Events and networks are small integers inside
 * the hot loop (cheap to compare and to use as array indexes) and names only in the output.
 */

export const EVENTS = ['share', 'click', 'reaction', 'comment'] as const;
export const SHARE = 0;
export const CLICK = 1;

export const NETWORKS = ['linkedin', 'x', 'facebook', 'instagram', 'email', 'teams', 'whatsapp', 'other'] as const;

/** Reject reasons, worded exactly as in the contract (issue 6). */
export const REASONS = [
  'bad timestamp',
  'unknown event',
  'missing network',
  'missing content',
  'bad JSON',
  'wrong field count',
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

/** A valid event. `day` is the local day number (days since 1970-01-01 in --tz). */
export interface ShareEvent {
  ms: number;
  /** Interned ambassador (-1 = anonymous) and content, set by the pipeline after validation. */
  ambId: number;
  contentId: number;
  day: number;
  event: number;
  network: number;
  content: string;
  ambassador: string;
  team: string;
  variant: string;
  eventId: string;
}

/** Where rows end up: each reader calls `row` or `reject`, never both for one record. */
export interface RowSink {
  row(row: RawRow, file: string, line: number, raw: string): void;
  reject(file: string, line: number, reason: Reason, raw: string): void;
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
  byNetwork: Array<{ network: string } & Counts>;
  byContent: Array<{ content: string } & Counts>;
  byTeam: Array<{ team: string; shares: number; activeAmbassadors: number }>;
  challenges: Array<{
    id: string;
    shares: number;
    activeAmbassadors: number;
    leaderboard: Array<{ displayName: string; shares: number }>;
  }>;
  ingest: {
    files: number;
    rows: number;
    accepted: number;
    rejected: number;
    duplicates: number;
    outOfRange: number;
    rejectedByReason: Record<Reason, number>;
  };
}
