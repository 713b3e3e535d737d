import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The intrinsic size of an image under `public/` (SVG from its width/height or viewBox, PNG
 * from its header), so that pages can reserve its box: an `<img>` without width and height
 * shifts the layout when it arrives. `undefined` for URLs and unknown formats.
 * @example imageSize('/media/logo.svg') // { width: 160, height: 48 }
 */
export function imageSize(path: string, publicDir = 'public'): { width: number; height: number } | undefined {
  if (!path.startsWith('/')) return undefined;
  const file = join(publicDir, path);
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  if (path.endsWith('.png') && bytes.length > 24)
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (path.endsWith('.svg')) {
    const tag = /<svg\b[^>]*>/.exec(bytes.toString('utf8'))?.[0] ?? '';
    const attr = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(tag)?.[1]);
    const box = /\bviewBox="[\d.-]+[ ,]+[\d.-]+[ ,]+([\d.]+)[ ,]+([\d.]+)"/.exec(tag);
    const width = attr('width') || Number(box?.[1]);
    const height = attr('height') || Number(box?.[2]);
    if (width > 0 && height > 0) return { width, height };
  }
  return undefined;
}
