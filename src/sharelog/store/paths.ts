/**
 * Where the share-log store lives by default. The key file (pseudonym.ts) sits in the same
 * folder, so the cache and any Parquet export made beside it agree on every pseudonym.
 */
export const CACHE_ENV = 'RELAIS_SHARELOG_CACHE';

export const defaultCacheDir = (env: NodeJS.ProcessEnv = process.env): string =>
  env[CACHE_ENV] || '.relais/sharelog-cache';
