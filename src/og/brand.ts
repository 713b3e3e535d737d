import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../model/schemas/settings.ts';
import { logoDataUri } from './logo.ts';

/** What the images take from the programme settings. */
export interface Brand {
  name: string;
  primary: string;
  accent: string;
  logo?: { src: string; width: number; height: number } | undefined;
  /** Hash of all of the above: part of every image's cache key. */
  hash: string;
}

/**
 * The brand from the settings. The logo is read from `public/`; a logo given as a remote
 * address is left out (the build never downloads anything) and the programme name shows alone.
 */
export function brandFromSettings(settings: Settings, root: string, fontCache: string): Brand {
  const file = settings.logo?.startsWith('/') ? join(root, 'public', settings.logo) : undefined;
  const logo = file && existsSync(file) ? logoDataUri(file, fontCache) : undefined;
  const { name } = settings;
  const { primary, accent } = settings.colors;
  const hash = createHash('sha256')
    .update(JSON.stringify([name, primary, accent, logo?.src ?? '']))
    .digest('hex')
    .slice(0, 16);
  return { name, primary, accent, logo, hash };
}
