import { crc32, deflateSync } from 'node:zlib';
import { create } from 'qrcode';

/**
 * A QR code as a PNG, for slide tools that take no SVG: 1-bit greyscale, about 1,024 px square
 * whole modules, dark on white with the same four-module quiet zone as the SVG. Written straight
 * from the QR matrix with node:zlib: qrcode's own PNG renderer fills an RGBA bitmap pixel by
 * pixel in JavaScript, some hundred times slower, and a scaled programme has hundreds of codes.
 * @example writeFileSync('qr.png', qrPng('https://relais.example/c/charte/'))
 */
export function qrPng(text: string, target = 1024): Buffer {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const count = modules.size + 2 * quiet;
  const scale = Math.ceil(target / count);
  const width = count * scale;
  const stride = Math.ceil(width / 8);
  const lines: Buffer[] = [];
  for (let y = 0; y < count; y++) {
    // A filter byte (0: none), then one bit per pixel, 1 = white.
    const line = Buffer.alloc(1 + stride, 0xff);
    line[0] = 0;
    for (let x = 0; x < count; x++) {
      const dark =
        y >= quiet && x >= quiet && y < count - quiet && x < count - quiet && modules.get(y - quiet, x - quiet);
      if (!dark) continue;
      for (let px = x * scale; px < (x + 1) * scale; px++) {
        const at = 1 + (px >> 3);
        line[at] = (line[at] ?? 0) & ~(0x80 >> (px & 7));
      }
    }
    for (let i = 0; i < scale; i++) lines.push(line);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter set, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    // zlib's default level: on these long runs level 9 spends five times as long (1.9 ms against
    // 0.4 ms an image, measured) for one byte less in 900.
    chunk('IDAT', deflateSync(Buffer.concat(lines))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG chunk: length, type, data and the CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + body.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 4 + body.length);
  return out;
}
