/**
 * The admin's browser entry, loaded by `/admin/` only: Decap CMS with its French interface, the
 * site's stylesheet for previews, and the configuration the page embeds at build time (see
 * `src/pages/admin/index.astro`). Bundled apart from the site and cached in `.relais/admin-cache/`
 * (`src/integrations/admin-bundle.ts`): any change to this file or to what it imports rebuilds it.
 */
import CMS from 'decap-cms-app';
import siteStyles from '../src/styles/global.css?inline';
import { parseConfig } from './config/json.ts';
import { french } from './locale.ts';
import { registerPreviews } from './previews/index.ts';
import { tidyOnSave } from './save/backends.ts';

const json = document.getElementById('relais-cms-config')?.textContent;
if (!json) throw new Error('configuration du CMS absente de la page');
const config = parseConfig(json);

CMS.registerLocale('fr', french as never);
CMS.registerPreviewStyle(siteStyles, { raw: true });
registerPreviews(CMS);
tidyOnSave(CMS, config);
CMS.init({ config: config as never });
