import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mapFolder, pagesFile, policiesFile, readPolicies, renderMaps } from '../../../src/csp/map.ts';

const a = "default-src 'self'; style-src 'self' 'sha256-AAA='";
const b = "default-src 'self'; script-src 'self' 'unsafe-eval'";

describe('renderMaps', () => {
  it('writes each distinct policy once and each page as a key of the map', () => {
    const maps = renderMaps(
      new Map([
        ['/hub/index.html', a],
        ['/hub/admin/index.html', b],
        ['/hub/cartes/index.html', a],
      ]),
    );
    const lines = (text: string) => text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines(maps.pages)).toEqual([
      '"/hub/admin/index.html" p0;',
      '"/hub/cartes/index.html" p1;',
      '"/hub/index.html" p1;',
    ]);
    expect(lines(maps.policies)).toEqual([`p0 "${b}";`, `p1 "${a}";`]);
  });

  it('refuses what nginx would read as a variable or the end of the string, naming it', () => {
    expect(() => renderMaps(new Map([['/hub/$x/index.html', a]]))).toThrow('path « /hub/$x/index.html »');
    expect(() => renderMaps(new Map([['/hub/index.html', 'default-src "self"']]))).toThrow('policy « default-src');
  });
});

describe('readPolicies', () => {
  const dist = mkdtempSync(join(tmpdir(), 'relais-csp-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('answers a request path with the policy of the page nginx serves for it', () => {
    const maps = renderMaps(
      new Map([
        ['/hub/index.html', a],
        ['/hub/404.html', b],
      ]),
    );
    mkdirSync(join(dist, mapFolder));
    writeFileSync(join(dist, mapFolder, pagesFile), maps.pages);
    writeFileSync(join(dist, mapFolder, policiesFile), maps.policies);
    writeFileSync(join(dist, 'logo.svg'), '<svg/>');
    const policyOf = readPolicies(dist, '/hub/');
    expect(policyOf('/hub/')).toBe(a);
    expect(policyOf('/hub/index.html')).toBe(a);
    // Not a page: nginx's default policy applies.
    expect(policyOf('/hub/logo.svg')).toBeUndefined();
    // Missing: answered with the site's 404 page, and its policy.
    expect(policyOf('/hub/nulle-part/')).toBe(b);
  });
});
