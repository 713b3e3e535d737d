import type { APIRoute } from 'astro';
import { cardsFeed } from '../../../feeds/cards.ts';
import { localeStaticPaths } from '../../../lib/urls.ts';
import type { Locale } from '../../../model/schemas/common.ts';

export const getStaticPaths = localeStaticPaths;
export const GET: APIRoute = ({ props, site }) => cardsFeed((props as { locale: Locale }).locale, site);
