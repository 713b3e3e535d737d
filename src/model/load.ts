import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { now as buildNow } from '../lib/now.ts';
import type { ObjectiveData } from '../lib/objectives.ts';
import { objectiveProblems } from '../lib/objectives.ts';
import { type FolderCollectionName, fileCollections, folderCollections } from './collections.ts';
import { type Problem, zodProblems } from './errors.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { checkReferences } from './references.ts';
import { locales } from './schemas/common.ts';
import type { Objectives } from './schemas/objectives.ts';
import type { Settings } from './schemas/settings.ts';
import { checkShortCodes } from './shortcodes.ts';
import { checkSlugs, type SlugClaim } from './slugs.ts';
import type { EntryId, LoadedEntry } from './types.ts';
import { checkEventUids } from './uids.ts';
import { parseYaml } from './yaml.ts';

export type { EntryId, LoadedEntry } from './types.ts';

type Schema = (typeof folderCollections)[FolderCollectionName]['schema'];

/**
 * Entry files already parsed by this copy of the module, by schema and path, with the text they
 * were parsed from: a build reads its content with the content check, then the OG images (~0.25 s
 * each on the scaled programme, most of it YAML; the digest pages read it from Astro's bundle,
 * another copy). A file whose text is the same is not parsed again; the result is shared, so
 * callers must not change it.
 */
const parsedFiles = new WeakMap<Schema, Map<string, { text: string; parsed: ParsedEntry }>>();
interface ParsedEntry {
  data: unknown;
  body: string;
  parsed: ReturnType<Schema['safeParse']>;
}

/** The front matter, body and schema check of an entry file's text (throws on bad YAML). */
function parseEntry(schema: Schema, path: string, text: string): ParsedEntry {
  let known = parsedFiles.get(schema);
  if (!known) {
    known = new Map();
    parsedFiles.set(schema, known);
  }
  const hit = known.get(path);
  if (hit?.text === text) return hit.parsed;
  const { data, body } = splitFrontmatter(text);
  const entry = { data, body, parsed: schema.safeParse(data) };
  known.set(path, { text, parsed: entry });
  return entry;
}

/** This project's routes, whose static segments no entry may take (`slugs.ts`). */
const ownPages = fileURLToPath(new URL('../pages/', import.meta.url));

/**
 * Reads and validates the whole `content/` folder outside Astro: every entry against its schema,
 * then references, short codes, event uids and slugs (against the routes in `pagesDir`). Used by
 * the build (to stop with a readable list of every problem), by `npm run check:content` and by
 * the tests. `warnings` holds what depends on the day or the data rather than on the files
 * (an objective's deadline gone by, a target already reached during the baseline): printed,
 * never blocking, because an expired objective must not stop an editor publishing a card.
 */
export function loadContent(
  root: string,
  contentDir = 'content',
  pagesDir = ownPages,
  /** The day deadlines are checked against, and the aggregates targets are checked against. */
  context: { now?: Date; dashboards?: ObjectiveData | null } = {},
): { entries: LoadedEntry[]; problems: Problem[]; warnings: Problem[] } {
  const entries: LoadedEntry[] = [];
  const existing: EntryId[] = [];
  const claims: SlugClaim[] = [];
  const problems: Problem[] = [];
  for (const [name, c] of Object.entries(folderCollections)) {
    for (const locale of locales) {
      const dir = join(root, contentDir, c.folder, locale);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir)
        .filter((n) => n.endsWith('.md'))
        .sort()) {
        const file = `${contentDir}/${c.folder}/${locale}/${f}`;
        const id: EntryId = { collection: name as FolderCollectionName, locale, slug: f.slice(0, -3) };
        existing.push(id);
        const claim: SlugClaim = { collection: id.collection, locale, name: id.slug, file };
        claims.push(claim);
        try {
          const { data, body, parsed } = parseEntry(c.schema, join(dir, f), readFileSync(join(dir, f), 'utf8'));
          if (data && typeof data === 'object' && 'slug' in data) claim.slugField = data.slug;
          if (!parsed.success) problems.push(...zodProblems(file, parsed.error));
          else
            entries.push({
              collection: name as FolderCollectionName,
              locale,
              slug: f.slice(0, -3),
              file,
              data: parsed.data,
              body,
            });
        } catch (err) {
          problems.push({ file, field: '', message: `front matter YAML illisible : ${(err as Error).message}` });
        }
      }
    }
  }
  const files = new Map<string, unknown>();
  for (const c of Object.values(fileCollections)) {
    const file = `${contentDir}/${c.file}`;
    const path = join(root, file);
    if (!existsSync(path)) {
      if (c.file.endsWith('programme.yaml')) problems.push({ file, field: '', message: 'fichier requis introuvable' });
      continue;
    }
    try {
      const parsed = c.schema.safeParse(parseYaml(readFileSync(path, 'utf8')));
      if (!parsed.success) problems.push(...zodProblems(file, parsed.error));
      else files.set(c.file, parsed.data);
    } catch (err) {
      problems.push({ file, field: '', message: `YAML illisible : ${(err as Error).message}` });
    }
  }
  const objectives = files.get(fileCollections.objectives.file) as Objectives | undefined;
  const warnings: Problem[] = [];
  if (objectives) {
    const programme = files.get(fileCollections.settings.file) as Settings | undefined;
    warnings.push(
      ...objectiveProblems(`${contentDir}/${fileCollections.objectives.file}`, objectives, {
        now: context.now ?? buildNow,
        data: context.dashboards ?? null,
        headcount: programme?.headcount ?? 0,
      }),
    );
  }
  problems.push(
    ...checkReferences(entries, existing),
    ...checkShortCodes(entries),
    ...checkEventUids(entries),
    ...checkSlugs(claims, pagesDir),
  );
  return { entries, problems, warnings };
}
