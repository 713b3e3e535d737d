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

/**
 * Reads a QR code from a PNG file: resvg decodes the PNG (embedded in an SVG of its size), jsQR
 * the pixels. The PNG's own size is read from its header, as a viewer would.
 */
export function decodePng(png: Buffer): string | undefined {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const pixels = new Resvg(svg, { background: 'white' }).render();
  return jsQR(new Uint8ClampedArray(pixels.pixels), pixels.width, pixels.height)?.data;
}
