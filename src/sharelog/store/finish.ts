/**
 * The second half of a run: weeks whose contributing parts (or overlapping challenges) changed
 * are recomputed from their blocks, the others keep their cached aggregates; then the dashboards
 * are merged, the manifest is written and parts no file uses any more are deleted.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { emailLike, pseudonym } from '../pseudonym.ts';
import type { InputFile } from '../read.ts';
import { type DashboardOutput, REASONS, type Reason } from '../types.ts';
import { blockReader } from './blockfile.ts';
import { openDict, type Remap } from './dict.ts';
import { type FileEntry, type Manifest, writeManifest } from './manifest.ts';
import { mergeWeeks } from './merge.ts';
import type { StoreOptions, StoreReport } from './options.ts';
import type { PartMeta } from './part.ts';
import { type Contributor, computeWeek, type WeekPartial } from './week.ts';
import { challengePlan } from './weekchallenges.ts';

export interface FinishInput {
  files: readonly InputFile[];
  opts: StoreOptions;
  old: Manifest;
  entries: FileEntry[];
  parts: Record<string, PartMeta>;
  report: StoreReport;
  partsDir: string;
  stamp: string;
  seeds: [number, number];
}

/** What a store run gives: the dashboards, what it reread, and the sent suggestions' days. */
export interface StoreRun {
  output: DashboardOutput;
  report: StoreReport;
  /** Local days of the sent-suggestion visits (each line once), for suggestions.ts. */
  suggestionDays: number[];
}

/** Sent-suggestion days of the files' parts; a line found in two files (same hash) counts once. */
function sentDays(entries: FinishInput['entries'], parts: FinishInput['parts']): number[] {
  const seen = new Set<string>();
  const days: number[] = [];
  for (const e of entries) {
    for (const id of e.parts) {
      for (const [day, hi, lo] of (parts[id] as PartMeta).sent ?? []) {
        const k = `${hi},${lo}`;
        if (seen.has(k)) continue;
        seen.add(k);
        days.push(day);
      }
    }
  }
  return days;
}

export function finishRun(input: FinishInput): StoreRun {
  const { opts, old, entries, parts, report } = input;
  const dict = openDict(old.dict);
  const remaps = new Map<string, Remap>();
  const remapOf = (id: string) => {
    let r = remaps.get(id);
    if (!r) {
      r = dict.remap(parts[id] as PartMeta);
      remaps.set(id, r);
    }
    return r;
  };
  // Contributors of each week, in input order (a copied file contributes twice).
  const contributors = new Map<number, string[]>();
  for (const e of entries) {
    for (const id of e.parts) {
      remapOf(id);
      const seen = new Set<number>();
      for (const [monday] of (parts[id] as PartMeta).blocks) {
        if (seen.has(monday)) continue;
        seen.add(monday);
        contributors.set(monday, [...(contributors.get(monday) ?? []), id]);
      }
    }
  }
  const plan = challengePlan(opts.challenges ?? [], opts.zone, dict.contents.find);
  const hook = opts.onEvent?.(dict);
  const reader = blockReader(input.partsDir);
  const weeks = new Map<number, { contributors: string; partial: WeekPartial }>();
  try {
    for (const monday of [...contributors.keys()].sort((a, b) => a - b)) {
      const ids = contributors.get(monday) as string[];
      const signature = ids.join(',');
      const cached = old.weeks.get(monday);
      const challenges = plan.forWeek(monday);
      const fresh =
        cached?.contributors === signature &&
        challenges.every((c) => cached.partial.challenges.some((p) => p.fp === c.fp));
      if (fresh && !hook) {
        weeks.set(monday, cached);
        continue;
      }
      const list: Contributor[] = ids.map((id) => ({
        remap: remapOf(id),
        *blocks() {
          for (const [m, offset, count] of (parts[id] as PartMeta).blocks) {
            if (m === monday) yield reader.read(id, monday, offset, count);
          }
        },
      }));
      weeks.set(monday, { contributors: signature, partial: computeWeek(monday, list, challenges, input.seeds, hook) });
      report.weeksComputed++;
    }
  } finally {
    reader.close();
  }
  report.weeks = weeks.size;
  const output = dashboards(input, dict, weeks, plan.list);
  const used = new Set(entries.flatMap((e) => e.parts));
  const kept = Object.fromEntries(Object.entries(parts).filter(([id]) => used.has(id)));
  writeManifest(opts.cacheDir, opts.key, { stamp: input.stamp, dict: dict.data(), parts: kept, files: entries, weeks });
  // Parts no file uses any more, and what a killed build left half written (we hold the lock).
  for (const name of readdirSync(input.partsDir)) {
    if (!used.has(name)) rmSync(join(input.partsDir, name), { force: true });
  }
  for (const name of readdirSync(opts.cacheDir)) {
    if (/^manifest\.\d+\.tmp$/.test(name)) rmSync(join(opts.cacheDir, name), { force: true });
  }
  return { output, report, suggestionDays: sentDays(entries, parts) };
}

