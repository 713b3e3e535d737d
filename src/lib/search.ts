import { fr } from '../i18n/fr.ts';
import type { Translate, UIKey } from '../i18n/index.ts';

/** What a page tells the search index about itself; values are ids, not labels. */
export interface SearchMeta {
  type?: 'card' | 'capsule' | 'path' | 'guideline' | 'testimonial' | 'event' | 'challenge' | 'page';
  theme?: string | readonly string[];
  level?: string;
  language?: string;
}

const prefixes: Record<keyof SearchMeta, string> = { type: 'type', theme: 'theme', level: 'level', language: 'lang' };
const names: Record<keyof SearchMeta, UIKey> = {
  type: 'search.filter.type',
  theme: 'search.filter.theme',
  level: 'search.filter.level',
  language: 'search.filter.language',
};

/**
 * Pagefind filters (`name:value`) in the page's language: readers see "Thème : RSE", not
 * "theme:rse". Values without a translation (free capsule themes) are shown as written.
 */
export function searchFilters(t: Translate, meta: SearchMeta): string[] {
  return (Object.keys(meta) as (keyof SearchMeta)[]).flatMap((k) => {
    const raw = meta[k];
    const values = Array.isArray(raw) ? raw : raw ? [raw as string] : [];
    return values.map((v) => {
      const key = `${prefixes[k]}.${v}`;
      const label = key in fr ? t(key as UIKey) : v;
      return `${t(names[k])}:${label}`;
    });
  });
}
