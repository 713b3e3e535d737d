import type { APIRoute } from 'astro';
import { cardsFeed } from '../../../../../feeds/cards.ts';
import { langParam } from '../../../../../lib/urls.ts';
import { type CardTheme, cardThemes } from '../../../../../model/schemas/card.ts';
import { type Locale, locales } from '../../../../../model/schemas/common.ts';

export const getStaticPaths = () =>
  locales.flatMap((locale) =>
    cardThemes.map((theme) => ({ params: { lang: langParam(locale), theme }, props: { locale, theme } })),
  );
export const GET: APIRoute = ({ props, site }) => {
  const { locale, theme } = props as { locale: Locale; theme: CardTheme };
  return cardsFeed(locale, site, theme);
};
