import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { baseLinks, prefixBase } from '../../../src/markdown/base-links.ts';

describe('root-relative links in Markdown get the base path', () => {
  it('prefixes hub pages and leaves every other URL alone', () => {
    expect(prefixBase('/charte/', '/hub/')).toBe('/hub/charte/');
    expect(prefixBase('/hub/cartes/', '/hub/')).toBe('/hub/cartes/');
    expect(prefixBase('//cdn.example/x', '/hub/')).toBe('//cdn.example/x');
    expect(prefixBase('https://x.fr/', '/hub/')).toBe('https://x.fr/');
    expect(prefixBase('#top', '/hub')).toBe('#top');
    expect(prefixBase('/charte/', '/')).toBe('/charte/');
  });

  it('rewrites links, images and reference definitions through Astro’s Markdown processor', () => {
    const { html } = markdownToHtml('[charte](/charte/) ![logo](/media/logo.svg) [ref][r]\n\n[r]: /c/ecrire/', {
      mdastPlugins: [baseLinks('/hub/')],
    });
    expect(html).toContain('href="/hub/charte/"');
    expect(html).toContain('src="/hub/media/logo.svg"');
    expect(html).toContain('href="/hub/c/ecrire/"');
  });
});
