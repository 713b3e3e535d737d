import type { FolderCollectionName } from './collections.ts';

/** Which entry a file is: its collection, locale and slug (file name). */
export interface EntryId {
  collection: FolderCollectionName;
  locale: string;
  slug: string;
}

export interface LoadedEntry extends EntryId {
  /** Path relative to the project root. */
  file: string;
  data: unknown;
  body: string;
}
