/**
 * Keyed pseudonyms for ambassador ids, so that what the pipeline keeps between builds (its cache)
 * or exports (Parquet) never holds a person's identifier in clear.
 *
 * The key comes from RELAIS_SHARELOG_KEY (production: a CI secret, at least 16 characters), else
 * from `<cache>/key`, 32 random bytes created on first use with mode 0600. A key stored beside
 * the data only protects against casual reading; the environment variable keeps the key out of
 * the cache folder entirely. Changing the key changes every pseudonym: the cache notices (its
 * manifest records the key's fingerprint) and rebuilds from the logs.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Anything that looks like an e-mail address is a person's identifier, never a group's name. */
export const emailLike = /[^\s@]+@[^\s@]+\.[^\s@]+/;

export const KEY_ENV = 'RELAIS_SHARELOG_KEY';

export class KeyError extends Error {}

/** The pseudonymisation key: from the environment, else the cache folder's key file. */
export function loadKey(cacheDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env[KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < 16) throw new KeyError(`${KEY_ENV}: expected at least 16 characters`);
    return Buffer.from(fromEnv, 'utf8');
  }
  const file = join(cacheDir, 'key');
  try {
    const key = readFileSync(file);
    if (key.length === 32) return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(cacheDir, { recursive: true });
  const key = randomBytes(32);
  // 'wx' refuses to replace a key another build created in the meantime: re-read that one.
  try {
    writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file);
  }
}

/**
 * The pseudonym of an ambassador id (already trimmed and lower-cased, as the pipeline interns
 * it): HMAC-SHA256 cut to 64 bits, as 16 hex digits. 64 bits keep a whole company's headcount
 * collision-free (10^5 ids: a collision chance of about 3·10^-10).
 */
export function pseudonym(key: Buffer, id: string): string {
  return createHmac('sha256', key).update(id, 'utf8').digest('hex').slice(0, 16);
}

/** A fingerprint of the key (not the key): lets a cache tell that it was written with another key. */
export function keyFingerprint(key: Buffer): string {
  return pseudonym(key, '\0relais key fingerprint');
}
