/**
 * One input part → its event blocks and its metadata. A part is a whole file, or the tail
 * appended to a file since the last build. Each part has its own dictionaries, so parts can be
 * read in any order (or in parallel) and reused whenever the same bytes turn up again (a rotated
 * or compressed copy); the aggregation maps them to the store's global ids (store/dict.ts).
 *
 * Only valid, in-range rows become events; counts of rows, rejects by reason and rows out of
 * range are kept per part, so the ingest summary never needs the rows again.
 */
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { accessLogSource, logTime } from '../accesslog.ts';
import { csvSource } from '../csvsource.ts';
import { idKey } from '../dedupe.ts';
import { createDictionaries } from '../intern.ts';
import { jsonlSource } from '../jsonl.ts';
import { normalize } from '../normalize.ts';
import { pseudonym } from '../pseudonym.ts';
import type { InputKind } from '../read.ts';
import { mondayOf, parseTimestamp, type Zone } from '../timestamp.ts';
import { emptyEvent, HUB, REASONS, type Reason, type RejectWriter, type RowSink, type ShareEvent } from '../types.ts';
import { utf16Aware } from '../utf16.ts';
import { createBuilder, HAS_ID } from './blocks.ts';
import { lane } from './hash.ts';

export interface PartMeta {
  /** Name of the block file under `<cache>/parts/`. */
  id: string;
  rows: number;
  rejected: number;
  outOfRange: number;
  /** Valid rows in range (accepted + duplicates, once deduplicated with the other parts). */
  valid: number;
  /** Rejects per reason, in REASONS order. */
  byReason: number[];
  /** [monday, byte offset, event count] per block, in file order. */
  blocks: Array<[number, number, number]>;
  /** The part's dictionaries: ambassadors as pseudonyms only, never in clear. */
  dict: { amb: string[]; contents: string[]; teams: string[]; variants: string[] };
  /** Local ambassador ids seen in a valid in-range row (the privacy guard, see merge.ts). */
  inRange: number[];
  /** Analytics campaigns that are no known card → visits (absent when none). */
  unknown?: Record<string, number>;
  /**
   * Sent-suggestion visits (access logs): [local day, hash lanes of the line] each, so a line
   * met in two files counts once (finish.ts); absent when none. Never the line itself.
   */
  sent?: Array<[number, number, number]>;
}

export interface PartContext {
  zone: Zone;
  from: number;
  to: number;
  key: Buffer;
  seeds: [number, number];
  partsDir: string;
  onReject?: RejectWriter | undefined;
  onRow?: (() => void) | undefined;
  /** See IngestOptions.campaigns. */
  campaigns?: ReadonlyMap<string, string> | undefined;
}

type Source = { push(c: Uint8Array): void; end(): void; endsBetweenRecords?(): boolean };

const SOURCES: Record<InputKind, (file: string, sink: RowSink) => Source> = {
  csv: (file, sink) => utf16Aware(csvSource(file, sink)),
  jsonl: jsonlSource,
  log: accessLogSource,
};

/** Events buffered before every open block is written out: bounds a part's memory (~9 MB). */
const FLUSH_EVENTS = 1 << 18;

/**
 * A part being read: `source` takes the bytes, `finish` writes the block file and returns the
 * metadata. `lineOffset` shifts reported line numbers (a tail starts after the lines before it).
 */
