import { describe, expect, it } from 'vitest';
import { axeReport } from '../lib/axe.ts';
import { isolatedContext } from '../lib/browser.ts';
import { useBrowserSite } from '../lib/site.ts';

/**
 * axe-core on every page type, in both locales and both colour schemes, on a phone, with the
 * progressive enhancements running. Serious and critical violations fail; minor ones are
 * printed for the record. Each page must also fit a 320 px screen without sideways scrolling.
 */
const pageTypes = [
  '',
  'cartes/',
  'cartes/theme/produits/',
  'cartes/capteur-vigie-fuites/',
  'recherche/?q=linkedin',
  'capsules/',
  'capsules/charte-en-5-minutes/',
  'capsules/premier-partage/',
  'parcours/',
  'parcours/premiers-pas/',
  'charte/',
  'charte/volontariat/',
  'charte/imprimer/',
  'temoignages/',
  'temoignages/aurelie-perrin/',
  'agenda/',
  'agenda/web-cafe-commentaires/',
  'formateurs/',
  'presentation/capsule/charte-en-5-minutes/',
  'presentation/parcours/premiers-pas/',
  'presentation/agenda/web-cafe-commentaires/',
  'defis/',
  'defis/defi-dix-partages-hiver/',
  'defis/objectif-hydrotech/',
  'tableau-de-bord/',
  'lettre/',
  'lettre/2026-W36/',
  'lettre/2026-W47/',
  'admin/digest/',
  'tableau-de-bord/objectifs/',
  'proposer/',
  'proposer/envoye/',
  // A card's editors' page: verdicts, two charts with their tables (the sample's most shared card).
  'tableau-de-bord/cartes/alternance-rentree-2027/',
];
const cases = ['', 'en/'].flatMap((prefix) =>
  (['light', 'dark'] as const).flatMap((scheme) => pageTypes.map((p) => [`${prefix}${p}`, scheme] as const)),
);
const site = useBrowserSite();

describe('accessibility (axe-core, WCAG 2.1 AA): no serious or critical violation', () => {
  it.each(cases)('/%s (%s)', async (path, colorScheme) => {
    const { context, foreign } = await isolatedContext(site.browser, site.origin, {
      viewport: { width: 390, height: 844 },
      colorScheme,
    });
    const page = await context.newPage();
    await page.goto(site.url + path);
    if (path.includes('recherche')) await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
    if (path.includes('tableau')) await page.waitForFunction(() => !document.querySelector('relais-chart[hidden]'));
    const { serious, minor, passes } = await axeReport(page);
    expect(passes).toBeGreaterThan(5);
    if (minor.length) console.info(path, colorScheme, minor);
    expect(serious).toEqual([]);
    // Charts redraw to the new width on their own schedule: give the layout a moment to settle.
    await page.setViewportSize({ width: 320, height: 700 });
    const fits = await page
      .waitForFunction(() => document.documentElement.scrollWidth <= 320, null, { timeout: 3000 })
      .then(() => true)
      .catch(() => false);
    expect(fits, `page wider than 320 px: ${await page.evaluate(() => document.documentElement.scrollWidth)}`).toBe(
      true,
    );
    // The framed e-mail loads its images by absolute URL from the hub's address (the settings'
    // siteUrl, the page's own origin once deployed): only those, and only on the preview.
    const hub = 'https://relais.intranet.exemple.fr/';
    expect(foreign.filter((url) => !(path.endsWith('admin/digest/') && url.startsWith(hub)))).toEqual([]);
    await context.close();
  });
});
