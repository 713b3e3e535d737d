import { ImageResponse } from '@vercel/og';
import type { Brand } from './brand.ts';
import { formats, type OgContent, type OgFormat } from './content.ts';
import { loadFonts } from './fonts.ts';
import { square } from './templates/square.ts';
import { wide } from './templates/wide.ts';

const templates = { wide, square };

/** Renders one image to PNG bytes with @vercel/og (Satori for layout, then rasterised). */
export async function renderPng(content: OgContent, format: OgFormat, brand: Brand): Promise<Buffer> {
  const { width, height } = formats[format];
  // @vercel/og types its input as a React element; our `{ type, props }` objects are the same shape.
  const element = templates[format](content, brand) as unknown as ConstructorParameters<typeof ImageResponse>[0];
  const response = new ImageResponse(element, { width, height, fonts: loadFonts().fonts });
  return Buffer.from(await response.arrayBuffer());
}
