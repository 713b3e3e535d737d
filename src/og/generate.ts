import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { placeFile } from '../lib/place-files.ts';
import type { Brand } from './brand.ts';
import { formats } from './content.ts';
import type { OgJob } from './jobs.ts';
import { imageKey } from './key.ts';
import { solidPng } from './placeholder.ts';
import type { Renderer } from './pool.ts';

export interface GenerateOptions {
  jobs: OgJob[];
  brand: Brand;
  fontsHash: string;
  /** Build output folder (the base path's root). */
  outDir: string;
  /** Content-addressed store: `<key>.png`. */
  cacheDir: string;
  /** `off` renders nothing: cached images are still used, the rest get a plain placeholder. */
  mode: 'render' | 'off';
  /** Called with how many images are missing, returns the renderer to use for them. */
  renderer: (missing: number) => { render: Renderer; close: () => Promise<void> };
}

/** Counts of distinct images (an English fallback shares the French image) and files written. */
export interface OgStats {
  rendered: number;
  reused: number;
  placeholders: number;
  files: number;
}

/** Every image's cache key, with the images this build rendered: what `placeImages` needs. */
export interface OgPlan {
  keyed: Array<{ job: OgJob; key: string }>;
  rendered: number;
}

/**
 * Phase 1: renders into the cache every image whose key is not there yet. It needs the content
 * only, not the built pages, so the build starts it before rendering pages (the worker threads
 * then use the cores Astro's single-threaded rendering leaves idle). Each image is stored under
 * its key by rename, so an interrupted build loses nothing it finished. After a full render,
 * cache entries no build asked for are removed, which keeps a cache that CI carries between
 * runs from growing forever.
 */
export async function renderMissing(options: Omit<GenerateOptions, 'outDir'>): Promise<OgPlan> {
  const { jobs, brand, fontsHash, cacheDir, mode } = options;
  mkdirSync(cacheDir, { recursive: true });
  const keyed = jobs.map((job) => ({ job, key: imageKey(job, brand, fontsHash) }));
  const distinct = new Map(keyed.map((k) => [k.key, k.job]));
  const missing = [...distinct].filter(([key]) => !existsSync(cachedPath(cacheDir, key)));

  let rendered = 0;
  if (mode === 'render' && missing.length) {
    const { render, close } = options.renderer(missing.length);
    try {
      await Promise.all(
        missing.map(async ([key, job]) => {
          const png = await render(job).catch((err: Error) => {
            throw new Error(`Image ${job.file} (${job.content.title}) : ${err.message}`);
          });
          const tmp = `${cachedPath(cacheDir, key)}.${process.pid}.tmp`;
          writeFileSync(tmp, png);
          renameSync(tmp, cachedPath(cacheDir, key));
          rendered++;
        }),
      );
    } finally {
      await close();
    }
  }
  if (mode === 'render') {
    for (const name of readdirSync(cacheDir)) {
      if (name.endsWith('.png') && !distinct.has(name.slice(0, -4))) rmSync(join(cacheDir, name), { force: true });
    }
  }
  return { keyed, rendered };
}

/**
 * Phase 2, once Astro has written the pages: puts every job's PNG into the output folder,
 * from the cache, or a plain placeholder in the brand's colour where the image is missing.
 */
export function placeImages(plan: OgPlan, options: Pick<GenerateOptions, 'outDir' | 'cacheDir' | 'brand'>): OgStats {
  const { outDir, cacheDir, brand } = options;
  const placeholders = new Map<string, Buffer>();
  const placeholderKeys = new Set<string>();
  const made = new Set<string>();
  for (const { job, key } of plan.keyed) {
    const dest = join(outDir, job.file);
    // Thousands of images share a few folders: create each folder once.
    const folder = dirname(dest);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    if (existsSync(cachedPath(cacheDir, key))) {
      placeFile(cachedPath(cacheDir, key), dest);
      continue;
    }
    placeholderKeys.add(key);
    const { width, height } = formats[job.format];
    const png = placeholders.get(job.format) ?? solidPng(width, height, brand.primary);
    placeholders.set(job.format, png);
    writeFileSync(dest, png);
  }
  const distinct = new Set(plan.keyed.map((k) => k.key)).size;
  return {
    rendered: plan.rendered,
    reused: distinct - plan.rendered - placeholderKeys.size,
    placeholders: placeholderKeys.size,
    files: plan.keyed.length,
  };
}

/** Both phases at once, for scripts and tests that have no pages to wait for. */
export async function generate(options: GenerateOptions): Promise<OgStats> {
  return placeImages(await renderMissing(options), options);
}

const cachedPath = (cacheDir: string, key: string) => join(cacheDir, `${key}.png`);
