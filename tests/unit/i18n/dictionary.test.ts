import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../src/i18n/format.ts';
import { fr } from '../../../src/i18n/fr.ts';
import { useTranslations } from '../../../src/i18n/index.ts';

describe('UI dictionaries', () => {
  it('English only uses keys French defines, with the same placeholders', () => {
    for (const [key, text] of Object.entries(en)) {
      expect(fr).toHaveProperty(key);
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(text), key).toEqual(names(fr[key as keyof typeof fr]));
    }
  });

  it('falls back to French for a key English lacks', () => {
    const missing = (Object.keys(fr) as (keyof typeof fr)[]).find((k) => !(k in en));
    if (!missing) return expect(Object.keys(en).length).toBe(Object.keys(fr).length);
    expect(useTranslations('en')(missing)).toBe(useTranslations('fr')(missing));
  });

  it('chooses plural forms and formats numbers for the locale', () => {
    expect(useTranslations('fr')('cards.count', { n: 1 })).toBe('1 carte');
    expect(useTranslations('fr')('cards.count', { n: 0 })).toBe('0 carte');
    expect(useTranslations('fr')('cards.count', { n: 1500 })).toBe('1\u202f500 cartes');
    expect(useTranslations('en')('cards.count', { n: 0 })).toBe('0 cards');
    expect(useTranslations('en')('cards.count', { n: 1500 })).toBe('1,500 cards');
  });

  it('formats dates in Paris time, in each locale’s words', () => {
    const d = new Date('2026-12-03T08:30:00Z');
    expect(formatDate(d, 'fr')).toBe('3 décembre 2026');
    expect(formatDate(d, 'en')).toBe('3 December 2026');
    expect(formatDateTime(d, 'fr')).toBe('jeudi 3 décembre 2026 à 09:30');
    expect(formatNumber(0.25, 'fr', { style: 'percent' })).toBe('25\u00a0%');
  });
});
