import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import { cspHash } from '../../../src/csp/inline.ts';
import { readPolicies } from '../../../src/csp/map.ts';
import relaisCsp from '../../../src/integrations/csp.ts';

type Hook = (options: unknown) => void | Promise<void>;

const root = new URL('../../../', import.meta.url);

/**
 * Runs the integration's two hooks on a folder of pages, as `astro build` would: Astro reports
 * the files it wrote (`assets`, here every file the test wrote but those copied from `publicDir`).
 */
async function buildDone(dist: string, base = '/hub/', publicDir = `${dist}-public`): Promise<string[]> {
  const hooks = relaisCsp().hooks as AstroIntegration['hooks'] & Record<string, Hook>;
  const logged: string[] = [];
  const cacheDir = pathToFileURL(`${dist}-cache/`);
  (hooks['astro:config:done'] as Hook)({ config: { base, root, cacheDir, publicDir: pathToFileURL(`${publicDir}/`) } });
  const copied = new Set(existsSync(publicDir) ? readdirSync(publicDir, { recursive: true }).map(String) : []);
  const written = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !copied.has(relative(dist, path)) && !relative(dist, path).startsWith('_csp'));
  await (hooks['astro:build:done'] as Hook)({
    dir: pathToFileURL(`${dist}/`),
    assets: new Map(written.map((path) => [relative(dist, path), [pathToFileURL(path)]])),
    logger: { info: (m: string) => logged.push(m) },
  });
  return logged;
}

const dirs: string[] = [];
/** Pages written an hour ago, as those a build reuses: old enough for the memo to keep them. */
function site(pages: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'relais-csp-site-'));
  dirs.push(dist, `${dist}-cache`);
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(join(dist, file, '..'), { recursive: true });
    writeFileSync(join(dist, file), html);
    utimesSync(join(dist, file), anHourAgo, anHourAgo);
  }
  return dist;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('relais:csp', () => {
  it('writes one policy per page with its own hashes, the admin’s with Decap’s sources', async () => {
    const dist = site({
      'index.html': '<style>a{}</style><p>accueil</p>',
      'cartes/x/index.html': '<style>a{}</style><script type="module">go()</script>',
      'admin/index.html': '<script type="module" src="/hub/admin/cms.js"></script>',
      '404.html': '<p>introuvable</p>',
    });
    const logged = await buildDone(dist);
    const policyOf = readPolicies(dist, '/hub/');
    expect(policyOf('/hub/')).toContain("style-src 'self' 'sha256-");
    expect(policyOf('/hub/')).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(policyOf('/hub/cartes/x/')).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+';/);
    expect(policyOf('/hub/admin/')).toContain("'unsafe-eval'");
    expect(policyOf('/hub/admin/')).toContain("style-src 'self' 'unsafe-inline';");
    expect(policyOf('/hub/nulle-part/')).toBe(policyOf('/hub/404.html'));
    expect(readFileSync(join(dist, '_csp/policies.map'), 'utf8').match(/^p\d+ /gm)).toHaveLength(4);
    expect(logged).toEqual([expect.stringMatching(/^4 pages \(0 déjà lues\), 4 politiques CSP en \d+ ms$/)]);
  });

  it('reads again only the pages written since the last build', async () => {
    const dist = site({
      'index.html': '<script>one()</script>',
      'cartes/x/index.html': '<script>two()</script>',
    });
    await buildDone(dist);
    const first = readPolicies(dist, '/hub/');
    // Same size, new bytes: the page a build rendered anew (its mtime is now).
    writeFileSync(join(dist, 'cartes/x/index.html'), '<script>six()</script>');
    const logged = await buildDone(dist);
    expect(logged).toEqual([expect.stringMatching(/^2 pages \(1 déjà lues\)/)]);
    const second = readPolicies(dist, '/hub/');
    expect(second('/hub/')).toBe(first('/hub/'));
    expect(second('/hub/cartes/x/')).not.toBe(first('/hub/cartes/x/'));
    expect(second('/hub/cartes/x/')).toContain(cspHash('six()'));
  });

  it('gives a policy to an HTML file copied from public/ too, which Astro does not report', async () => {
    const dist = site({ 'index.html': '<p>accueil</p>', 'media/guide.html': '<script>guide()</script>' });
    mkdirSync(join(`${dist}-public`, 'media'), { recursive: true });
    dirs.push(`${dist}-public`);
    writeFileSync(join(`${dist}-public`, 'media/guide.html'), '<script>guide()</script>');
    writeFileSync(join(`${dist}-public`, 'media/logo.svg'), '<svg/>');
    const logged = await buildDone(dist);
    expect(logged).toEqual([expect.stringMatching(/^2 pages /)]);
    expect(readPolicies(dist, '/hub/')('/hub/media/guide.html')).toContain(cspHash('guide()'));
  });

  it('stops the build on an inline handler, naming the page', async () => {
    const dist = site({ 'cartes/y/index.html': '<button type="button" onclick="copy()">Copier</button>' });
    await expect(buildDone(dist)).rejects.toThrow('cartes/y/index.html: <button onclick> is an inline handler');
  });
});
