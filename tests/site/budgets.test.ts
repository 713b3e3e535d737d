import { describe, expect, it } from 'vitest';
import { pageJs } from '../lib/js-weight.ts';
import { testBase, testDist } from '../lib/paths.ts';

/** Page types and their JavaScript budget in gzipped bytes (see README's budget table). */
const budgets: [string, string, number][] = [
  ['card page', 'cartes/capteur-vigie-fuites/index.html', 15 * 1024],
  ['card list', 'cartes/index.html', 15 * 1024],
  ['share route', 'partager/capteur-vigie-fuites/x/index.html', 15 * 1024],
  ['dashboard', 'tableau-de-bord/index.html', 80 * 1024],
  ['capsule page', 'capsules/premier-partage/index.html', 15 * 1024],
  ['search', 'recherche/index.html', 15 * 1024],
  ['home', 'index.html', 0],
  ['charter page', 'charte/index.html', 0],
  ['testimonials', 'temoignages/index.html', 0],
  ['agenda', 'agenda/index.html', 0],
];

describe('JavaScript shipped per page type (gzip)', () => {
  it.each(budgets)('%s stays within budget', (_name, file, budget) => {
    const { gzip } = pageJs(testDist, testBase, `${testDist}${file}`);
    expect(gzip).toBeLessThanOrEqual(budget);
  });

  it('content pages ship no JavaScript at all', () => {
    for (const file of ['index.html', 'en/index.html', 'charte/index.html', 'temoignages/index.html'])
      expect(pageJs(testDist, testBase, `${testDist}${file}`).files.size, file).toBe(0);
  });
});
