/**
 * The pipeline: readers → validation (reject | out of range | duplicate | accepted) → aggregates
 * and challenges. Readers either hand over string rows (`row`: JSON Lines, access logs, CSV
 * records with escaped quotes), validated here by normalize.ts, or events they validated
 * themselves from bytes (`event`: the CSV fast path). Both end in `take`, so counting, ranges,
 * dedupe and aggregation are one code path. One ShareEvent object is reused for every row.
 */
import { accessLogSource } from './accesslog.ts';
import { createAggregator } from './aggregate.ts';
import { hashBytes } from './bytetable.ts';
import { createChallengeCounter } from './challenges.ts';
import { csvSource } from './csvsource.ts';
import { createDeduper, idKey } from './dedupe.ts';
import { createDictionaries } from './intern.ts';
import { jsonlSource } from './jsonl.ts';
import { normalize } from './normalize.ts';
import { ArchiveError, type InputFile, type InputKind, readInput } from './read.ts';
import type { Zone } from './timestamp.ts';
import {
  type BrokenArchive,
  type ChallengeDef,
  type DashboardOutput,
  emptyEvent,
  REASONS,
  type Reason,
  type RejectWriter,
  type RowSink,
  type ShareEvent,
} from './types.ts';

/** Anything that looks like an e-mail address is a person's identifier, never a group's name. */
export const emailLike = /[^\s@]+@[^\s@]+\.[^\s@]+/;

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
  onProgress?: (rows: number) => void;
  progressEvery?: number;
  /** Called with each accepted (deduplicated) event, after it is counted; `ev` is reused. */
  onAccepted?: (ev: ShareEvent) => void;
  /**
   * Total input bytes, if known: sizes the event-id table up front (a row is ~100 bytes) instead
   * of doubling it ten times on the way to a million ids, each time re-placing every entry.
   */
  expectedBytes?: number;
}

/** A reader: bytes in (any chunking), rows/events/rejects out through the sink. */
export interface Source {
  push(chunk: Uint8Array): void;
  end(): void;
}

const SOURCES: Record<InputKind, (file: string, sink: RowSink) => Source> = {
  csv: csvSource,
  jsonl: jsonlSource,
  log: accessLogSource,
};

export function createIngest(opts: IngestOptions) {
  const { zone, k = 5, from = Number.NEGATIVE_INFINITY, to = Number.POSITIVE_INFINITY } = opts;
  const optIn = opts.optIn ?? new Map<string, string>();
  const every = opts.progressEvery ?? 200_000;
  const progress = opts.onProgress;
  const dicts = createDictionaries();
  /** 1 for ambassadors seen in a valid in-range row (the privacy guard's list; see finish). */
  let inRange = new Uint8Array(1024);
  const isDuplicate = createDeduper(Math.min(1 << 24, Math.max(1 << 12, Math.ceil((opts.expectedBytes ?? 0) / 100))));
  const aggregator = createAggregator();
  const challenges = createChallengeCounter(opts.challenges ?? [], optIn);
  const byReason = Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<Reason, number>;
  const count = { rows: 0, accepted: 0, rejected: 0, duplicates: 0, outOfRange: 0 };
  const ev = emptyEvent();

  function take(e: ShareEvent, key: Uint8Array, start: number, end: number, hash: number): void {
    count.rows++;
    if (progress && count.rows % every === 0) progress(count.rows);
    if (e.day < from || e.day > to) {
      count.outOfRange++;
      return;
    }
    if (e.ambId >= 0) {
      if (e.ambId >= inRange.length) {
        const bigger = new Uint8Array(Math.max(inRange.length * 2, e.ambId + 1));
        bigger.set(inRange);
        inRange = bigger;
      }
      inRange[e.ambId] = 1;
    }
    if (isDuplicate(e, key, start, end, hash)) {
      count.duplicates++;
      return;
    }
    count.accepted++;
    aggregator.add(e);
    challenges.add(e);
    opts.onAccepted?.(e);
  }

  const sink: RowSink = {
    zone,
    dicts,
    reject(file, line, reason, raw) {
      count.rows++;
      count.rejected++;
      byReason[reason]++;
      opts.onReject?.(file, line, reason, raw);
      if (progress && count.rows % every === 0) progress(count.rows);
    },
    row(row, file, line, raw) {
      const reason = normalize(row, zone, dicts, ev);
      if (reason !== null) return sink.reject(file, line, reason, raw);
      const key = idKey(row.eventId.trim());
      take(ev, key.bytes, 0, key.length, hashBytes(key.bytes, 0, key.length));
    },
    event: take,
  };

  return {
    sink,
    source: (kind: InputKind, name: string): Source => SOURCES[kind](name, sink),
    /** `broken`: the archives that broke (read.ts ArchiveError), listed only when there are some. */
    finish(files: number, broken: readonly BrokenArchive[] = []): DashboardOutput {
      // Contents/teams named like an ambassador of an in-range row, or shaped like an e-mail
      // address (someone's identifier typed in the wrong column), are withheld (privacy).
      const hidden = (name: string) => {
        if (emailLike.test(name)) return true;
        const id = dicts.ambassadors.find(name.trim().toLowerCase());
        return id >= 0 && inRange[id] === 1;
      };
      return {
        schemaVersion: 1,
        timezone: zone.name,
        ...aggregator.result(k, dicts.contents.names, dicts.teams.names, hidden),
        challenges: challenges.result(),
        ingest: {
          files,
          ...count,
          rejectedByReason: byReason,
          ...(broken.length > 0 ? { brokenArchives: [...broken] } : {}),
        },
      };
    },
  };
}

/** Reads every file in order (callers pass listInputs' sorted list) and aggregates. */
export async function ingestFiles(files: readonly InputFile[], opts: IngestOptions): Promise<DashboardOutput> {
  const run = createIngest({ expectedBytes: files.reduce((sum, f) => sum + f.size, 0), ...opts });
  const broken: BrokenArchive[] = [];
  for (const file of files) {
    const source = run.source(file.kind, file.name);
    try {
      for await (const chunk of readInput(file)) source.push(chunk);
    } catch (error) {
      // A broken archive's rows up to the break count (its cut last line as any last line).
      if (!(error instanceof ArchiveError)) throw error;
      broken.push(error.broken);
    }
    source.end();
  }
  return run.finish(files.length, broken);
}
