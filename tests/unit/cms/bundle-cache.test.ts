import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { type AdminBundle, ensureBundle } from '../../../src/cms-bundle/cache.ts';

/**
 * The admin bundle's cache (src/cms-bundle/) on a tiny project instead of Decap, so that each
 * bundling takes a fraction of a second: an entry importing a module, a stylesheet `?inline`
 * that `@import`s another, and a lazily imported chunk. The bundles are run in Node to check
 * what they hold.
 */
const root = mkdtempSync(join(tmpdir(), 'relais-admin-cache-'));
const cacheDir = join(root, '.relais/admin-cache');
const bundle = () => ensureBundle({ root, entry: 'admin/main.ts', cacheDir });
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes a project file dated a minute ago (a file dated during a bundling is never trusted by the cache). */
function write(file: string, text: string): void {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  const past = new Date(Date.now() - 60_000);
  utimesSync(path, past, past);
}

write(
  'admin/main.ts',
  `import { message } from './dep.ts';
import css from '../src/style.css?inline';
const run = globalThis as { relaisFixture?: string; relaisLazy?: Promise<number> };
run.relaisFixture = message + ' | ' + css;
run.relaisLazy = import('./lazy.ts').then((m) => m.later());
`,
);
write('admin/dep.ts', `export const message: string = 'bonjour';\n`);
write('admin/lazy.ts', `export function later(): number {\n  return 42;\n}\n`);
write('src/style.css', `@import './more.css';\nbody { color: red; }\n`);
write('src/more.css', `p { margin: 0; }\n`);
write('admin/unused.ts', `export const never = 1;\n`);

/** Runs the bundle's entry in Node; returns what it set. */
async function run(b: AdminBundle): Promise<{ text: string | undefined; lazy: number | undefined }> {
  const g = globalThis as { relaisFixture?: string; relaisLazy?: Promise<number> };
  await import(`${pathToFileURL(join(b.dir, b.script)).href}?run=${Math.random()}`);
  return { text: g.relaisFixture, lazy: await g.relaisLazy };
}

const manifestOf = (b: AdminBundle) => JSON.parse(readFileSync(join(b.dir, '../manifest.json'), 'utf8'));
const bundleFolders = () => readdirSync(cacheDir).filter((name) => /^[0-9a-f]{16}$/.test(name));
const mtimes = (b: AdminBundle) => readdirSync(b.dir).map((f) => statSync(join(b.dir, f)).mtimeMs);

describe('the admin bundle cache', { timeout: 60_000 }, () => {
  let first: AdminBundle;

  test('a first call bundles: hashed, minified ES modules and a manifest of the project files they came from', async () => {
    first = await bundle();
    expect(first.status).toBe('built');
    expect(first.script).toMatch(/^main\.[\w-]{8}\.js$/);
    expect(readdirSync(first.dir).sort()).toEqual([expect.stringMatching(/^lazy\.[\w-]{8}\.js$/), first.script]);
    expect(await run(first)).toEqual({ text: 'bonjour | p{margin:0}body{color:red}', lazy: 42 });
    const manifest = manifestOf(first);
    // The stylesheet's @import counts; a file nobody imports does not.
    expect(Object.keys(manifest.inputs)).toEqual([
      'admin/dep.ts',
      'admin/lazy.ts',
      'admin/main.ts',
      'src/more.css',
      'src/style.css',
    ]);
    expect(manifest.toolchain).toMatchObject({ vite: expect.any(String), lock: null });
  });

  test('a second call reuses it: nothing rebuilt, same file names, files untouched', async () => {
    const before = mtimes(first);
    const again = await bundle();
    expect(again).toMatchObject({ status: 'reused', script: first.script, dir: first.dir });
    expect(mtimes(again)).toEqual(before);
  });

  test('a file saved again with the same content is still reused (contents count, not dates)', async () => {
    write('admin/dep.ts', readFileSync(join(root, 'admin/dep.ts'), 'utf8'));
    expect((await bundle()).status).toBe('reused');
  });

  test('changing an imported file rebuilds under another hash; changing it back reuses the first bundle', async () => {
    write('admin/dep.ts', `export const message: string = 'au revoir';\n`);
    const changed = await bundle();
    expect(changed.status).toBe('built');
    expect(changed.script).not.toBe(first.script);
    expect((await run(changed)).text).toMatch(/^au revoir \| /);
    write('admin/dep.ts', `export const message: string = 'bonjour';\n`);
    expect(await bundle()).toMatchObject({ status: 'reused', script: first.script });
  });

  test('a stylesheet reached only through @import, or the lock file, rebuilds too', async () => {
    write('src/more.css', `p { margin: 1px; }\n`);
    const css = await bundle();
    expect(css.status).toBe('built');
    expect((await run(css)).text).toContain('p{margin:1px}');
    write('package-lock.json', '{"lockfileVersion": 3}\n');
    const locked = await bundle();
    expect(locked.status).toBe('built');
    expect(manifestOf(locked).toolchain.lock).toMatch(/^[0-9a-f]{64}$/);
    // Only the two most recently used bundles are kept.
    expect(bundleFolders()).toHaveLength(2);
  });

  test('a half-written cache is never reused', async () => {
    const good = await bundle();
    expect(good.status).toBe('reused');
    // An interrupted build leaves a tmp- folder (here a complete copy, its process gone): never read, then removed.
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const abandoned = join(cacheDir, `tmp-${gone}-abcdef`);
    cpSync(dirname(good.dir), abandoned, { recursive: true });
    // And the bundle in place is damaged: a truncated output.
    writeFileSync(join(good.dir, good.script), readFileSync(join(good.dir, good.script), 'utf8').slice(0, 20));
    const rebuilt = await bundle();
    expect(rebuilt).toMatchObject({ status: 'built', script: good.script, dir: good.dir });
    expect((await run(rebuilt)).text).toContain('p{margin:1px}');
    expect(existsSync(abandoned)).toBe(false);
    // A bundle folder without its manifest (written last) is not one either.
    rmSync(join(rebuilt.dir, '../manifest.json'));
    expect((await bundle()).status).toBe('built');
  });

  test('a bundling error names the file at fault and leaves the cache as it was', async () => {
    const before = bundleFolders().sort();
    write('admin/lazy.ts', `export function later(): number {\n  return 42 +;\n}\n`);
    await expect(bundle()).rejects.toThrow(/^admin\/lazy\.ts : le bundle de admin\/main\.ts n’a pas pu être construit/);
    expect(readdirSync(cacheDir).sort()).toEqual(before);
  });
});
