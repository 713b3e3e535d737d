import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { endRestore, planRestore, restoreUnchanged } from '../../../src/lib/cache-restore.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Pages = Record<string, { key: string; body?: string }>;

/** What Astro leaves in its cache: the manifest, and its copies of the pages it rendered. */
function astroWrites(cacheDir: string, pages: Pages) {
  const paths: Record<string, { cacheKey: string; outputFile: string }> = {};
  for (const [file, { key, body }] of Object.entries(pages)) {
    paths[`/${file}`] = { cacheKey: key, outputFile: encodeURI(file) };
    if (body === undefined) continue; // reused, not written
    const copy = join(cacheDir, 'dist', file);
    mkdirSync(dirname(copy), { recursive: true });
    writeFileSync(copy, body);
  }
  const manifest = { version: 1, routes: { 'src/pages/x.astro': { dependencyHash: 'h', paths } } };
  writeFileSync(join(cacheDir, 'incremental-build.json'), JSON.stringify(manifest));
}

function setup(pages: Pages) {
  dir = mkdtempSync(join(tmpdir(), 'relais-restore-'));
  const cacheDir = join(dir, 'cache');
  mkdirSync(cacheDir);
  astroWrites(cacheDir, pages);
  return cacheDir;
}

const read = (path: string) => readFileSync(path, 'utf8');

describe('restoring unchanged pages by hard link', () => {
  it('links the pages whose key the previous build recorded, and only those', () => {
    const cacheDir = setup({
      'cartes/a/index.html': { key: 'k-a', body: 'A' },
      'cartes/b/index.html': { key: 'k-b', body: 'B' },
      'cartes/été/index.html': { key: 'k-ete', body: 'É' },
    });
    const out = join(dir, 'out');
    expect(planRestore(cacheDir, out)).toBe(3);
    restoreUnchanged('k-a');
    restoreUnchanged('k-ete');
    restoreUnchanged('k-new'); // a page whose data changed: Astro renders it into a file of its own
    const linked = join(out, 'cartes', 'a', 'index.html');
    expect(read(linked)).toBe('A');
    expect(statSync(linked).ino).toBe(statSync(join(cacheDir, 'pages', 'cartes', 'a', 'index.html')).ino);
    expect(read(join(out, 'cartes', 'été', 'index.html'))).toBe('É');
    expect(existsSync(join(out, 'cartes', 'b'))).toBe(false);
    // Astro's own folder is left for what it writes now: nothing there is linked.
    expect(existsSync(join(cacheDir, 'dist'))).toBe(false);
  });

  it('removes at the end a linked file the build did not list, and copies the manifest dropped', () => {
    const cacheDir = setup({
      'cartes/a/index.html': { key: 'same', body: 'A' },
      'cartes/gone/deep/index.html': { key: 'same', body: 'A' }, // a page gone that shared the key
    });
    const out = join(dir, 'out');
    planRestore(cacheDir, out);
    restoreUnchanged('same');
    const kept = join(out, 'cartes', 'a', 'index.html');
    expect(existsSync(join(out, 'cartes', 'gone', 'deep', 'index.html'))).toBe(true);
    astroWrites(cacheDir, { 'cartes/a/index.html': { key: 'same' } });
    expect(endRestore(cacheDir, new Set([kept]))).toBe(1);
    expect(existsSync(join(out, 'cartes', 'gone'))).toBe(false);
    expect(read(kept)).toBe('A');
    expect(existsSync(join(cacheDir, 'pages', 'cartes', 'gone'))).toBe(false);
    expect(read(join(cacheDir, 'pages', 'cartes', 'a', 'index.html'))).toBe('A');
  });

  it('never lets a later build write through a file an earlier output shares', () => {
    const cacheDir = setup({ 'a/index.html': { key: 'k1', body: 'A' } });
    const [one, two, three] = ['out1', 'out2', 'out3'].map((name) => join(dir, name, 'a', 'index.html'));
    planRestore(cacheDir, join(dir, 'out1'));
    restoreUnchanged('k1');
    endRestore(cacheDir, new Set([one ?? '']));
    // The page's data changes: Astro renders it, into its own cache folder, as it does.
    planRestore(cacheDir, join(dir, 'out2'));
    restoreUnchanged('k2');
    astroWrites(cacheDir, { 'a/index.html': { key: 'k2', body: 'A, edited' } });
    endRestore(cacheDir, new Set([two ?? '']));
    // Unchanged since: the edited page is linked, the first output still has the first.
    planRestore(cacheDir, join(dir, 'out3'));
    restoreUnchanged('k2');
    expect(read(three ?? '')).toBe('A, edited');
    expect(read(one ?? '')).toBe('A');
  });

  it('renders everything after no build, or after one that stopped half-way', () => {
    const cacheDir = setup({ 'a/index.html': { key: 'k', body: 'A' } });
    const out = join(dir, 'out');
    planRestore(cacheDir, out); // this build stops before its end
    expect(planRestore(cacheDir, out)).toBe(0);
    restoreUnchanged('k');
    expect(existsSync(join(out, 'a'))).toBe(false);
    expect(existsSync(join(cacheDir, 'incremental-build.json'))).toBe(false);
    expect(existsSync(join(cacheDir, 'pages'))).toBe(false);
    expect(endRestore(cacheDir, new Set())).toBe(0);
    expect(planRestore(cacheDir, out)).toBe(0); // no manifest
  });
});
