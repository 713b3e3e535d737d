import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { settingsSchema } from '../../../src/model/schemas/settings.ts';
import { brandFromSettings } from '../../../src/og/brand.ts';
import { entryContent } from '../../../src/og/describe.ts';
import { solidPng } from '../../../src/og/placeholder.ts';
import { renderPng } from '../../../src/og/render.ts';
import { root } from '../../lib/paths.ts';
import { decodePng, luminanceDeviation, pngSize } from './png.ts';

const fontCache = join(tmpdir(), `relais-og-fonts-${process.pid}`);
afterAll(() => rmSync(fontCache, { recursive: true, force: true }));
afterEach(() => vi.unstubAllGlobals());

const settings = settingsSchema.parse({
  name: 'Relais',
  purpose: 'Un programme d’exemple, assez long pour le schéma.',
  sponsor: { name: 'Claire', role: 'DG', message: 'Un message assez long.' },
  headcount: 10,
  siteUrl: 'https://relais.exemple.fr',
  logo: '/media/logo.svg',
});
const brand = brandFromSettings(settings, root, fontCache);

/** Every character French typography needs, in a title long enough to be cut. */
const french =
  'Œuvrer à l’écoute\u202f: «\u202frépondre aux critiques\u202f» sans s’énerver, même quand le fil s’emballe, ' +
  'que la cœur de cible réagit et que la direction s’en mêle — Ça arrive\u00a0!';

describe('rendering', () => {
  test('draws a French title with the shipped fonts only: nothing is fetched', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network during the build')));
    vi.stubGlobal('fetch', fetch);
    const content = entryContent(
      'capsules',
      { title: french, summary: 'Un résumé.', duration: 12, level: 'avance' },
      'fr',
    );
    const png = await renderPng(content, 'wide', brand);
    expect(fetch).not.toHaveBeenCalled();
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(luminanceDeviation(png)).toBeGreaterThan(20);
  });

  test('a square visual is 1080×1080', async () => {
    const content = entryContent('cards', { title: 'Portes ouvertes à Gien', theme: 'rse' }, 'fr');
    expect(pngSize(await renderPng(content, 'square', brand))).toEqual({ width: 1080, height: 1080 });
  });

  test('the SVG logo is rasterised with its text (not just the mark)', () => {
    expect(brand.logo?.src).toMatch(/^data:image\/png;base64,/);
    const logo = decodePng(Buffer.from(brand.logo?.src.split(',')[1] ?? '', 'base64'));
    // The word "Relais" sits right of x≈54/160 of the logo: its pixels must not be transparent.
    const { width, height, channels, pixels } = logo;
    let inked = 0;
    for (let y = 0; y < height; y++)
      for (let x = Math.round(width * 0.4); x < width; x++)
        if ((pixels[(y * width + x) * channels + 3] ?? 0) > 128) inked++;
    expect(inked).toBeGreaterThan(200);
  });

  test('the placeholder is a valid PNG of the right size, blank by design', () => {
    const png = solidPng(1200, 630, '#1d4ed8');
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(luminanceDeviation(png)).toBeLessThan(0.001);
  });
});
