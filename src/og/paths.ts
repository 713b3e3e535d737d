import { withBase } from '../lib/urls.ts';
import type { Locale } from '../model/schemas/common.ts';
import { type OgKind, ogFile, squareFile } from './files.ts';

/**
 * Where an entry's Open Graph image is served (1200×630 PNG), site-relative with the base.
 * Pages of entries without an image of their own (challenges, lists) use
 * `ogImagePath('default', locale, 'site')`.
 * @example ogImagePath('card', 'fr', 'journee-portes-ouvertes') // "/og/card/fr/journee-portes-ouvertes.png"
 */
export function ogImagePath(kind: OgKind, locale: Locale, slug: string): string {
  return withBase(ogFile(kind, locale, slug));
}

/** The square 1080×1080 visual of a share card. */
export function squareImagePath(locale: Locale, slug: string): string {
  return withBase(squareFile(locale, slug));
}
