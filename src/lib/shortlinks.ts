import { absoluteUrl, withBase } from './urls.ts';

/**
 * Trainers' short links: `/c/<code>/` for every capsule, learning path and event, at the root
 * only (language-neutral: a code read aloud in a webinar must work for everyone). Codes and
 * their aliases are unique across the hub; `model/shortcodes.ts` stops the build otherwise.
 */

/** Kinds of entries that carry a short code, with the French section they live in. */
export const shortLinkSections = { capsule: 'capsules', path: 'parcours', event: 'agenda' } as const;
export type ShortLinkKind = keyof typeof shortLinkSections;

/** What a short-linked entry contributes: its kind, slug, code and old codes. */
export interface ShortLinked {
  kind: ShortLinkKind;
  slug: string;
  title: string;
  code: string;
  aliases: readonly string[];
}

/** One `/c/<code>/` page: the code, the French page it leads to, and whether it is an alias. */
export interface ShortLinkRoute {
  code: string;
  target: string;
  title: string;
  alias: boolean;
}

/**
 * The site-relative short link with the base path.
 * @example shortLinkPath('charte') // "/c/charte/" under base "/"
 */
export const shortLinkPath = (code: string) => withBase(`c/${code}/`);

/**
 * The absolute short link, as printed on slides and encoded in QR codes.
 * @example shortLinkUrl('charte', new URL('https://relais.example')) // "https://relais.example/c/charte/"
 */
export const shortLinkUrl = (code: string, site: URL | undefined) => absoluteUrl(shortLinkPath(code), site);

/**
 * A short link's QR code as a file to download (`svg` or `png`), next to its `/c/<code>/` page.
 * @example qrFilePath('charte', 'png') // "/c/charte/qr.png" under base "/"
 */
export const qrFilePath = (code: string, format: 'svg' | 'png') => withBase(`c/${code}/qr.${format}`);

/** The French page of a short-linked entry (site-relative, with the base path). */
export const entryPath = (kind: ShortLinkKind, slug: string) => withBase(`${shortLinkSections[kind]}/${slug}/`);

/** Every route `/c/<code>/` to build: one per code and one per alias. */
export function shortLinkRoutes(entries: readonly ShortLinked[]): ShortLinkRoute[] {
  return entries.flatMap((e) => {
    const target = entryPath(e.kind, e.slug);
    return [
      { code: e.code, target, title: e.title, alias: false },
      ...e.aliases.map((code) => ({ code, target, title: e.title, alias: true })),
    ];
  });
}
