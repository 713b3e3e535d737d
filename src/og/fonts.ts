import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The fonts every image is set in, shipped with the project (`src/og/fonts/`, SIL OFL, see the
 * README there): the complete Inter, which has French's narrow no-break space, œ, « » and ’,
 * and the Latin Extended letters of colleagues' names (Łukasz, Dvořák). Files are read from
 * disk, never fetched, so the build works offline.
 */
export const fontFiles = [
  { file: 'Inter-Regular.woff', weight: 400 },
  { file: 'Inter-Bold.woff', weight: 700 },
] as const;

/** Family name the templates use. */
export const fontFamily = 'Inter';

export interface OgFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

/** Folder of the font files. */
export const fontsDir = new URL('./fonts/', import.meta.url);

let loaded: { fonts: OgFont[]; hash: string } | undefined;

/** The fonts for Satori and a hash of their bytes (part of every image's cache key). */
export function loadFonts(): { fonts: OgFont[]; hash: string } {
  if (loaded) return loaded;
  const hash = createHash('sha256');
  const fonts = fontFiles.map(({ file, weight }) => {
    const data = readFileSync(new URL(file, fontsDir));
    hash.update(data);
    return { name: fontFamily, data, weight, style: 'normal' as const };
  });
  loaded = { fonts, hash: hash.digest('hex').slice(0, 16) };
  return loaded;
}
