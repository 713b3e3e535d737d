import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadContent } from '../../src/model/load.ts';
import { root, testBase, testDist } from '../lib/paths.ts';
import { decodePng, decodeSvg } from '../unit/training/decode-qr.ts';

/**
 * Trainers download each QR code as SVG and PNG next to where it is shown: the files exist in
 * the build, decode (with libraries other than the one that drew them) to the short link, and
 * every short link shown on a page offers both, labelled with what they are the QR code of.
 */
const { entries } = loadContent(root);
const linked = entries
  .filter((e) => ['capsules', 'paths', 'events'].includes(e.collection) && e.locale === 'fr')
  .map((e) => ({ ...e, data: e.data as { code: string; title: string } }));
const siteUrl: string = parse(readFileSync(join(root, 'content/settings/programme.yaml'), 'utf8')).siteUrl;
const absolute = (path: string) => new URL(testBase + path, siteUrl).href;
const html = (path: string) => readFileSync(join(testDist, path, 'index.html'), 'utf8');
const section = { capsules: 'capsules', paths: 'parcours', events: 'agenda' } as Record<string, string>;
/** Presenter mode's `<kind>` segment per collection. */
const presenter = { capsules: 'capsule', paths: 'parcours', events: 'agenda' } as Record<string, string>;

/** The download links of a page: href, file name and accessible name. */
const downloads = (page: string) =>
  [...page.matchAll(/<a href="([^"]+\/qr\.(?:svg|png))" download="([^"]+)"[^>]*aria-label="([^"]+)"/g)].map((m) => ({
    href: m[1] ?? '',
    file: m[2] ?? '',
    label: m[3] ?? '',
  }));

describe('QR code files', () => {
  it('exist for every short code as SVG and PNG, and decode to its short link', () => {
    expect(linked.length).toBeGreaterThan(10);
    for (const e of linked) {
      const url = absolute(`c/${e.data.code}/`);
      const svg = join(testDist, `c/${e.data.code}/qr.svg`);
      const png = join(testDist, `c/${e.data.code}/qr.png`);
      expect(existsSync(svg) && existsSync(png), e.file).toBe(true);
      expect(decodeSvg(readFileSync(svg, 'utf8')), e.file).toBe(url);
      expect(decodePng(readFileSync(png)), e.file).toBe(url);
    }
  });

  it('are offered next to each QR code shown, in both locales', () => {
    for (const locale of ['', 'en/']) {
      const kit = downloads(html(`${locale}formateurs`));
      for (const e of linked) {
        const mine = kit.filter((d) => d.href.startsWith(`${testBase}c/${e.data.code}/`));
        expect(mine.map((d) => d.file).sort(), `${locale}formateurs ${e.file}`).toEqual([
          `qr-${e.data.code}.png`,
          `qr-${e.data.code}.svg`,
        ]);
      }
    }
    for (const e of linked) {
      const page = `${section[e.collection]}/${e.slug}`;
      const fr = downloads(html(page));
      expect(
        fr.map((d) => d.href),
        page,
      ).toEqual([`${testBase}c/${e.data.code}/qr.svg`, `${testBase}c/${e.data.code}/qr.png`]);
      expect(fr[0]?.label, page).toMatch(/^Télécharger le QR code de « .+ » en SVG$/);
      expect(downloads(html(`en/${page}`))[1]?.label, `en/${page}`).toMatch(/^Download the QR code of “.+” as PNG$/);
      // Presenter mode shows the largest QR code: a trainer preparing slides finds the files there too.
      for (const locale of ['', 'en/']) {
        const slide = `${locale}presentation/${presenter[e.collection]}/${e.slug}`;
        expect(
          downloads(html(slide)).map((d) => d.file),
          slide,
        ).toEqual([`qr-${e.data.code}.svg`, `qr-${e.data.code}.png`]);
      }
    }
  });
});