export function openPart(id: string, name: string, kind: InputKind, lineOffset: number, ctx: PartContext) {
  const dicts = createDictionaries();
  const byReason = REASONS.map(() => 0);
  const reasonIndex = new Map<Reason, number>(REASONS.map((r, i) => [r, i]));
  const meta: PartMeta = {
    id,
    rows: 0,
    rejected: 0,
    outOfRange: 0,
    valid: 0,
    byReason,
    blocks: [],
    dict: { amb: [], contents: [], teams: [], variants: [] },
    inRange: [],
  };
  const inRange = new Set<number>();
  const unknown = new Map<string, number>();
  const sent: Array<[number, number, number]> = [];
  const builders = new Map<number, ReturnType<typeof createBuilder>>();
  const temp = join(ctx.partsDir, `${id}.${process.pid}.tmp`);
  const fd = openSync(temp, 'w');
  let offset = 0;
  let buffered = 0;
  const [s0, s1] = ctx.seeds;

  function flush(): void {
    for (const [monday, b] of builders) {
      if (b.block.count === 0) continue;
      const count = b.block.count;
      const bytes = b.encode(monday);
      writeSync(fd, bytes);
      meta.blocks.push([monday, offset, count]);
      offset += bytes.length;
    }
    buffered = 0;
  }

  function take(e: ShareEvent, key: Uint8Array, start: number, end: number): void {
    meta.rows++;
    ctx.onRow?.();
    if (e.day < ctx.from || e.day > ctx.to) {
      meta.outOfRange++;
      return;
    }
    meta.valid++;
    if (e.ambId >= 0) inRange.add(e.ambId);
    const monday = mondayOf(e.day);
    let b = builders.get(monday);
    if (!b) {
      b = createBuilder();
      builders.set(monday, b);
    }
    const hasId = end > start;
    const kind = e.network * 8 + e.event + (hasId ? HAS_ID : 0);
    const hi = hasId ? lane(key, start, end, s0) : 0;
    const lo = hasId ? lane(key, start, end, s1) : 0;
    b.push(e.ms, e.ambId, e.contentId, e.teamId, e.variantId, hi, lo, kind, e.day - monday, e.count, e.source);
    if (++buffered >= FLUSH_EVENTS) flush();
  }

  const ev = emptyEvent();
  const sink: RowSink = {
    zone: ctx.zone,
    dicts,
    reject(file, line, reason, raw) {
      meta.rows++;
      meta.rejected++;
      const r = reasonIndex.get(reason) as number;
      byReason[r] = (byReason[r] as number) + 1;
      ctx.onRow?.();
      ctx.onReject?.(file, line + lineOffset, reason, raw);
    },
    row(row, file, line, raw, weight) {
      const reason = normalize(row, ctx.zone, dicts, ev);
      if (reason !== null) return sink.reject(file, line, reason, raw);
      ev.count = weight?.count ?? 1;
      ev.source = weight?.source ?? HUB;
      const k = idKey(row.eventId.trim());
      take(ev, k.bytes, 0, k.length);
    },
    event: (e, key, start, end) => take(e, key, start, end),
    campaign(name) {
      if (!ctx.campaigns) return name;
      return ctx.campaigns.get(name.trim().toLowerCase()) ?? null;
    },
    sent(text, time) {
      const ms = parseTimestamp(logTime(time), ctx.zone);
      if (Number.isNaN(ms)) return;
      const bytes = Buffer.from(text);
      sent.push([ctx.zone.dayOf(ms), lane(bytes, 0, bytes.length, s0), lane(bytes, 0, bytes.length, s1)]);
    },
    unknownCampaign(name, visits = 1) {
      const n = name.trim();
      unknown.set(n, (unknown.get(n) ?? 0) + visits);
    },
  };

  return {
    source: SOURCES[kind](name, sink),
    finish(): PartMeta {
      flush();
      closeSync(fd);
      renameSync(temp, join(ctx.partsDir, id));
      meta.dict = {
        amb: dicts.ambassadors.names.map((a) => pseudonym(ctx.key, a)),
        contents: dicts.contents.names,
        teams: dicts.teams.names,
        variants: dicts.variants.names,
      };
      meta.inRange = [...inRange];
      if (unknown.size > 0) meta.unknown = Object.fromEntries(unknown);
      if (sent.length > 0) meta.sent = sent;
      return meta;
    },
    abort(): void {
      closeSync(fd);
    },
  };
}
