import { parse, stringify } from 'yaml';
import { splitFrontmatter } from '../../src/model/frontmatter.ts';
import type { CmsCollection, CmsConfig } from '../config/types.ts';

/** A file Decap is about to write (`persistEntry`'s `dataFiles`). */
export interface DataFile {
  path: string;
  slug: string;
  raw: string;
  newPath?: string;
}

type Data = Record<string, unknown>;

const isBlank = (v: unknown) =>
  v === '' || v === null || v === undefined || (typeof v === 'object' && !Array.isArray(v) && !Object.keys(v).length);

/**
 * Drops what Decap writes for a field the editor left or made empty (`campaign: ''`,
 * `network: null`): the schemas read an absent optional field, not an empty one. Lists keep
 * their items; objects inside lists are cleaned too.
 */
export function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBlanks);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Data = {};
  for (const [k, v] of Object.entries(value)) {
    const clean = withoutBlanks(v);
    if (!isBlank(clean)) out[k] = clean;
  }
  return out;
}

/** Order-independent comparison of parsed YAML. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );

interface Parsed {
  file: DataFile;
  markdown: boolean;
  data: Data;
  body: string;
  collection: CmsCollection | undefined;
  locale: string | undefined;
}

function read(file: DataFile, collections: readonly CmsCollection[]): Parsed {
  const markdown = file.path.endsWith('.md');
  const { data, body } = markdown ? splitFrontmatter(file.raw) : { data: parse(file.raw) as unknown, body: '' };
  const collection = collections.find((c) => c.folder && file.path.startsWith(`${c.folder}/`));
  const locale = collection?.folder ? file.path.slice(collection.folder.length + 1).split('/')[0] : undefined;
  return { file, markdown, data: (data ?? {}) as Data, body, collection, locale };
}

/**
 * What Decap writes, made what the content model reads:
 * - empty optional values are dropped (see `withoutBlanks`);
 * - in a translation, every field that is not translated (`i18n` other than `true`: codes,
 *   dates, enums, references, lists of slugs) takes the French value, as Decap's `duplicate`
 *   does for simple fields but cannot for lists and objects;
 * - a translation nobody wrote is not written. Decap creates every locale's file for a new
 *   entry, the English one holding only copied fields, which the build would reject; the site
 *   shows the French entry with its notice instead.
 * A file whose data does not change keeps Decap's exact text.
 */
export function tidyDataFiles(files: readonly DataFile[], config: Pick<CmsConfig, 'collections' | 'i18n'>): DataFile[] {
  const parsed = files.map((f) => read(f, config.collections));
  const source = parsed.find((p) => p.locale === config.i18n.default_locale);
  return parsed.flatMap((p) => {
    let data = withoutBlanks(p.data) as Data;
    const translation = source && p !== source && p.collection && p.locale !== config.i18n.default_locale;
    if (translation && p.collection) {
      const fields = p.collection.fields ?? [];
      const own = fields.filter((f) => f.i18n === true && f.name !== 'body');
      if (!own.some((f) => f.name in data) && !p.body.trim()) return [];
      const french = withoutBlanks(source.data) as Data;
      data = { ...data };
      for (const f of fields.filter((x) => x.i18n !== true)) {
        if (f.name in french) data[f.name] = french[f.name];
        else delete data[f.name];
      }
    }
    if (canonical(data) === canonical(p.data)) return [p.file];
    const raw = p.markdown ? `---\n${stringify(data)}---\n${p.body}` : stringify(data);
    return [{ ...p.file, raw }];
  });
}
