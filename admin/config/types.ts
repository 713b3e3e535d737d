/**
 * The part of Decap CMS's configuration that Relais generates. Decap's own typings describe
 * Immutable maps and every widget option; these plain shapes are what `config.ts` builds and
 * what the tests compare with the zod schemas.
 */
/**
 * Per-field i18n in Decap: `true` translated in each locale; `'duplicate'` copied from French
 * and shown read-only; `false` hidden outside French (lists and objects accept only booleans:
 * their French value is copied on save by `admin/save/tidy.ts`).
 */
export type I18nMode = boolean | 'duplicate';

export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  default?: unknown;
  hint?: string;
  /** `[regex, message]`; a `RegExp` keeps its flags (the `u` of `\p{L}`), a string has none. */
  pattern?: [string | RegExp, string];
  i18n?: I18nMode;
  /** select */
  options?: { label: string; value: string }[];
  multiple?: boolean;
  /** number, list (item count) */
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  /** list of one value per item, or list/object of fields */
  field?: CmsField;
  fields?: CmsField[];
  summary?: string;
  collapsed?: boolean;
  /** relation */
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  /** datetime */
  date_format?: string | boolean;
  time_format?: string | boolean;
  format?: string;
  picker_utc?: boolean;
  /** markdown */
  modes?: string[];
}

export interface CmsCollection {
  name: string;
  label: string;
  label_singular?: string;
  description?: string;
  folder?: string;
  files?: { name: string; label: string; file: string; fields: CmsField[] }[];
  create?: boolean;
  extension?: string;
  format?: string;
  slug?: string;
  identifier_field?: string;
  summary?: string;
  sortable_fields?: string[];
  i18n?: boolean;
  editor?: { preview: boolean };
  fields?: CmsField[];
}

export interface CmsBackend {
  name: 'proxy' | 'github' | 'gitlab' | 'gitea';
  repo?: string;
  branch?: string;
  proxy_url?: string;
  base_url?: string;
  auth_endpoint?: string;
  api_root?: string;
  app_id?: string;
  auth_type?: 'pkce';
  squash_merges?: boolean;
}

export interface CmsConfig {
  load_config_file: false;
  backend: CmsBackend;
  publish_mode?: 'simple' | 'editorial_workflow';
  locale: string;
  site_url?: string;
  display_url?: string;
  logo?: { src: string };
  media_folder: string;
  public_folder: string;
  slug: { encoding: 'ascii' | 'unicode'; clean_accents: boolean; sanitize_replacement: string };
  i18n: { structure: 'multiple_folders'; locales: string[]; default_locale: string };
  collections: CmsCollection[];
}
