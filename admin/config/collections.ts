import type { z } from 'astro/zod';
import {
  type FileCollection,
  type FolderCollection,
  fileCollections,
  folderCollections,
} from '../../src/model/collections.ts';
import { cmsFields } from './fields.ts';
import type { CmsCollection, CmsField } from './types.ts';
import { defOf } from './zod.ts';

/** Where Decap reads and writes: paths are relative to the repository root. */
export const contentRoot = 'content';

/** The Markdown below the front matter, translated like the title. */
export const bodyField: CmsField = { name: 'body', label: 'Texte', widget: 'markdown', required: false, i18n: true };

const shapeOf = (schema: z.ZodType, where: string) => {
  const shape = defOf(schema).shape;
  if (!shape) throw new Error(`${where} : le schéma doit être un z.object()`);
  return shape;
};

/**
 * A folder collection: one Markdown file per entry and locale, `content/<folder>/<locale>/<slug>.md`
 * (Decap's `multiple_folders` i18n structure, the layout Astro's loaders read). The file name
 * is the title slugified in ASCII (`Éviter l’effet` → `eviter-l-effet`), the id references use.
 */
export function folderCollection(name: string, c: FolderCollection): CmsCollection {
  return {
    name,
    label: c.label,
    label_singular: c.labelSingular,
    folder: `${contentRoot}/${c.folder}`,
    create: true,
    extension: 'md',
    format: 'yaml-frontmatter',
    slug: '{{slug}}',
    identifier_field: c.summaryField,
    summary: `{{${c.summaryField}}}`,
    sortable_fields: [c.summaryField],
    i18n: true,
    fields: [...cmsFields(shapeOf(c.schema, name)), { ...bodyField }],
  };
}

/** A single YAML file (programme settings, leaderboard opt-ins): not translated. */
export function fileCollection(name: string, c: FileCollection): CmsCollection {
  const fields = stripI18n(cmsFields(shapeOf(c.schema, name)));
  return {
    name,
    label: c.label,
    editor: { preview: false },
    files: [{ name, label: c.label, file: `${contentRoot}/${c.file}`, fields }],
  };
}

/** Fields of untranslated files carry no `i18n` marks (they would mean nothing there). */
function stripI18n(fields: CmsField[]): CmsField[] {
  return fields.map(({ i18n: _, fields: sub, field, ...rest }) => ({
    ...rest,
    ...(sub ? { fields: stripI18n(sub) } : {}),
    ...(field ? { field: stripI18n([field])[0] as CmsField } : {}),
  }));
}

/** Every collection of the content model, in the registry's order. */
export function cmsCollections(): CmsCollection[] {
  return [
    ...Object.entries(folderCollections).map(([name, c]) => folderCollection(name, c)),
    ...Object.entries(fileCollections).map(([name, c]) => fileCollection(name, c)),
  ];
}
