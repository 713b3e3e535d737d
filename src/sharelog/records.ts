/**
 * Accepted events as EventRecords (names resolved, ambassador pseudonymised): the shape in which
 * events leave the pipeline. Today they are fed from the ingest's `onAccepted` hook; once the
 * incremental store lands they come from the store, and consumers (the Parquet export) do not
 * change, since they only ever see EventRecords.
 */
import { createIngest, type IngestOptions } from './ingest.ts';
import type { Dictionaries } from './intern.ts';
import { pseudonym } from './pseudonym.ts';
import { ArchiveError, type InputFile, readInput } from './read.ts';
import {
  type BrokenArchive,
  type DashboardOutput,
  EVENTS,
  type EventRecord,
  NETWORKS,
  type ShareEvent,
} from './types.ts';

/**
 * ShareEvent → EventRecord. The returned record is reused for every call (the hot path of a
 * million-row ingest allocates nothing per row): consumers copy what they keep. Pseudonyms are
 * computed once per interned ambassador (one HMAC per person, not per row).
 */
export function createRecordMapper(dicts: Dictionaries, key: Buffer): (ev: ShareEvent) => EventRecord {
  const pseudonyms: string[] = [];
  const record: EventRecord = {
    ms: 0,
    day: 0,
    event: 'share',
    network: 'other',
    ambassador: null,
    content: '',
    team: null,
    variant: '',
  };
  return (ev) => {
    record.ms = ev.ms;
    record.day = ev.day;
    record.event = EVENTS[ev.event] as EventRecord['event'];
    record.network = NETWORKS[ev.network] as EventRecord['network'];
    if (ev.ambId < 0) record.ambassador = null;
    else {
      let p = pseudonyms[ev.ambId];
      if (p === undefined) pseudonyms[ev.ambId] = p = pseudonym(key, ev.ambassador);
      record.ambassador = p;
    }
    record.content = ev.content;
    record.team = ev.teamId < 0 ? null : (dicts.teams.names[ev.teamId] as string);
    record.variant = dicts.variants.names[ev.variantId] as string;
    return record;
  };
}

/**
 * `ingestFiles` (same reading loop, same result) that also hands every accepted event to
 * `onRecord` as an EventRecord. Kept beside ingest.ts rather than in it: it is the temporary
 * bridge until the records come from the incremental store.
 */
export async function ingestFilesToRecords(
  files: readonly InputFile[],
  opts: IngestOptions,
  key: Buffer,
  onRecord: (record: EventRecord) => void,
): Promise<DashboardOutput> {
  let toRecord: ((ev: ShareEvent) => EventRecord) | undefined;
  const run = createIngest({
    expectedBytes: files.reduce((sum, f) => sum + f.size, 0),
    ...opts,
    onAccepted(ev) {
      opts.onAccepted?.(ev);
      onRecord((toRecord as (ev: ShareEvent) => EventRecord)(ev));
    },
  });
  toRecord = createRecordMapper(run.sink.dicts, key);
  const broken: BrokenArchive[] = [];
  for (const file of files) {
    const source = run.source(file.kind, file.name);
    try {
      for await (const chunk of readInput(file)) source.push(chunk);
    } catch (error) {
      if (!(error instanceof ArchiveError)) throw error;
      broken.push(error.broken);
    }
    source.end();
  }
  return run.finish(files.length, broken);
}
