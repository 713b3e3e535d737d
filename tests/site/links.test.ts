import { describe, expect, it } from 'vitest';
import { brokenLinks } from '../lib/links.ts';
import { testBase, testDist } from '../lib/paths.ts';
import { filesUnder } from '../lib/site-files.ts';

/** The settings' site address: absolute links to it are internal too. */
const origin = 'https://relais.intranet.exemple.fr';

describe('links across the built site (both locales, base path /hub/)', () => {
  it('has no broken internal link or anchor', () => {
    const pages = filesUnder(testDist, '.html');
    expect(pages.length).toBeGreaterThan(300);
    const broken = pages.flatMap((file) => brokenLinks(testDist, testBase, origin, file));
    expect(broken.map((b) => `${b.page} → ${b.href}: ${b.reason}`)).toEqual([]);
  });
});
