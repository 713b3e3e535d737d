import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../../src/model/yaml.ts';

/**
 * The CI recipes (deploy/ci/) must keep every cache the incremental build reads between runs,
 * and build incrementally: without Astro's cache folder every page is rendered, without the
 * search and OG caches every page is re-indexed and every image drawn again.
 */
const read = (name: string) => readFileSync(new URL(`../../../deploy/ci/${name}`, import.meta.url), 'utf8');

/** Astro's cacheDir (astro.config.mjs leaves the default) and the hub's own caches. */
const kept = ['node_modules/.astro', '.relais/pagefind-cache', '.relais/og-cache', '.relais/admin-cache'];
const norm = (path: string) => path.trim().replace(/\/$/, '');

interface GitHubStep {
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: { path?: string; key?: string; 'restore-keys'?: string };
}
interface GitLabCache {
  key: string | { files: string[] };
  paths: string[];
}

describe('CI recipes keep the incremental build’s caches', () => {
  it('GitHub Actions restores and saves each cache folder, then builds incrementally', () => {
    const text = read('github-actions.yml');
    const recipe = parseYaml(text) as { env?: Record<string, string>; jobs: { build: { steps: GitHubStep[] } } };
    const steps = recipe.jobs.build.steps;
    const cached = steps
      .filter((s) => s.uses?.startsWith('actions/cache@'))
      .flatMap((s) => {
        // A cache keyed on the run id with a prefix to restore from: each run starts from the last.
        expect(s.with?.['restore-keys'], `${s.with?.path}: restore-keys`).toBeTruthy();
        return (s.with?.path ?? '').split('\n').filter(Boolean).map(norm);
      });
    for (const path of kept) expect(cached, path).toContain(path);
    const build = steps.findIndex((s) => s.run?.trim() === 'npm run build');
    const lastCache = steps.findLastIndex((s) => s.uses?.startsWith('actions/cache@'));
    expect(build).toBeGreaterThan(lastCache);
    expect(text).not.toMatch(/RELAIS_INCREMENTAL/);
  });

  it('GitLab CI keeps each cache folder on every run, then builds incrementally', () => {
    const text = read('gitlab-ci.yml');
    const recipe = parseYaml(text) as { build: { cache: Array<GitLabCache & { when?: string }>; script: string[] } };
    const cached = recipe.build.cache.flatMap((c) => c.paths.map(norm));
    for (const path of kept) expect(cached, path).toContain(path);
    for (const c of recipe.build.cache.filter((c) => c.paths.some((p) => kept.includes(norm(p)))))
      expect(c.when, `${c.paths}: saved even when a later step fails`).toBe('always');
    expect(recipe.build.script.map((s) => s.trim())).toContain('npm run build');
    expect(text).not.toMatch(/RELAIS_INCREMENTAL/);
  });

  it('the build is incremental unless RELAIS_INCREMENTAL=off', () => {
    const config = readFileSync(new URL('../../../astro.config.mjs', import.meta.url), 'utf8');
    expect(config).toContain("incrementalBuild: process.env.RELAIS_INCREMENTAL !== 'off'");
    // Astro's default cacheDir, the folder the recipes keep.
    expect(config).not.toMatch(/cacheDir:/);
  });
});
