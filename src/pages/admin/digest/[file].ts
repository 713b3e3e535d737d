/**
 * The coming digest's files for the editors' preview (`/admin/digest/`), one set per locale,
 * byte for byte what `npm run digest -- --week <week> --locale <locale>` writes with the build's
 * environment (same content, dashboards and base path): `digest-<week>-<locale>.html` (the
 * e-mail's HTML part, shown in the preview's frame), `.txt` (its plain-text part) and
 * `.teams.json` (the Teams card). Not pages: no layout, not in search, in no feed.
 */
import type { APIRoute } from 'astro';
import { comingWeek, siteDigest, siteDigestInputs } from '../../../digest/archive.ts';
import type { BuiltDigest } from '../../../digest/build.ts';
import { withCacheKeys } from '../../../lib/cache-key.ts';
import { now } from '../../../lib/now.ts';
import { base } from '../../../lib/urls.ts';
import { type Locale, locales } from '../../../model/schemas/common.ts';

const kinds = {
  html: { type: 'text/html; charset=utf-8', body: (d: BuiltDigest) => d.mail.html },
  txt: { type: 'text/plain; charset=utf-8', body: (d: BuiltDigest) => d.mail.text },
  'teams.json': {
    type: 'application/json',
    body: (d: BuiltDigest) => `${JSON.stringify(d.teams, null, 2)}\n`,
  },
} as const;
type Kind = keyof typeof kinds;

export function getStaticPaths() {
  const week = comingWeek(now);
  const paths = locales.flatMap((locale) =>
    (Object.keys(kinds) as Kind[]).map((kind) => ({
      params: { file: `digest-${week.id}-${locale}.${kind}` },
      props: { locale, kind },
    })),
  );
  return withCacheKeys(paths, ({ locale }) => siteDigestInputs(week, locale, base));
}

export const GET: APIRoute<{ locale: Locale; kind: Kind }> = async ({ props }) => {
  const { type, body } = kinds[props.kind];
  return new Response(body(await siteDigest(comingWeek(now), props.locale, base)), {
    headers: { 'Content-Type': type },
  });
};
