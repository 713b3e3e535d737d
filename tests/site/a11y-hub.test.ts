import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../lib/axe.ts';
import { isolatedContext, launch } from '../lib/browser.ts';
import { serve } from '../lib/server.ts';

/** axe-core on the employee hub's pages, both locales and colour schemes, on a phone. */
const pages = ['', 'cartes/', 'cartes/theme/produits/', 'cartes/capteur-vigie-fuites/', 'recherche/?q=linkedin'];
const cases = ['', 'en/'].flatMap((prefix) =>
  (['light', 'dark'] as const).flatMap((scheme) => pages.map((p) => [`${prefix}${p}`, scheme] as const)),
);

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
beforeAll(async () => {
  server = await serve();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('axe-core on the hub: no serious or critical violation', () => {
  it.each(cases)('/%s (%s)', async (path, colorScheme) => {
    const { context, foreign } = await isolatedContext(browser, new URL(server.url).origin, {
      viewport: { width: 390, height: 844 },
      colorScheme,
    });
    const page = await context.newPage();
    await page.goto(server.url + path);
    if (path.includes('recherche')) await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
    expect(await seriousViolations(page)).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });
});