function dashboards(
  input: FinishInput,
  dict: ReturnType<typeof openDict>,
  weeks: Map<number, { partial: WeekPartial }>,
  challenges: Array<{ id: string; fp: string }>,
): DashboardOutput {
  const { opts, entries, parts } = input;
  const key = opts.key;
  const inRange = new Set<string>();
  const count = { rows: 0, accepted: 0, rejected: 0, duplicates: 0, outOfRange: 0 };
  const byReason = Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<Reason, number>;
  let valid = 0;
  const unknown = new Map<string, number>();
  for (const e of entries) {
    for (const id of e.parts) {
      const p = parts[id] as PartMeta;
      count.rows += p.rows;
      count.rejected += p.rejected;
      count.outOfRange += p.outOfRange;
      valid += p.valid;
      REASONS.forEach((r, i) => {
        byReason[r] += p.byReason[i] as number;
      });
      for (const a of p.inRange) inRange.add(p.dict.amb[a] as string);
      for (const [name, n] of Object.entries(p.unknown ?? {})) {
        const shown = emailLike.test(name) ? '(withheld)' : name;
        unknown.set(shown, (unknown.get(shown) ?? 0) + n);
      }
    }
  }
  for (const { partial } of weeks.values()) count.accepted += partial.accepted;
  const broken = entries.flatMap((e) => (e.broken ? [{ ...e.broken, file: e.name }] : []));
  count.duplicates = valid - count.accepted;
  // Contents/teams named like an ambassador of an in-range row, or shaped like an e-mail
  // address (someone's identifier typed in the wrong column), are withheld (privacy).
  const hidden = (name: string) => emailLike.test(name) || inRange.has(pseudonym(key, name.trim().toLowerCase()));
  const optIn = new Map<number, string>();
  for (const [id, displayName] of opts.optIn ?? []) {
    const amb = dict.amb.find(pseudonym(key, id));
    if (amb >= 0) optIn.set(amb, displayName);
  }
  const partials = new Map([...weeks].map(([m, w]) => [m, w.partial]));
  const merged = mergeWeeks({
    weeks: partials,
    contentNames: dict.contents.names,
    teamNames: dict.teams.names,
    variantNames: dict.variants.names,
    k: opts.k ?? 5,
    hidden,
    challenges,
    optIn,
  });
  const { challenges: ch, ...rest } = merged;
  return {
    schemaVersion: 1,
    timezone: opts.zone.name,
    ...rest,
    challenges: ch,
    ingest: {
      files: input.files.length,
      ...count,
      rejectedByReason: byReason,
      ...(broken.length > 0 ? { brokenArchives: broken } : {}),
      ...(unknown.size > 0
        ? {
            unknownCampaigns: [...unknown]
              .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
              .map(([campaign, visits]) => ({ campaign, visits })),
          }
        : {}),
    },
  };
}
