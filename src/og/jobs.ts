import type { LoadedEntry } from '../model/load.ts';
import { defaultLocale, type Locale, locales } from '../model/schemas/common.ts';
import type { Settings } from '../model/schemas/settings.ts';
import type { OgContent, OgFormat } from './content.ts';
import { defaultContent, entryContent, type ImagedCollection, kindOf } from './describe.ts';
import { ogFile, squareFile } from './files.ts';

/** One image to produce: where it goes in the build output, its format and what it shows. */
export interface OgJob {
  /** Path inside the output folder, e.g. `og/card/fr/x.png`. */
  file: string;
  format: OgFormat;
  content: OgContent;
}

const isDraft = (e: LoadedEntry) => (e.data as { draft?: boolean }).draft === true;
const imaged = (c: string): c is ImagedCollection => c in kindOf;

/**
 * Every image the site links to, following the pages' own rules (`src/lib/entries.ts`):
 * each French entry that is not a draft, in every locale, translated when a translation exists
 * and else in French; a share card also gets its square visual; each locale has a default image.
 */
export function ogJobs(entries: LoadedEntry[], settings: Settings): OgJob[] {
  const live = entries.filter((e) => imaged(e.collection) && !isDraft(e));
  const byKey = new Map(live.map((e) => [`${e.collection}/${e.locale}/${e.slug}`, e]));
  const jobs: OgJob[] = locales.map((locale) => ({
    file: ogFile('default', locale, 'site'),
    format: 'wide' as const,
    content: defaultContent(settings, locale),
  }));
  for (const source of live.filter((e) => e.locale === defaultLocale)) {
    const collection = source.collection as ImagedCollection;
    for (const locale of locales) {
      const entry = byKey.get(`${collection}/${locale}/${source.slug}`) ?? source;
      const content = entryContent(collection, entry.data, entry.locale as Locale);
      jobs.push({ file: ogFile(kindOf[collection], locale, source.slug), format: 'wide', content });
      if (collection === 'cards') jobs.push({ file: squareFile(locale, source.slug), format: 'square', content });
    }
  }
  return jobs;
}
