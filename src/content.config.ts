import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import {
  folderCollections as dc,
  type FileCollection,
  type FolderCollection,
  fileCollections as fc,
} from './model/collections.ts';
import { parseYaml } from './model/yaml.ts';

/**
 * Astro collections, derived from the content model's registry (`model/collections.ts`).
 * Entries live in the top-level `content/` folder as `<collection>/<locale>/<slug>.md`
 * (Decap's `multiple_folders` layout), so an entry's id is `<locale>/<slug>`.
 * `RELAIS_CONTENT` points the build at another folder (relative to the project root, or
 * absolute): the scaled benchmark programme, a CMS preview.
 */
const contentDir = process.env.RELAIS_CONTENT ?? 'content';
const folder = <S extends FolderCollection['schema']>(c: FolderCollection & { schema: S }) =>
  defineCollection({
    loader: glob({ pattern: '*/*.md', base: `${contentDir}/${c.folder}` }),
    schema: c.schema as S,
  });

/** A single-file collection (settings) holds one entry, with id `main`. */
const single = <S extends FileCollection['schema']>(c: FileCollection & { schema: S }) =>
  defineCollection({
    loader: file(`${contentDir}/${c.file}`, {
      // The schema validates the object; a file that is not a mapping fails it with its field names.
      parser: (text) => ({ main: (parseYaml(text) ?? {}) as Record<string, unknown> }),
    }),
    schema: c.schema as S,
  });

/**
 * The leaderboard opt-in list is deliberately not a collection: it holds raw identifiers that
 * only the share-log ingest may read, never the site.
 */
export const collections = {
  cards: folder(dc.cards),
  capsules: folder(dc.capsules),
  paths: folder(dc.paths),
  guidelines: folder(dc.guidelines),
  testimonials: folder(dc.testimonials),
  challenges: folder(dc.challenges),
  events: folder(dc.events),
  settings: single(fc.settings),
};
