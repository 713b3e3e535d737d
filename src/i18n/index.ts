import type { Locale } from '../model/schemas/common.ts';
import { en } from './en.ts';
import { type Dictionary, fr, type UIKey } from './fr.ts';

export type { UIKey } from './fr.ts';

const dictionaries: Record<Locale, Partial<Dictionary>> = { fr, en };

/** BCP 47 tags for `Intl` and `lang` attributes. */
export const intlLocale: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * Returns `t(key, values)` for a locale: the locale's string, else the French one (the
 * complete dictionary). `{name}` placeholders are replaced; `one|other` plural forms are
 * chosen from `values.n` with `Intl.PluralRules`, and numbers are formatted for the locale.
 * @example t('cards.count', { n: 3 }) // "3 cartes"
 */
export function useTranslations(locale: Locale): Translate {
  // One translator per locale for the whole build: every component of every page asks for one,
  // and building Intl objects eleven thousand times over shows in the build time.
  const cached = translators.get(locale);
  if (cached) return cached;
  const t = createTranslator(locale);
  translators.set(locale, t);
  return t;
}

/** `t(key, values)`: see `useTranslations`. */
export type Translate = (key: UIKey, values?: Record<string, string | number>) => string;
const translators = new Map<Locale, Translate>();

function createTranslator(locale: Locale): Translate {
  const dict = dictionaries[locale];
  const plural = new Intl.PluralRules(intlLocale[locale]);
  const number = new Intl.NumberFormat(intlLocale[locale]);
  return function t(key: UIKey, values: Record<string, string | number> = {}): string {
    let text: string | undefined = dict[key] ?? fr[key];
    if (text === undefined) throw new Error(`Texte d’interface manquant : « ${key} » (à ajouter dans src/i18n/fr.ts)`);
    if (text.includes('|') && typeof values.n === 'number') {
      const [one, other = one] = text.split('|');
      text = (plural.select(values.n) === 'one' ? one : other) ?? text;
    }
    return text.replace(/\{(\w+)\}/g, (m, name: string) => {
      const v = values[name];
      return v === undefined ? m : typeof v === 'number' ? number.format(v) : v;
    });
  };
}

/** Whether a key is translated in the locale (the rest shows French). */
export const isTranslated = (locale: Locale, key: UIKey) => key in dictionaries[locale];
