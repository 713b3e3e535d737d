import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ogs from 'open-graph-scraper';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadContent } from '../../src/model/load.ts';
import { settingsSchema } from '../../src/model/schemas/settings.ts';
import { ogJobs } from '../../src/og/jobs.ts';
import { root, testBase, testDist } from '../lib/paths.ts';
import { luminanceDeviation, pngSize } from '../unit/og/png.ts';

/**
 * The Open Graph side of the test build: every page's tags read by an independent parser
 * (open-graph-scraper), every image they point to present with the announced size, and every
 * generated PNG of the right size and not blank.
 */
const settings = settingsSchema.parse(parse(readFileSync(join(root, 'content/settings/programme.yaml'), 'utf8')));
const imageBase = new URL(testBase, settings.siteUrl).href;

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
const files = walk(testDist);
/**
 * Every page but the CMS shell and Astro's bare redirects (short-code aliases): a meta refresh
 * without any Open Graph tag. Share routes redirect too, but through our layout, so they count.
 */
const isBareRedirect = (html: string) => /http-equiv="refresh"/i.test(html) && !html.includes('property="og:');
const pages = files
  .filter((f) => f.endsWith('.html') && !relative(testDist, f).startsWith('admin/'))
  .filter((f) => !isBareRedirect(readFileSync(f, 'utf8')));
const pngs = files.filter((f) => f.endsWith('.png') && relative(testDist, f).startsWith('og/'));

describe('Open Graph tags of every page', () => {
  test('the build has pages', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  test.each(pages.map((f) => [relative(testDist, f), f]))('%s', async (_, file) => {
    const html = readFileSync(file, 'utf8');
    const { result } = await ogs({ html });
    const lang = /<html[^>]*lang="(\w+)"/.exec(html)?.[1];
    expect(result.ogTitle).toBeTruthy();
    expect(result.ogDescription).toBeTruthy();
    expect(result.ogLocale).toBe(lang === 'en' ? 'en_GB' : 'fr_FR');
    expect(result.twitterCard).toBe('summary_large_image');
    const [image] = result.ogImage ?? [];
    expect(image?.url.startsWith(`${imageBase}og/`), `${image?.url} under ${imageBase}og/`).toBe(true);
    expect(html).toMatch(/<meta property="og:image:alt" content="[^"]+"/);
    const png = join(testDist, (image?.url ?? '').slice(imageBase.length));
    expect(existsSync(png), `${png} exists`).toBe(true);
    expect(pngSize(readFileSync(png))).toEqual({ width: Number(image?.width), height: Number(image?.height) });
  });
});

describe('generated images', () => {
  test('every image the content calls for is in the build', () => {
    const jobs = ogJobs(loadContent(root).entries, settings);
    const missing = jobs.map((j) => j.file).filter((f) => !existsSync(join(testDist, f)));
    expect(missing).toEqual([]);
    expect(pngs.length).toBe(jobs.length);
  });

  test('every PNG has the size of its format', () => {
    const wrong = pngs
      .map((f) => ({ file: relative(testDist, f), size: pngSize(readFileSync(f)) }))
      .filter(({ file, size }) =>
        file.startsWith('og/card-square/')
          ? size.width !== 1080 || size.height !== 1080
          : size.width !== 1200 || size.height !== 630,
      );
    expect(wrong).toEqual([]);
  });

  test('images are not blank (one of each kind decoded)', () => {
    const kinds = new Map(pngs.map((f) => [relative(testDist, f).split('/')[1], f]));
    expect(kinds.size).toBeGreaterThan(1);
    for (const [kind, file] of kinds) {
      expect(luminanceDeviation(readFileSync(file ?? '')), `${kind}: ${file}`).toBeGreaterThan(20);
    }
  });
});
