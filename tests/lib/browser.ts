import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium: browsers cannot be downloaded here (and CI installs this one). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The flags every browser of the project runs with: no sandbox (containers run as root), no
 * GPU, and nothing that phones home (the machines have no network but the package registries).
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/**
 * A fresh browser context (empty storage: a new visitor) in which every request to a host
 * other than the test server is aborted and recorded, so a test can assert that no page
 * reaches a third party and no request ever leaves the machine.
 */
export async function isolatedContext(
  browser: Browser,
  origin: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; foreign: string[] }> {
  const context = await browser.newContext({ locale: 'fr-FR', ...options });
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  return { context, foreign };
}
