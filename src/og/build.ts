import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadContent } from '../model/load.ts';
import { settingsSchema } from '../model/schemas/settings.ts';
import { parseYaml } from '../model/yaml.ts';
import { type Brand, brandFromSettings } from './brand.ts';
import { loadFonts } from './fonts.ts';
import { type OgPlan, type OgStats, placeImages, renderMissing } from './generate.ts';
import { ogJobs } from './jobs.ts';
import { createRenderer } from './pool.ts';

export interface BuildOgOptions {
  /** Project root (holds `content/` and `public/`). */
  root: string;
  /** Content folder, relative to the root or absolute; defaults to `RELAIS_CONTENT`, else `content`. */
  contentDir?: string;
  /** Build output folder. */
  outDir: string;
  /** Defaults to `RELAIS_OG_CACHE`, else `.relais/og-cache/` under the root (kept between CI runs). */
  cacheDir?: string;
  /** Defaults to `RELAIS_OG`: `off` skips rendering. */
  mode?: 'render' | 'off';
  /** Rendering threads; defaults to one per core. */
  threads?: number;
}

/** What phase 1 leaves for phase 2: the plan, and where images come from. */
export interface PreparedOg {
  plan: OgPlan;
  brand: Brand;
  cacheDir: string;
}

/**
 * Phase 1 (see `renderMissing`): reads the content of `root` and renders into the cache every
 * image it lacks. Needs no built page, so the build runs it alongside page rendering.
 */
export async function prepareOgImages(options: Omit<BuildOgOptions, 'outDir'>): Promise<PreparedOg> {
  const { root } = options;
  const cacheDir = options.cacheDir ?? process.env.RELAIS_OG_CACHE ?? join(root, '.relais', 'og-cache');
  const mode = options.mode ?? (process.env.RELAIS_OG === 'off' ? 'off' : 'render');
  const contentDir = relative(root, resolve(root, options.contentDir ?? process.env.RELAIS_CONTENT ?? 'content'));
  const settings = settingsSchema.parse(
    parseYaml(readFileSync(join(root, contentDir, 'settings/programme.yaml'), 'utf8')),
  );
  const { entries } = loadContent(root, contentDir);
  const fonts = loadFonts();
  const brand = brandFromSettings(settings, root, join(cacheDir, 'fonts'));
  const images = join(cacheDir, 'images');
  const plan = await renderMissing({
    jobs: ogJobs(entries, settings),
    brand,
    fontsHash: fonts.hash,
    cacheDir: images,
    mode,
    renderer: (missing) => createRenderer(brand, missing, options.threads),
  });
  return { plan, brand, cacheDir: images };
}

/** Phase 2: writes every Open Graph image of a prepared build into `outDir`. */
export function placeOgImages(prepared: PreparedOg, outDir: string): OgStats {
  return placeImages(prepared.plan, { outDir, cacheDir: prepared.cacheDir, brand: prepared.brand });
}

/** Both phases: reads the content of `root` and writes every Open Graph image into `outDir`. */
export async function buildOgImages(options: BuildOgOptions): Promise<OgStats> {
  return placeOgImages(await prepareOgImages(options), options.outDir);
}

/** The line the build prints. */
export function describeStats(stats: OgStats, mode: 'render' | 'off' = 'render'): string {
  const off = mode === 'off' ? `, ${stats.placeholders} placeholders (RELAIS_OG=off)` : '';
  return `OG images: ${stats.rendered} rendered, ${stats.reused} reused${off} (${stats.files} files)`;
}
