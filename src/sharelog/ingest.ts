/**
 * The pipeline: readers → normalize → (reject | out of range | duplicate | accepted) →
 * aggregates and challenges. One ShareEvent object is reused for every row: the hot loop
 * allocates nothing but the dedupe key.
 */
import { accessLogSource } from './accesslog.ts';
import { createAggregator } from './aggregate.ts';
import { createChallengeCounter } from './challenges.ts';
import { csvSource } from './csv.ts';
import { createDeduper, createInterner } from './dedupe.ts';
import { jsonlSource } from './jsonl.ts';
import { normalize } from './normalize.ts';
import { type InputFile, type InputKind, readText } from './read.ts';
import type { Zone } from './timestamp.ts';
import {
  type ChallengeDef,
  type DashboardOutput,
  REASONS,
  type Reason,
  type RejectWriter,
  type RowSink,
  type ShareEvent,
} from './types.ts';

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
}

const SOURCES = { csv: csvSource, jsonl: jsonlSource, log: accessLogSource };

export function createIngest(opts: IngestOptions) {
  const { zone, k = 5, from = Number.NEGATIVE_INFINITY, to = Number.POSITIVE_INFINITY } = opts;
  const optIn = opts.optIn ?? new Map<string, string>();
  const every = opts.progressEvery ?? 200_000;
  const ambassadors = createInterner();
  const contents = createInterner();
  const isDuplicate = createDeduper();
  const aggregator = createAggregator();
  const challenges = createChallengeCounter(opts.challenges ?? [], optIn);
  const byReason = Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<Reason, number>;
  const count = { rows: 0, accepted: 0, rejected: 0, duplicates: 0, outOfRange: 0 };
  const ev: ShareEvent = {
    ms: 0,
    ambId: -1,
    contentId: 0,
    day: 0,
    event: 0,
    network: 0,
    content: '',
    ambassador: '',
    team: '',
    variant: '',
    eventId: '',
  };

  const sink: RowSink = {
    reject(file, line, reason, raw) {
      count.rows++;
      count.rejected++;
      byReason[reason]++;
      opts.onReject?.(file, line, reason, raw);
      if (opts.onProgress && count.rows % every === 0) opts.onProgress(count.rows);
    },
    row(row, file, line, raw) {
      const reason = normalize(row, zone, ev);
      if (reason !== null) return sink.reject(file, line, reason, raw);
      count.rows++;
      if (opts.onProgress && count.rows % every === 0) opts.onProgress(count.rows);
      if (ev.day < from || ev.day > to) {
        count.outOfRange++;
        return;
      }
      ev.ambId = ev.ambassador === '' ? -1 : ambassadors.id(ev.ambassador);
      ev.contentId = contents.id(ev.content);
      if (isDuplicate(ev)) {
        count.duplicates++;
        return;
      }
      count.accepted++;
      aggregator.add(ev);
      challenges.add(ev);
    },
  };

  return {
    sink,
    source: (kind: InputKind, name: string) => SOURCES[kind](name, sink),
    finish(files: number): DashboardOutput {
      const hidden = (name: string) => ambassadors.has(name.trim().toLowerCase());
      return {
        schemaVersion: 1,
        timezone: zone.name,
        ...aggregator.result(k, contents.names, hidden),
        challenges: challenges.result(),
        ingest: { files, ...count, rejectedByReason: byReason },
      };
    },
  };
}

/** Reads every file in order (callers pass listInputs' sorted list) and aggregates. */
export async function ingestFiles(files: readonly InputFile[], opts: IngestOptions): Promise<DashboardOutput> {
  const run = createIngest(opts);
  for (const file of files) {
    const source = run.source(file.kind, file.name);
    for await (const chunk of readText(file.path)) source.push(chunk);
    source.end();
  }
  return run.finish(files.length);
}
