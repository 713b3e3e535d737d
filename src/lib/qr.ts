import { toString as qrToString } from 'qrcode';

/**
 * QR codes for the trainers' short links, drawn at build time as inline SVG: no network, no
 * client script, sharp at any size (a slide, a poster, the back of a room). Always dark modules
 * on a white square with a four-module quiet zone, even in dark mode, because phone scanners
 * read that most reliably.
 */

/**
 * The SVG markup of a QR code for `text`, labelled for assistive technologies with a
 * `<title>` (the visible short link next to it says the same thing).
 * @example await qrSvg('https://relais.example/c/charte/', 'QR code vers https://relais.example/c/charte/')
 */
export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await matrixSvg(text);
  const title = escapeXml(label);
  return svg
    .replace(/^<svg /, `<svg role="img" aria-label="${title}" class="qr" `)
    .replace(/^(<svg[^>]*>)/, `$1<title>${title}</title>`);
}

/**
 * A QR code as a standalone SVG file, to download for slides: a document of its own (with its
 * namespace), 1,024 px by default when a tool needs a size, titled with the URL it encodes.
 */
export async function qrSvgFile(text: string): Promise<string> {
  const svg = await matrixSvg(text);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg
    .replace(/^<svg /, '<svg width="1024" height="1024" ')
    .replace(/^(<svg[^>]*>)/, `$1<title>${escapeXml(text)}</title>`)}`;
}

/**
 * The same short link is drawn on the entry's page, its presenter page and the trainer kit, in
 * both locales: encode each once per build.
 */
const drawn = new Map<string, Promise<string>>();
function matrixSvg(text: string): Promise<string> {
  let svg = drawn.get(text);
  if (!svg) {
    svg = qrToString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
    drawn.set(text, svg);
  }
  return svg;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
