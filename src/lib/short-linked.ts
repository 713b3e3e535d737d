import { getLocalized } from './entries.ts';
import type { ShortLinked, ShortLinkKind } from './shortlinks.ts';

/**
 * Every entry that carries a trainer short link, from the French entries (codes are the same
 * in every language): the source of the `/c/<code>/` pages and of their QR code files.
 */
export async function shortLinkedEntries(): Promise<ShortLinked[]> {
  const linked = (
    kind: ShortLinkKind,
    slug: string,
    d: { title: string; code: string; aliases: string[] },
  ): ShortLinked => ({ kind, slug, title: d.title, code: d.code, aliases: d.aliases });
  return [
    ...(await getLocalized('capsules', 'fr')).map((c) => linked('capsule', c.slug, c.data)),
    ...(await getLocalized('paths', 'fr')).map((p) => linked('path', p.slug, p.data)),
    ...(await getLocalized('events', 'fr')).map((e) => linked('event', e.slug, e.data)),
  ];
}
