import { resolve } from 'node:path';
import type { LoadedEntry } from '../model/load.ts';
import type { Locale } from '../model/schemas/common.ts';
import { type BuiltDigest, buildDigest, type DigestSources, readSources } from './build.ts';
import { selectDigest } from './select.ts';
import { type DigestView, digestView } from './view.ts';
import { type IsoWeek, nextWeek, weekOf } from './week.ts';

/**
 * The digest the editors preview (`/admin/digest/`): the next one to go out. The Monday job
 * (deploy/ci/) sends the current week's digest on its Monday, so once a week has begun its
 * digest is out and the coming one is next week's.
 */
export const comingWeek = (now: Date): IsoWeek => nextWeek(weekOf(now));

/**
 * The archive's rule: one digest per ISO week, from the week of the programme's first card
 * (the earliest `validFrom` of a card that is not a draft) up to the coming week
 * (`comingWeek`: the week after the one holding the build's "now", `src/lib/now.ts`), newest
 * first. The coming week is listed because its e-mail, previewed from the same build, links to
 * its page (`/lettre/<week>/`): the page must be on the hub before the e-mail goes out, whenever
 * the hub was last published. No card, no archive.
 */
export function archiveWeeks(entries: LoadedEntry[], now: Date): IsoWeek[] {
  const days = entries
    .filter((e) => e.collection === 'cards' && !(e.data as { draft?: boolean }).draft)
    .map((e) => (e.data as { validFrom: Date }).validFrom.getTime());
  if (!days.length) return [];
  const last = comingWeek(now);
  const weeks: IsoWeek[] = [];
  for (let w = weekOf(new Date(Math.min(...days))); w.start <= last.start; w = nextWeek(w)) weeks.push(w);
  return weeks.reverse();
}

let cached: DigestSources | undefined;

/**
 * The site build's sources, read once per build: the content folder it builds
 * (`RELAIS_CONTENT`), the dashboards it reads (`RELAIS_DASHBOARDS`) and its base path, so that
 * the pages and `npm run digest` (given the same environment) select and link alike.
 */
export function siteSources(base: string): DigestSources {
  cached ??= readSources(process.cwd(), process.env.RELAIS_DASHBOARDS ?? '.relais/dashboards.json', {
    contentDir: process.env.RELAIS_CONTENT ?? 'content',
    basePath: base,
    // Bundled by Astro, the content loader cannot find the routes from its own file.
    pagesDir: resolve(process.cwd(), 'src/pages'),
  });
  return cached;
}

const built = new Map<string, Promise<BuiltDigest>>();

/** A week's digest in every channel, exactly as `npm run digest` builds it; built once per build. */
export function siteDigest(week: IsoWeek, locale: Locale, base: string): Promise<BuiltDigest> {
  const key = `${week.id}-${locale}`;
  let digest = built.get(key);
  if (!digest) {
    digest = buildDigest(siteSources(base), week, locale);
    built.set(key, digest);
  }
  return digest;
}

/**
 * What a week's digest is made of before its e-mail is compiled: the pages that show the
 * digest (`/admin/digest/`) are keyed by it (src/lib/cache-key.ts). `buildDigest` makes every
 * channel from the view, the digest settings and the site's host; the e-mail's HTML is MJML's
 * compilation of the view, so a build whose inputs are unchanged reuses those pages and never
 * loads MJML (~1 s of a core on the scaled programme).
 */
export function siteDigestInputs(week: IsoWeek, locale: Locale, base: string): unknown[] {
  // Asked by each of the preview's eight pages: selected once per week and locale, and the
  // same objects each time, which the cache key hashes once (src/lib/cache-key.ts).
  const key = `${week.id}-${locale}`;
  let inputs = inputsOf.get(key);
  if (!inputs) {
    const src = siteSources(base);
    inputs = [digestView(selectDigest({ ...src, week, locale })), src.digest, src.settings.siteUrl, week.id, locale];
    inputsOf.set(key, inputs);
  }
  return inputs;
}
const inputsOf = new Map<string, unknown[]>();

/**
 * A week's digest for the hub's own pages: the e-mail's view (same selection, sections and
 * share-route buttons, without compiling the e-mail), with the hub's absolute links made site-relative so that they stay on
 * the host the page is read from.
 */
export function siteDigestView(week: IsoWeek, locale: Locale, base: string): DigestView {
  const src = siteSources(base);
  const view = digestView(selectDigest({ ...src, week, locale }));
  const root = `${src.settings.siteUrl.replace(/\/+$/, '')}${src.settings.basePath}`;
  const local = (u: string) => (u.startsWith(root) ? `${base}${u.slice(root.length)}` : u);
  return {
    ...view,
    hubUrl: local(view.hubUrl),
    archiveUrl: local(view.archiveUrl),
    sections: view.sections.map((s) => ({
      ...s,
      items: s.items.map((i) => ({
        ...i,
        url: local(i.url),
        ...(i.button ? { button: { ...i.button, url: local(i.button.url) } } : {}),
        ...(i.image ? { image: { ...i.image, url: local(i.image.url) } } : {}),
      })),
    })),
  };
}
