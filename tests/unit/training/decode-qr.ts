import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';

/**
 * Reads a QR code the way a phone would, with libraries independent of the `qrcode` package
 * that drew it: resvg rasterises the SVG, jsQR decodes the pixels.
 */
export function decodeSvg(svg: string): string | undefined {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: 400 }, background: 'white' }).render();
  return jsQR(new Uint8ClampedArray(png.pixels), png.width, png.height)?.data;
}
