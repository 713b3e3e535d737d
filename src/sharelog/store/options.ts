/** What a store run is given and what it reports; shared by store/run.ts and store/finish.ts. */
import type { IngestOptions } from '../types.ts';
import type { openDict } from './dict.ts';
import type { AcceptedHook } from './week.ts';

export interface StoreOptions extends IngestOptions {
  cacheDir: string;
  key: Buffer;
  /** Ignore the cache's content (it is rewritten). */
  full?: boolean;
  /** Read every file again (for --rejects: rejects are never cached, they hold raw rows). */
  reread?: boolean;
  /** A hook for every accepted event (forces every week to be recomputed): the Parquet export. */
  onEvent?: (dict: ReturnType<typeof openDict>) => AcceptedHook;
}

export interface StoreReport {
  /** Why the cache was not used, if it was not. */
  rebuilt: string | null;
  filesRead: number;
  tailsRead: number;
  filesReused: number;
  weeksComputed: number;
  weeks: number;
}
