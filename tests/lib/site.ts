import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.ts';
import { serve } from './server.ts';

/** The served test build and a Chromium, shared by the tests of one file. */
export interface BrowserSite {
  /** Address of the build's root, with the base path (`http://127.0.0.1:port/hub/`). */
  readonly url: string;
  readonly origin: string;
  readonly browser: Browser;
}

/**
 * Serves the test build and launches Chromium before a file's tests, and stops both after.
 * @example const site = useBrowserSite(); … await page.goto(site.url + 'cartes/');
 */
export function useBrowserSite(): BrowserSite {
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serve();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is only available inside tests (after beforeAll)`);
    return value;
  };
  return {
    get url() {
      return ready(server, 'the test server').url;
    },
    get origin() {
      return new URL(ready(server, 'the test server').url).origin;
    },
    get browser() {
      return ready(browser, 'Chromium');
    },
  };
}
