import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type FolderCollectionName, folderCollections } from './collections.ts';
import type { Problem } from './errors.ts';
import { defaultLocale } from './schemas/common.ts';

/** A content file and the address Astro will give it. */
export interface SlugClaim {
  collection: FolderCollectionName;
  locale: string;
  /** File name without `.md`. */
  name: string;
  file: string;
  /** A front-matter `slug`, which Astro's loader takes as the entry's id instead of the file name. */
  slugField?: unknown;
}

const plainSlug = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The static routes of a section (`charte` → `imprimer`, `index`; `cartes` → `flux.xml`,
 * `theme`), read from the route files themselves so that a new page can never be shadowed by
 * an entry: folders and files not named `[param]` under `src/pages/[...lang]/<route>/` (and a
 * root-level `src/pages/<route>/`), with the page file each one comes from.
 */
export function reservedSlugs(pagesDir: string, route: string): Map<string, string> {
  if (!existsSync(join(pagesDir, '[...lang]')))
    throw new Error(`${pagesDir} : dossier des routes introuvable (attendu src/pages/[...lang]/)`);
  const reserved = new Map<string, string>();
  for (const dir of [join(pagesDir, '[...lang]', route), join(pagesDir, route)]) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      // `[slug].astro`, `[dim]/`: parameters; `_x`: files Astro leaves out of routing.
      if (/^[[_]/.test(entry.name)) continue;
      const segment = entry.isDirectory() ? entry.name : entry.name.replace(/\.(astro|md|mdx|html|ts|js)$/, '');
      reserved.set(segment, relative(join(pagesDir, '..', '..'), join(dir, entry.name)));
    }
  }
  return reserved;
}

/**
 * Two entries at one address, or an entry at the address of a page, would make one page
 * silently replace the other. Per collection and locale (each locale is its own address
 * space), every file's slug, the file name unless a `slug` field overrides it as Astro's
 * loader does, must be a plain slug, unique, and none of the section's static routes.
 */
export function checkSlugs(claims: readonly SlugClaim[], pagesDir: string): Problem[] {
  const problems: Problem[] = [];
  const owners = new Map<string, SlugClaim>();
  const reserved = new Map<string, Map<string, string>>();
  for (const c of claims) {
    const route = folderCollections[c.collection].route;
    if (!reserved.has(route)) reserved.set(route, reservedSlugs(pagesDir, route));
    const field = c.slugField === undefined || c.slugField === null || c.slugField === '' ? undefined : 'slug';
    const id = field ? String(c.slugField) : `${c.locale}/${c.name}`;
    const slug = id.startsWith(`${c.locale}/`) ? id.slice(c.locale.length + 1) : '';
    if (!plainSlug.test(slug)) {
      problems.push({
        file: c.file,
        field: field ?? '',
        message: field
          ? `« ${id} » : l’adresse d’une entrée est le nom de son fichier ; retirez ce champ (ou écrivez « ${c.locale}/<minuscules-chiffres-tirets> »)`
          : `nom de fichier « ${c.name} » : il fait l’adresse de la page, attendu minuscules, chiffres et tirets`,
      });
      continue;
    }
    const page = reserved.get(route)?.get(slug);
    const address = `/${c.locale === defaultLocale ? '' : `${c.locale}/`}${route}/${slug}/`;
    if (page)
      problems.push({
        file: c.file,
        field: field ?? '',
        message: `le slug « ${slug} » est déjà l’adresse de la page ${page} (${address}) : renommez le fichier`,
      });
    const key = `${c.collection}/${id}`;
    const owner = owners.get(key);
    if (owner)
      problems.push({
        file: c.file,
        field: field ?? '',
        message: `le slug « ${slug} » est déjà celui de ${owner.file} : deux entrées à la même adresse`,
      });
    else owners.set(key, c);
  }
  return problems;
}
