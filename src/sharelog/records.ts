/**
 * Accepted events as EventRecords (names resolved, ambassador pseudonymised): the shape in which
 * events leave the pipeline (the Parquet export). They come from the store's weekly pass, so
 * they are exactly the events the dashboards count.
 */
import type { InputFile } from './read.ts';
import type { openDict } from './store/dict.ts';
import { ingestWithStore, type StoreOptions, type StoreRun } from './store/run.ts';
import type { AcceptedHook } from './store/week.ts';
import { type DashboardOutput, EVENTS, type EventRecord, NETWORKS, SOURCES } from './types.ts';

/**
 * A store hook that hands each accepted event to `onRecord` as an EventRecord. The record is
 * reused for every call (a million-row export allocates nothing per row): consumers copy what
 * they keep. The store's ambassadors already are pseudonyms (pseudonym.ts, same key).
 */
export function recordHook(
  onRecord: (record: EventRecord) => void,
): (dict: ReturnType<typeof openDict>) => AcceptedHook {
  return (dict) => {
    const record: EventRecord = {
      ms: 0,
      day: 0,
      event: 'share',
      network: 'other',
      ambassador: null,
      content: '',
      team: null,
      variant: '',
      count: 1,
      source: 'hub',
    };
    return (ms, day, amb, content, team, variant, kind, weight, source) => {
      record.ms = ms;
      record.day = day;
      record.event = EVENTS[kind & 7] as EventRecord['event'];
      record.network = NETWORKS[kind >> 3] as EventRecord['network'];
      record.ambassador = amb < 0 ? null : (dict.amb.names[amb] as string);
      record.content = dict.contents.names[content] as string;
      record.team = team < 0 ? null : (dict.teams.names[team] as string);
      record.variant = dict.variants.names[variant] as string;
      record.count = weight;
      record.source = SOURCES[source] as EventRecord['source'];
      onRecord(record);
    };
  };
}

/** The store's run (same result as without the hook) that also exports every accepted event. */
export async function ingestFilesToRecords(
  files: readonly InputFile[],
  opts: StoreOptions,
  onRecord: (record: EventRecord) => void,
): Promise<DashboardOutput> {
  return (await ingestRunToRecords(files, opts, onRecord)).output;
}

/** As ingestFilesToRecords, with the whole run (report, sent suggestions' days). */
export function ingestRunToRecords(
  files: readonly InputFile[],
  opts: StoreOptions,
  onRecord: (record: EventRecord) => void,
): Promise<StoreRun> {
  return ingestWithStore(files, { ...opts, onEvent: recordHook(onRecord) });
}
