import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../src/model/load.ts';
import { settingsSchema } from '../../src/model/schemas/settings.ts';
import { parseYaml } from '../../src/model/yaml.ts';
import { brandFromSettings } from '../../src/og/brand.ts';
import { buildOgImages } from '../../src/og/build.ts';
import { ogJobs } from '../../src/og/jobs.ts';
import { renderPng } from '../../src/og/render.ts';

/**
 * `npm run bench:og`: what the Open Graph images cost. Prints the time per image on one thread
 * (after the one-off font loading), the whole image set cold on the worker pool, and the sample
 * site's build cold (empty image cache) then warm (nothing changed). Everything goes to temp
 * folders: the project's own cache and `dist/` are left alone.
 */
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(`Usage: npm run bench:og

Times Open Graph images: one image on one thread (after loading the fonts), the sample's whole
set cold on the worker pool, and the sample build cold then warm. Writes only to temp folders.
`);
  process.exit(0);
}
const root = fileURLToPath(new URL('../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'relais-bench-og-'));
const ms = (from: number) => Math.round(performance.now() - from);

const settings = settingsSchema.parse(parseYaml(readFileSync(join(root, 'content/settings/programme.yaml'), 'utf8')));
const jobs = ogJobs(loadContent(root).entries, settings);
const brand = brandFromSettings(settings, root, join(tmp, 'fonts'));

try {
  const first = jobs[0];
  if (!first) throw new Error('no content to render');
  let t = performance.now();
  await renderPng(first.content, first.format, brand);
  console.log(`first image (loads fonts): ${ms(t)} ms`);
  const sample = jobs.slice(0, 20);
  t = performance.now();
  for (const job of sample) await renderPng({ ...job.content, title: `${job.content.title} ·` }, job.format, brand);
  console.log(`one thread: ${(ms(t) / sample.length).toFixed(0)} ms per image (${sample.length} images)`);

  t = performance.now();
  const stats = await buildOgImages({ root, outDir: join(tmp, 'out'), cacheDir: join(tmp, 'cache'), mode: 'render' });
  const took = ms(t);
  console.log(
    `all images cold, ${availableParallelism()} threads: ${stats.rendered} images (${stats.files} files) in ${took} ms, ` +
      `${(took / stats.rendered).toFixed(0)} ms per image`,
  );

  const build = (label: string) => {
    const started = performance.now();
    const run = spawnSync('npx', ['astro', 'build'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, RELAIS_OUT: join(tmp, 'dist'), RELAIS_OG_CACHE: join(tmp, 'site-cache') },
    });
    const line = /OG images: .*/.exec(run.stdout)?.[0] ?? '';
    if (run.status !== 0) console.log(`${label} site build failed (exit ${run.status}):\n${run.stderr.slice(-2000)}`);
    else console.log(`${label} site build: ${ms(started)} ms — ${line}`);
    return run.status === 0;
  };
  if (build('cold')) build('warm');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
