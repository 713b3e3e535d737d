import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isolatedContext } from '../lib/browser.ts';
import { useBrowserSite } from '../lib/site.ts';
import { decodeSvg } from '../unit/training/decode-qr.ts';

/**
 * The training pages in Chromium, as a learner on a phone and a trainer would use them. Every
 * context aborts requests to other hosts; each test checks none was attempted.
 */
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const site = useBrowserSite();

async function open(path: string, options = phone) {
  const { context, foreign } = await isolatedContext(site.browser, site.origin, options);
  const page = await context.newPage();
  await page.goto(site.url + path);
  return { context, page, foreign };
}

/** Waits until the video has its metadata and a position close to `seconds`. */
const positionNear = (page: Page, seconds: number) =>
  page.waitForFunction(
    (s) => {
      const v = document.querySelector('video');
      return !!v && v.readyState >= 1 && Math.abs(v.currentTime - s) < 0.5;
    },
    seconds,
    { timeout: 15_000 },
  );

describe('chapter deep links', () => {
  it.each([
    ['?t=8', 8],
    ['#t=0m16s', 16],
    ['#t=16', 16],
  ])('capsules/charte-en-5-minutes/%s starts the video at %ds', async (suffix, seconds) => {
    const { context, page, foreign } = await open(`capsules/charte-en-5-minutes/${suffix}`);
    await positionNear(page, seconds);
    expect(await page.$eval('video', (v) => v.paused)).toBe(true);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('a chapter link seeks in place and plays', async () => {
    const { context, page, foreign } = await open('capsules/charte-en-5-minutes/');
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1);
    await page.getByRole('link', { name: /0:16/ }).click();
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) >= 15.5, null, {
      timeout: 15_000,
    });
    expect(page.url()).toMatch(/\?t=16$/);
    await expect.poll(() => page.getByRole('link', { name: /0:16/ }).getAttribute('aria-current')).toBe('true');
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('a chapter link works without JavaScript too (plain ?t= link)', async () => {
    const { context, page, foreign } = await open('capsules/charte-en-5-minutes/', {
      ...phone,
      javaScriptEnabled: false,
    } as typeof phone);
    expect(await page.getByRole('link', { name: /0:08/ }).getAttribute('href')).toBe('?t=8');
    expect(await page.getByRole('button', { name: /Marquer comme terminée/ }).count()).toBe(0);
    expect(foreign).toEqual([]);
    await context.close();
  });
});

describe('progress in the browser', () => {
  it('marking a capsule done updates its path’s progress, after reload, and can be cleared', async () => {
    const { context, page, foreign } = await open('parcours/premiers-pas/');
    await expect.poll(() => page.locator('.count').textContent()).toMatch(/^0 sur \d+ capsules terminées$/);
    const total = Number(/sur (\d+)/.exec((await page.locator('.count').textContent()) ?? '')?.[1]);

    await page.goto(`${site.url}capsules/charte-en-5-minutes/`);
    const toggle = page.locator('relais-done button');
    expect(await toggle.textContent()).toBe('Marquer comme terminée');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.textContent()).toBe('Terminée ✓ (annuler)');
    await expect.poll(() => page.locator('.count').first().textContent()).toBe(`1 sur ${total} capsules terminées`);

    await page.goto(`${site.url}parcours/premiers-pas/`);
    await page.reload();
    await expect.poll(() => page.locator('.count').textContent()).toBe(`1 sur ${total} capsules terminées`);
    expect(await page.locator('progress').evaluate((p: HTMLProgressElement) => p.value)).toBe(1);
    expect(await page.locator('li[data-capsule="charte-en-5-minutes"] [data-done-mark]').isVisible()).toBe(true);
    expect(await page.locator('li[data-capsule="premier-partage"] [data-done-mark]').isVisible()).toBe(false);

    // The English page reads the same browser-local progress.
    await page.goto(`${site.url}en/parcours/premiers-pas/`);
    await expect.poll(() => page.locator('.count').textContent()).toBe(`1 of ${total} capsules done`);

    await page.getByRole('button', { name: 'Clear my progress' }).click();
    await expect.poll(() => page.locator('.count').textContent()).toBe(`0 of ${total} capsules done`);
    await page.goto(`${site.url}capsules/charte-en-5-minutes/`);
    await expect.poll(() => page.locator('relais-done button').getAttribute('aria-pressed')).toBe('false');
    expect(foreign).toEqual([]);
    await context.close();
  });
});

describe('short links', () => {
  it.each([
    ['c/charte/', 'capsules/charte-en-5-minutes/'],
    ['c/pourquoi/', 'capsules/pourquoi-devenir-ambassadeur/'],
    ['c/bienvenue/', 'capsules/pourquoi-devenir-ambassadeur/'],
  ])('%s reaches %s', async (from, to) => {
    const { context, page, foreign } = await open(from);
    await page.waitForURL(site.url + to);
    await expect.poll(() => page.locator('h1').textContent()).toBeTruthy();
    expect(foreign).toEqual([]);
    await context.close();
  });
});

describe('presenter mode', () => {
  it('shows the title, a large QR code and the short link', async () => {
    const { context, page, foreign } = await open('presentation/capsule/charte-en-5-minutes/', {
      viewport: { width: 1280, height: 720 },
    } as typeof phone);
    const link = 'https://relais.intranet.exemple.fr/hub/c/charte/';
    await expect.poll(() => page.locator('h1').textContent()).toBe('La charte Relais en cinq minutes');
    const qr = page.getByRole('img', { name: `QR code vers ${link}` });
    expect(await qr.isVisible()).toBe(true);
    const box = await qr.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(720 * 0.5);
    expect(decodeSvg(await qr.evaluate((svg) => svg.outerHTML))).toBe(link);
    expect(await page.getByText('relais.intranet.exemple.fr/hub/c/charte/', { exact: true }).isVisible()).toBe(true);
    const fontSize = await page.locator('.link').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(32);
    expect(await page.getByRole('button', { name: 'Plein écran' }).isVisible()).toBe(true);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('works for a path and an event too', async () => {
    for (const path of ['presentation/parcours/premiers-pas/', 'en/presentation/agenda/web-cafe-commentaires/']) {
      const { context, page, foreign } = await open(path);
      expect(await page.getByRole('img', { name: /^QR code/ }).isVisible()).toBe(true);
      expect(await page.locator('.link').textContent()).toMatch(/\/hub\/c\/[a-z0-9-]+\/$/);
      expect(foreign).toEqual([]);
      await context.close();
    }
  });
});
