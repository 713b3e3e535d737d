import type { Locale } from '../model/schemas/common.ts';

/** The base path with a trailing slash (`/` or `/hub/`), from Astro's config. */
export const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/**
 * A site-relative path with the base path: `withBase('cartes/')` → `/hub/cartes/`.
 * @example withBase('/cartes/x/') // "/cartes/x/" under base "/"
 */
export function withBase(path: string): string {
  return base + path.replace(/^\//, '');
}

/** A page's path in a locale: French at the root, English under `/en/`. */
export function localePath(locale: Locale, path = ''): string {
  return withBase((locale === 'fr' ? '' : `${locale}/`) + path.replace(/^\//, ''));
}

/** The other locale's address of the current page (for the language switch). */
export function switchLocalePath(pathname: string, to: Locale): string {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  const unprefixed = rest.replace(/^en(\/|$)/, '');
  return localePath(to, unprefixed);
}

/** An absolute URL (for feeds, Open Graph, QR codes) from the site address and the base path. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  const full = path.startsWith(base) ? path : withBase(path);
  return site ? new URL(full, site).href : full;
}

/** The Astro `[...lang]` route parameter for a locale (`undefined` = root). */
export const langParam = (locale: Locale) => (locale === 'fr' ? undefined : locale);
/** The locale of a `[...lang]` route parameter. */
export const paramLocale = (lang: string | undefined): Locale => (lang === 'en' ? 'en' : 'fr');

/** `getStaticPaths` of a `[...lang]` index page: one page per locale. */
export const localeStaticPaths = () =>
  (['fr', 'en'] as const).map((locale) => ({ params: { lang: langParam(locale) }, props: { locale } }));
