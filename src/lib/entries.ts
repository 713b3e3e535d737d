import { type CollectionEntry, getCollection } from 'astro:content';
import { defaultLocale, type Locale, locales } from '../model/schemas/common.ts';

type Localized = 'cards' | 'capsules' | 'paths' | 'guidelines' | 'testimonials' | 'challenges' | 'events';

/** An entry as shown in one locale: its translation, or the French entry with `fallback`. */
export interface LocalizedEntry<C extends Localized> {
  slug: string;
  locale: Locale;
  /** The locale the text is actually in (`fr` when the translation is missing). */
  contentLocale: Locale;
  fallback: boolean;
  entry: CollectionEntry<C>;
  data: CollectionEntry<C>['data'];
}

const split = (id: string) => {
  const [locale = '', ...rest] = id.split('/');
  return { locale, slug: rest.join('/') };
};

const cache = new Map<string, Promise<unknown>>();

/**
 * Every entry of a collection in a locale, French being the source: each French entry appears
 * once, translated when a translation exists, else in French with `fallback: true`. Drafts are
 * left out. Results are cached for the build: every page asks for the same lists.
 */
export function getLocalized<C extends Localized>(
  collection: C,
  locale: Locale,
): Promise<readonly LocalizedEntry<C>[]> {
  const key = `${collection}/${locale}`;
  // The promise is what is cached: a route keys its pages at the same time (cache-key.ts), so
  // a hundred calls arrive before the first list is made, and each would make its own.
  let list = cache.get(key) as Promise<readonly LocalizedEntry<C>[]> | undefined;
  if (!list) {
    list = localize(collection, locale);
    cache.set(key, list);
  }
  return list;
}

async function localize<C extends Localized>(collection: C, locale: Locale): Promise<readonly LocalizedEntry<C>[]> {
  const all = (await getCollection(collection)) as CollectionEntry<C>[];
  const isDraft = (e: CollectionEntry<C>) => 'draft' in e.data && e.data.draft === true;
  const byLocale = new Map(all.filter((e) => !isDraft(e)).map((e) => [e.id, e]));
  const list: LocalizedEntry<C>[] = [];
  for (const [id, source] of byLocale) {
    const { locale: l, slug } = split(id);
    if (l !== defaultLocale) continue;
    const translated = byLocale.get(`${locale}/${slug}`);
    const entry = translated ?? source;
    list.push({
      slug,
      locale,
      contentLocale: translated ? locale : defaultLocale,
      fallback: !translated,
      entry,
      data: entry.data,
    });
  }
  list.sort((a, b) => a.slug.localeCompare(b.slug));
  // Shared by every page of the build: a page sorting it in place would reorder the lists of
  // the pages rendered after it (the home page's capsules changed order with whether the
  // trainer kit was rendered first). Frozen, such a sort throws instead.
  return Object.freeze(list);
}

/** `getStaticPaths` for a `[...lang]/<section>/[slug]` route: one path per entry and locale. */
export async function localizedPaths<C extends Localized>(collection: C) {
  const paths = [];
  for (const locale of locales) {
    for (const item of await getLocalized(collection, locale)) {
      paths.push({ params: { lang: locale === defaultLocale ? undefined : locale, slug: item.slug }, props: { item } });
    }
  }
  return paths;
}

/** The programme settings (one file). */
export async function getSettings() {
  const [settings] = await getCollection('settings');
  if (!settings) throw new Error('content/settings/programme.yaml : fichier requis introuvable');
  return settings.data;
}
