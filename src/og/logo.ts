import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { fontFiles, fontsDir } from './fonts.ts';
import { woffToSfnt } from './woff.ts';

/** Height the logo is drawn at in the images; it is rasterised at twice that for sharpness. */
export const logoHeight = 48;

/**
 * The programme logo as a PNG data URI, with its width at `logoHeight`. An SVG logo is
 * rasterised here rather than handed to Satori: Satori would embed it as a nested image whose
 * `<text>` (the programme name in our logo) is drawn by the final rasteriser without any
 * font, so the name would vanish. resvg gets our own Inter files (as TrueType, written once to
 * `fontCache`), so the logo looks the same on every machine.
 */
export function logoDataUri(file: string, fontCache: string): { src: string; width: number; height: number } {
  const bytes = readFileSync(file);
  if (!file.toLowerCase().endsWith('.svg')) {
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    const src = `data:image/png;base64,${bytes.toString('base64')}`;
    return { src, width: Math.round((width / height) * logoHeight), height: logoHeight };
  }
  mkdirSync(fontCache, { recursive: true });
  const ttfs = fontFiles.map(({ file: woff }) => {
    const ttf = join(fontCache, woff.replace(/\.woff$/, '.ttf'));
    writeFileSync(ttf, woffToSfnt(readFileSync(new URL(woff, fontsDir))));
    return ttf;
  });
  const png = new Resvg(bytes, {
    fitTo: { mode: 'height', value: logoHeight * 2 },
    font: { fontFiles: ttfs, loadSystemFonts: false, defaultFontFamily: 'Inter', sansSerifFamily: 'Inter' },
  }).render();
  return {
    src: `data:image/png;base64,${png.asPng().toString('base64')}`,
    width: Math.round((png.width / png.height) * logoHeight),
    height: logoHeight,
  };
}
