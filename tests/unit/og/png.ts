import { inflateSync } from 'node:zlib';

/** Width and height from a PNG's IHDR chunk (the first chunk, at a fixed offset). */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.toString('latin1', 1, 4) !== 'PNG' || bytes.toString('latin1', 12, 16) !== 'IHDR')
    throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Decodes an 8-bit, non-interlaced PNG (RGB or RGBA, what our renderers write) into its
 * pixels: enough for the tests to look at an image without a decoding library.
 */
export function decodePng(bytes: Buffer): { width: number; height: number; channels: number; pixels: Uint8Array } {
  const { width, height } = pngSize(bytes);
  const colorType = bytes[25];
  if (bytes[24] !== 8 || bytes[28] !== 0 || (colorType !== 2 && colorType !== 6))
    throw new Error(`unsupported PNG (depth ${bytes[24]}, colour type ${colorType}, interlace ${bytes[28]})`);
  const channels = colorType === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      let predicted = 0;
      if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = (v + predicted) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** Standard deviation of the luminance: near 0 for a blank (single-colour) image. */
export function luminanceDeviation(bytes: Buffer): number {
  const { pixels, channels } = decodePng(bytes);
  let sum = 0;
  let sumSq = 0;
  const n = pixels.length / channels;
  for (let i = 0; i < pixels.length; i += channels) {
    const l = 0.2126 * (pixels[i] ?? 0) + 0.7152 * (pixels[i + 1] ?? 0) + 0.0722 * (pixels[i + 2] ?? 0);
    sum += l;
    sumSq += l * l;
  }
  return Math.sqrt(sumSq / n - (sum / n) ** 2);
}
