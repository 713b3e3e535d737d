import { describe, expect, it } from 'vitest';
import { qrSvg, qrSvgFile } from '../../../src/lib/qr.ts';
import { qrPng } from '../../../src/lib/qr-png.ts';
import { decodePng, decodeSvg } from './decode-qr.ts';

describe('QR codes', () => {
  it('decode to the exact URL', async () => {
    const url = 'https://relais.intranet.exemple.fr/hub/c/charte/';
    expect(decodeSvg(await qrSvg(url, `QR code vers ${url}`))).toBe(url);
  });

  it('carry an accessible name and a title, escaped', async () => {
    const svg = await qrSvg('https://x.example/c/a/', 'QR "a" & <b>');
    expect(svg).toMatch(/^<svg role="img" aria-label="QR &quot;a&quot; &amp; &lt;b&gt;"/);
    expect(svg).toContain('<title>QR &quot;a&quot; &amp; &lt;b&gt;</title>');
  });

  it('as files to download: a titled SVG document and a 1-bit PNG of about 1,024 px', async () => {
    const url = 'https://relais.intranet.exemple.fr/hub/c/web-cafe-decembre/';
    const svg = await qrSvgFile(url);
    expect(svg).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg width="1024" height="1024" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
    );
    expect(svg).toContain(`<title>${url}</title>`);
    expect(decodeSvg(svg)).toBe(url);
    const png = qrPng(url);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1024);
    expect(png.readUInt32BE(16)).toBeLessThan(1100);
    expect(png[24]).toBe(1);
    expect(decodePng(png)).toBe(url);
    expect(decodePng(qrPng('https://x.example/c/a/', 300))).toBe('https://x.example/c/a/');
  });
});
