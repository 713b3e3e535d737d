import { defaultLocale, locales } from '../../src/model/schemas/common.ts';
import { cmsBackend, type Env } from './backend.ts';
import { cmsCollections } from './collections.ts';
import type { CmsConfig } from './types.ts';

export { parseConfig, serializeConfig } from './json.ts';
export type { CmsCollection, CmsConfig, CmsField } from './types.ts';

/**
 * The whole Decap CMS configuration, derived from the content model (`src/model/`) and the
 * environment: never a hand-kept copy. The admin page embeds it at build time.
 *
 * Media go to `public/media/` and are written in content as `/media/…`: Decap maps that path
 * back to the repository file for its previews, and the site prefixes its base path (`/hub/`)
 * when rendering, so the same value works in both.
 * @example cmsConfig({ env: process.env, siteUrl: 'https://relais.example.fr/hub/' })
 */
export function cmsConfig({
  env,
  siteUrl,
  logo,
}: {
  env: Env;
  siteUrl?: string | undefined;
  logo?: string | undefined;
}): CmsConfig {
  return {
    load_config_file: false,
    ...cmsBackend(env),
    locale: 'fr',
    ...(siteUrl ? { site_url: siteUrl, display_url: siteUrl } : {}),
    ...(logo ? { logo: { src: logo } } : {}),
    media_folder: 'public/media',
    public_folder: '/media',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    i18n: { structure: 'multiple_folders', locales: [...locales], default_locale: defaultLocale },
    collections: cmsCollections(),
  };
}
