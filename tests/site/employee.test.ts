import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/model/load.ts';
import { isolatedContext } from '../lib/browser.ts';
import { root } from '../lib/paths.ts';
import { useBrowserSite } from '../lib/site.ts';

/**
 * The employee's path through the hub, in Chromium against the test build (base `/hub/`):
 * home → filter the cards → a card → a variant of one's own → copy → share → search.
 */
const card = 'capteur-vigie-fuites';

const site = useBrowserSite();

/** A new visitor: empty storage, foreign requests aborted and recorded. */
async function visitor(options: Parameters<Browser['newContext']>[0] = {}) {
  const { context, foreign } = await isolatedContext(site.browser, site.origin, options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, foreign, errors };
}

async function variantShown(page: Page): Promise<string> {
  await page.goto(`${site.url}cartes/${card}/`);
  const area = page.getByRole('textbox', { name: /Texte de votre publication/ });
  await area.waitFor();
  return area.inputValue();
}

describe('employee path', () => {
  it('opens the home page with a first step for newcomers', async () => {
    const { page, foreign, errors } = await visitor();
    await page.goto(site.url);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Relais');
    await expect(page.getByRole('link', { name: 'Lire la charte' }).getAttribute('href')).resolves.toBe('/hub/charte/');
    expect(await page.locator('script').count()).toBe(0);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('filters the cards in place, combining filters, and keeps them in the address', async () => {
    const { page, foreign } = await visitor();
    await page.goto(`${site.url}cartes/`);
    const tiles = page.locator('[data-card]');
    const all = await tiles.count();
    await page.getByRole('button', { name: 'Produits' }).click();
    const visible = page.locator('[data-card]:visible');
    const products = await visible.count();
    expect(products).toBeGreaterThan(0);
    expect(products).toBeLessThan(all);
    for (const theme of await visible.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.theme)))
      expect(theme).toBe('produits');
    expect(new URL(page.url()).searchParams.get('theme')).toBe('produits');
    await page.getByRole('button', { name: 'X', exact: true }).click();
    for (const nets of await visible.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.networks)))
      expect(nets?.split(' ')).toContain('x');
    await expect(page.getByRole('status').first().textContent()).resolves.toMatch(/\d+ cartes?|Aucune/);
    // The same filter as a plain link works without JavaScript.
    const noJs = await visitor({ javaScriptEnabled: false });
    await noJs.page.goto(`${site.url}cartes/`);
    await noJs.page.getByRole('link', { name: 'Produits' }).click();
    expect(noJs.page.url()).toBe(`${site.url}cartes/theme/produits/`);
    expect(await noJs.page.locator('[data-card]').count()).toBe(products);
    expect(foreign).toEqual([]);
  });

  it('offers different visitors different first variants, each stable for its visitor', async () => {
    // Each visitor's pick is random: six visitors all drew the same variant about one run in
    // 32 (two variants). Visitors keep coming until two picks differ, up to 30 (1 in 5e8).
    const seen = new Set<string>();
    for (let i = 0; i < 30 && seen.size < 2; i++) {
      const { page, context } = await visitor();
      const first = await variantShown(page);
      expect(await variantShown(page)).toBe(first);
      seen.add(first);
      await context.close();
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('copies the edited text to the clipboard and announces it', async () => {
    const { page, context } = await visitor();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await variantShown(page);
    const area = page.getByRole('textbox', { name: /Texte de votre publication/ });
    await area.fill('Mon avis : ce capteur change la vie des équipes réseau. #eau');
    await page.getByRole('button', { name: 'Copier le texte' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'copié' }).textContent()).resolves.toContain('Texte copié');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'Mon avis : ce capteur change la vie des équipes réseau. #eau',
    );
  });

  it('shares through the hub’s share route to the network’s intent with the exact UTM parameters', async () => {
    const { page, foreign } = await visitor();
    await variantShown(page);
    await page.getByRole('button', { name: 'Autre formulation' }).click();
    const text = await page.getByRole('textbox', { name: /Texte de votre publication/ }).inputValue();
    const position = Number((await page.locator('[data-position]').textContent())?.match(/\d+/)?.[0]);
    const intent = page.waitForRequest((r) => r.url().startsWith('https://x.com/'));
    const route = page.waitForRequest((r) => r.url().includes('/partager/'));
    await page.getByRole('link', { name: 'X', exact: true }).click();
    expect((await route).url()).toBe(`${site.url}partager/${card}/x/?v=${position}`);
    const url = new URL((await intent).url());
    expect(url.origin + url.pathname).toBe('https://x.com/intent/post');
    expect(url.searchParams.get('text')).toBe(text);
    const target = new URL(url.searchParams.get('url') ?? '');
    expect(Object.fromEntries(target.searchParams)).toEqual({
      utm_source: 'x',
      utm_medium: 'ambassador',
      utm_campaign: card,
      utm_content: `v${position}`,
    });
    // The only request that tried to leave the machine is the one we sent on purpose.
    expect(foreign.every((u) => u.startsWith('https://x.com/intent/post'))).toBe(true);
  });

  it('copies the text first for LinkedIn, which only takes a link, and says so', async () => {
    const { page, context } = await visitor();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const text = await variantShown(page);
    const intent = page.waitForRequest((r) => r.url().startsWith('https://www.linkedin.com/'));
    await page.getByRole('link', { name: 'LinkedIn' }).click();
    await page.getByText(/votre texte a été copié/).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    const url = new URL((await intent).url());
    expect(url.pathname).toBe('/sharing/share-offsite/');
    expect(new URL(url.searchParams.get('url') ?? '').searchParams.get('utm_source')).toBe('linkedin');
  });

  it('shares without JavaScript too, through the meta refresh', async () => {
    const { page } = await visitor({ javaScriptEnabled: false });
    const intent = page.waitForRequest((r) => r.url().startsWith('https://teams.microsoft.com/'), { timeout: 10_000 });
    await page.goto(`${site.url}partager/${card}/teams/?v=1`);
    const url = new URL((await intent).url());
    expect(url.searchParams.get('msgText')?.length).toBeGreaterThan(20);
    expect(new URL(url.searchParams.get('href') ?? '').searchParams.get('utm_source')).toBe('teams');
  });

  it('finds a word that appears only in a capsule’s body', async () => {
    const { entries } = loadContent(root);
    const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}{9,}/gu) ?? []);
    const elsewhere = new Set<string>();
    const counts = new Map<string, string[]>();
    for (const e of entries.filter((x) => x.locale === 'fr')) {
      const bodyWords = words(e.body);
      if (e.collection === 'capsules') for (const w of bodyWords) counts.set(w, [...(counts.get(w) ?? []), e.slug]);
      else for (const w of bodyWords) elsewhere.add(w);
      for (const w of words(JSON.stringify(e.data))) elsewhere.add(w);
    }
    const [word, [slug] = []] = [...counts].find(([w, slugs]) => slugs.length === 1 && !elsewhere.has(w)) ?? [];
    expect(word).toBeTruthy();
    const { page, foreign } = await visitor();
    await page.goto(`${site.url}recherche/?q=${encodeURIComponent(word ?? '')}`);
    const result = page.locator(`.pagefind-ui__result-link[href*="/capsules/${slug}/"]`).first();
    await result.waitFor({ timeout: 15_000 });
    expect(foreign).toEqual([]);
    // The header's search box leads to the same results, from the keyboard.
    await page.goto(`${site.url}cartes/`);
    await page.getByRole('searchbox', { name: 'Rechercher dans le hub' }).fill(word ?? '');
    await page.keyboard.press('Enter');
    await page.locator(`.pagefind-ui__result-link[href*="/capsules/${slug}/"]`).first().waitFor({ timeout: 15_000 });
  });

  it('offers type, theme, level and language filters in each language’s index', async () => {
    const { page } = await visitor();
    for (const [path, names, capsule] of [
      ['recherche/', ['Type', 'Thème', 'Niveau', 'Langue'], 'Capsule'],
      ['en/recherche/', ['Type', 'Theme', 'Level', 'Language'], 'Capsule'],
    ] as const) {
      await page.goto(site.url + path);
      // A string, so that the test runner does not rewrite the page's own dynamic import.
      const filters = (await page.evaluate(
        `import('${site.url}pagefind/pagefind.js').then(async (pf) => { await pf.init(); return pf.filters(); })`,
      )) as Record<string, Record<string, number>>;
      expect(Object.keys(filters).sort()).toEqual([...names].sort());
      expect(filters.Type?.[capsule]).toBeGreaterThan(0);
    }
  });
});
