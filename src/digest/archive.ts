import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type LoadedEntry, loadContent } from '../model/load.ts';
import type { Locale } from '../model/schemas/common.ts';
import { digestSchema } from '../model/schemas/digest.ts';
import { settingsSchema } from '../model/schemas/settings.ts';
import { parseYaml } from '../model/yaml.ts';
import type { DashboardFigures } from './select.ts';
import { selectDigest } from './select.ts';
import { type DigestView, digestView } from './view.ts';
import { type IsoWeek, nextWeek, weekOf } from './week.ts';

/**
 * The archive's rule: one digest per ISO week, from the week of the programme's first card
 * (`validFrom` of the earliest card) up to the week the site is built in. Newest first.
 */
export function archiveWeeks(entries: LoadedEntry[], now: Date): IsoWeek[] {
  const days = entries
    .filter((e) => e.collection === 'cards' && !(e.data as { draft?: boolean }).draft)
    .map((e) => (e.data as { validFrom: Date }).validFrom.getTime());
  if (!days.length) return [];
  const last = weekOf(now).id;
  const weeks: IsoWeek[] = [];
  for (let w = weekOf(new Date(Math.min(...days))); weeks.length < 520; w = nextWeek(w)) {
    weeks.push(w);
    if (w.id === last || w.start > now) break;
  }
  return weeks.reverse();
}

let cached:
  | {
      entries: LoadedEntry[];
      settings: ReturnType<typeof settingsSchema.parse>;
      digest: ReturnType<typeof digestSchema.parse>;
      dashboards?: DashboardFigures;
    }
  | undefined;

/** The site build's sources: the content folder the build uses (`RELAIS_CONTENT`) and the dashboards. */
function sources() {
  if (cached) return cached;
  const root = process.cwd();
  const contentDir = process.env.RELAIS_CONTENT ?? 'content';
  const dir = resolve(root, contentDir);
  const { entries } = loadContent(root, contentDir);
  const settings = settingsSchema.parse(parseYaml(readFileSync(join(dir, 'settings/programme.yaml'), 'utf8')));
  const digestFile = join(dir, 'settings/digest.yaml');
  const digest = digestSchema.parse(existsSync(digestFile) ? parseYaml(readFileSync(digestFile, 'utf8')) : {});
  const dashFile = resolve(root, process.env.RELAIS_DASHBOARDS ?? '.relais/dashboards.json');
  const dashboards = existsSync(dashFile)
    ? (JSON.parse(readFileSync(dashFile, 'utf8')) as DashboardFigures)
    : undefined;
  cached = { entries, settings, digest, ...(dashboards ? { dashboards } : {}) };
  return cached;
}

/** The weeks the hub's archive lists (see `archiveWeeks`). */
export const siteArchiveWeeks = (now = new Date()) => archiveWeeks(sources().entries, now);

/**
 * A week's digest for the hub's pages: the same selection and layout as the e-mail, with the
 * hub's links made site-relative under the build's base path (`base`).
 */
export function siteDigestView(week: IsoWeek, locale: Locale, base: string): DigestView {
  const src = sources();
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
