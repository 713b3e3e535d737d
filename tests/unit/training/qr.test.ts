import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../../src/lib/qr.ts';
import { decodeSvg } from './decode-qr.ts';

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
});
