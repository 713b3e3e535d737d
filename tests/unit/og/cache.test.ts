import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildOgImages } from '../../../src/og/build.ts';
import { makeProject } from './fixture.ts';
import { luminanceDeviation, pngSize } from './png.ts';

const project = makeProject();
const work = mkdtempSync(join(tmpdir(), 'relais-og-cache-'));
const cacheDir = join(work, 'cache');
afterAll(() => {
  rmSync(project.dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});
const build = (out: string, mode: 'render' | 'off' = 'render') =>
  buildOgImages({ root: project.dir, outDir: join(work, out), cacheDir, mode, threads: 2 });

describe('the content-addressed cache', () => {
  test('a first build renders each distinct image once (an untranslated page shares the French image)', async () => {
    const stats = await build('first');
    // 2 defaults + card bilan fr/en × (wide, square) + card portes × (wide, square) + capsule + event.
    expect(stats).toEqual({ rendered: 10, reused: 0, placeholders: 0, files: 14 });
    const png = readFileSync(join(work, 'first/og/card-square/en/portes.png'));
    expect(pngSize(png)).toEqual({ width: 1080, height: 1080 });
    expect(luminanceDeviation(png)).toBeGreaterThan(20);
  }, 120_000);

  test('a rebuild with nothing changed renders nothing', async () => {
    expect(await build('second')).toEqual({ rendered: 0, reused: 10, placeholders: 0, files: 14 });
    expect(readFileSync(join(work, 'second/og/card/fr/bilan.png'))).toEqual(
      readFileSync(join(work, 'first/og/card/fr/bilan.png')),
    );
  }, 120_000);

  test('changing one card re-renders only its images, and drops the stale ones from the cache', async () => {
    project.write('content/cards/fr/portes.md', project.card('Portes ouvertes à Gien, le 6 juin'));
    const stats = await build('third');
    // French title changed: its wide and square images (the English pages share them).
    expect(stats).toEqual({ rendered: 2, reused: 8, placeholders: 0, files: 14 });
    expect(readdirSync(join(cacheDir, 'images')).filter((f) => f.endsWith('.png'))).toHaveLength(10);
  }, 120_000);

  test('RELAIS_OG=off renders nothing: cached images are used, new ones get a placeholder', async () => {
    project.write('content/cards/fr/bilan.md', project.card('Bilan carbone : le détail'));
    const stats = await build('off', 'off');
    expect(stats).toEqual({ rendered: 0, reused: 8, placeholders: 2, files: 14 });
    const placeholder = readFileSync(join(work, 'off/og/card/fr/bilan.png'));
    expect(pngSize(placeholder)).toEqual({ width: 1200, height: 630 });
    expect(existsSync(join(work, 'off/og/card-square/fr/bilan.png'))).toBe(true);
  }, 120_000);
});
