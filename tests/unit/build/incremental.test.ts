import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import relaisIncremental, { codeInputs } from '../../../src/integrations/incremental.ts';
import { codeDigest as digestOf } from '../../../src/lib/code-digest.ts';

const codeDigest = (root: string, inputs = codeInputs) => digestOf(root, inputs);

type Hooks = Required<AstroIntegration['hooks']>;
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function project() {
  dir = mkdtempSync(join(tmpdir(), 'relais-code-'));
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  mkdirSync(join(dir, 'cache'));
  writeFileSync(join(dir, 'src', 'pages', 'index.astro'), '<h1>Relais</h1>');
  writeFileSync(join(dir, 'package-lock.json'), '{}');
  return dir;
}

/** One build as Astro drives the hooks; true when Astro's incremental manifest survived. */
async function build(root: string): Promise<boolean> {
  const manifest = join(root, 'cache', 'incremental-build.json');
  writeFileSync(manifest, '{}'); // what the previous build left
  const hooks = relaisIncremental().hooks as Hooks;
  const config = {
    root: pathToFileURL(`${root}/`),
    cacheDir: pathToFileURL(`${root}/cache/`),
    experimental: { incrementalBuild: true },
  };
  await hooks['astro:config:setup']({ command: 'build', config, logger: { info: () => {} } } as never);
  const kept = existsSync(manifest);
  await hooks['astro:build:done']({ assets: new Map(), logger: { info: () => {} } } as never);
  return kept;
}

describe('incremental build safety belt', () => {
  it('digests the code by content: a touch changes nothing, an edit changes it', () => {
    const root = project();
    const before = codeDigest(root);
    utimesSync(join(root, 'src', 'pages', 'index.astro'), new Date(), new Date(2020, 0, 1));
    expect(codeDigest(root)).toBe(before);
    writeFileSync(join(root, 'src', 'pages', 'index.astro'), '<h1>Relais !</h1>');
    expect(codeDigest(root)).not.toBe(before);
    writeFileSync(join(root, 'src', 'new.ts'), 'export {}');
    expect(codeDigest(root)).not.toBe(codeDigest(root, ['src/pages']));
  });

  it('keeps Astro’s manifest while the code is unchanged and drops it after a code change', async () => {
    const root = project();
    expect(await build(root)).toBe(false); // first build: nothing known of the code yet
    expect(await build(root)).toBe(true);
    writeFileSync(join(root, 'content.md'), 'not code'); // content: outside the digest
    expect(await build(root)).toBe(true);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    expect(await build(root)).toBe(false);
    expect(await build(root)).toBe(true);
  });
});
