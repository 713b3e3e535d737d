import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FolderCollectionName, folderCollectionNames, folderCollections } from '../../../src/model/collections.ts';
import { splitFrontmatter } from '../../../src/model/frontmatter.ts';
import { type Locale, locales } from '../../../src/model/schemas/common.ts';

/** One sample entry as written: raw front matter (dates stay strings) and Markdown body. */
export interface SampleEntry {
  slug: string;
  data: Record<string, unknown>;
  body: string;
}

/** The sample programme the scaled one is made from. */
export interface Sample {
  /** Entries by collection and locale, sorted by slug. */
  entries: Record<FolderCollectionName, Record<Locale, SampleEntry[]>>;
  /** Files under `settings/`, copied as they are (name → text). */
  settings: Map<string, string>;
}

/**
 * Reads the sample programme (by default the project's `content/`). Front matter is parsed with
 * the `yaml` package's core schema, so dates stay the strings the editors wrote and are written
 * back unchanged.
 */
export function readSample(contentDir: string): Sample {
  const entries = {} as Sample['entries'];
  for (const name of folderCollectionNames) {
    entries[name] = { fr: [], en: [] };
    for (const locale of locales) {
      const dir = join(contentDir, folderCollections[name].folder, locale);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .sort()) {
        const { data, body } = splitFrontmatter(readFileSync(join(dir, file), 'utf8'));
        entries[name][locale].push({ slug: file.slice(0, -3), data: data as Record<string, unknown>, body });
      }
    }
    if (entries[name].fr.length === 0) throw new Error(`${contentDir}: no French ${name} to copy from`);
  }
  const settings = new Map<string, string>();
  const settingsDir = join(contentDir, 'settings');
  if (!existsSync(join(settingsDir, 'programme.yaml'))) throw new Error(`${settingsDir}/programme.yaml not found`);
  for (const f of readdirSync(settingsDir).filter((n) => /\.(ya?ml|json)$/.test(n)))
    settings.set(f, readFileSync(join(settingsDir, f), 'utf8'));
  return { entries, settings };
}
