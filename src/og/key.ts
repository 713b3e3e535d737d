import { createHash } from 'node:crypto';
import type { Brand } from './brand.ts';
import type { OgJob } from './jobs.ts';
import { templateVersion } from './version.ts';

/**
 * The cache key of an image: a hash of everything that shapes it (template version, font
 * files, brand, format and the texts it shows), and of nothing else. The output path is not
 * part of it, so an English page that shows the French entry reuses the French image.
 */
export function imageKey(job: Pick<OgJob, 'format' | 'content'>, brand: Brand, fontsHash: string): string {
  return createHash('sha256')
    .update(JSON.stringify([templateVersion, fontsHash, brand.hash, job.format, job.content]))
    .digest('hex')
    .slice(0, 32);
}
