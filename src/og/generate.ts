import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/**
 * Writes every job's PNG into the output folder, rendering only images whose key is not in
 * the cache yet. Each rendered image is stored under its key before being copied, so an
 * interrupted build loses nothing it finished. After a full render, cache entries no build
 * asked for are removed, which keeps a cache that CI carries between runs from growing forever.
 */
export async function generate(options: GenerateOptions): Promise<OgStats> {
  const { jobs, brand, fontsHash, outDir, cacheDir, mode } = options;
  mkdirSync(cacheDir, { recursive: true });
  const keyed = jobs.map((job) => ({ job, key: imageKey(job, brand, fontsHash) }));
  const cached = (key: string) => join(cacheDir, `${key}.png`);
  const distinct = new Map(keyed.map((k) => [k.key, k.job]));
  const missing = [...distinct].filter(([key]) => !existsSync(cached(key)));

  let rendered = 0;
  if (mode === 'render' && missing.length) {
    const { render, close } = options.renderer(missing.length);
    try {
      await Promise.all(
        missing.map(async ([key, job]) => {
          const png = await render(job).catch((err: Error) => {
            throw new Error(`Image ${job.file} (${job.content.title}) : ${err.message}`);
          });
          const tmp = `${cached(key)}.${process.pid}.tmp`;
          writeFileSync(tmp, png);
          renameSync(tmp, cached(key));
          rendered++;
        }),
      );
    } finally {
      await close();
    }
  }

  const placeholders = new Map<string, Buffer>();
  const placeholderKeys = new Set<string>();
  for (const { job, key } of keyed) {
    const dest = join(outDir, job.file);
    mkdirSync(dirname(dest), { recursive: true });
    if (existsSync(cached(key))) {
      place(cached(key), dest);
      continue;
    }
    placeholderKeys.add(key);
    const { width, height } = formats[job.format];
    const png = placeholders.get(job.format) ?? solidPng(width, height, brand.primary);
    placeholders.set(job.format, png);
    writeFileSync(dest, png);
  }

  if (mode === 'render') {
    for (const name of readdirSync(cacheDir)) {
      if (name.endsWith('.png') && !distinct.has(name.slice(0, -4))) rmSync(join(cacheDir, name), { force: true });
    }
  }
  return {
    rendered,
    reused: distinct.size - rendered - placeholderKeys.size,
    placeholders: placeholderKeys.size,
    files: jobs.length,
  };
}

/**
 * Puts a cached image into the output: a hard link where the cache and the output share a
 * file system (thousands of images in milliseconds, no extra disk), else a copy. Cache entries
 * are replaced by rename, never rewritten in place, so a linked output file never changes.
 */
function place(from: string, to: string): void {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
