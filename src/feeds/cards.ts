import { useTranslations } from '../i18n/index.ts';
import { listed } from '../lib/cards.ts';
import { getLocalized, getSettings } from '../lib/entries.ts';
import { absoluteUrl, localePath } from '../lib/urls.ts';
import type { CardTheme } from '../model/schemas/card.ts';
import type { Locale } from '../model/schemas/common.ts';
import { atomFeed } from './atom.ts';

/** The Atom feed of listed cards in a locale, all themes or one; newest first. */
export async function cardsFeed(locale: Locale, site: URL | undefined, theme?: CardTheme): Promise<Response> {
  const t = useTranslations(locale);
  const settings = await getSettings();
  const cards = listed(await getLocalized('cards', locale)).filter((c) => !theme || c.data.theme === theme);
  const path = theme ? `cartes/theme/${theme}/` : 'cartes/';
  const title = `${settings.name} — ${t('cards.title')}${theme ? ` : ${t(`theme.${theme}`)}` : ''}`;
  const xml = atomFeed({
    id: absoluteUrl(localePath(locale, path), site),
    title,
    url: absoluteUrl(localePath(locale, path), site),
    self: absoluteUrl(localePath(locale, `${path}flux.xml`), site),
    lang: locale,
    entries: cards.map((c) => ({
      id: absoluteUrl(localePath(locale, `cartes/${c.slug}/`), site),
      title: c.data.title,
      url: absoluteUrl(localePath(locale, `cartes/${c.slug}/`), site),
      updated: c.data.validFrom,
      summary: c.data.why,
      category: t(`theme.${c.data.theme}`),
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
