import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubDirectives, hubHeaders } from '../../deploy/headers.ts';
import { freePort, startDecapServer } from '../fixtures/cms/workspace.ts';
import { isolatedContext, launch } from '../lib/browser.ts';
import { root, testBase, testDist } from '../lib/paths.ts';
import { serve } from '../lib/server.ts';

/**
 * The Content-Security-Policy holds on every page type: each page's meta (Astro's, with the
 * hashes of what it inlines) plus the headers nginx adds (`deploy/headers.ts`, served here by
 * the test server; `nginx.test.ts` checks that nginx sends the same). First a static pass over
 * every built page, then Chromium on one page of each type, expecting no violation at all.
 */

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

const metaPolicy = (html: string) =>
  /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1]?.replaceAll('&#39;', "'");

/** `script-src 'self' 'sha256-…'; style-src …` → { 'script-src': ["'self'", …], … } */
function directives(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values;
  }
  return out;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('every built page carries a policy that allows exactly what it inlines', () => {
  const pages = htmlFiles(testDist);

  it('has a CSP meta on every page, scripts without unsafe-inline', () => {
    expect(pages.length).toBeGreaterThan(50);
    const missing = pages.filter((f) => !metaPolicy(readFileSync(f, 'utf8')));
    expect(missing.map((f) => relative(testDist, f))).toEqual([]);
    for (const f of pages) {
      const d = directives(metaPolicy(readFileSync(f, 'utf8')) ?? '');
      expect(d['script-src'], f).not.toContain("'unsafe-inline'");
      // Only the admin may evaluate code: Decap checks its configuration with Ajv (`new Function`).
      if (!f.endsWith('admin/index.html')) expect(d['script-src'], f).not.toContain("'unsafe-eval'");
      for (const directive of hubDirectives) {
        const [name = '', ...values] = directive.split(' ');
        expect(d[name], `${f}: ${name}`).toEqual(expect.arrayContaining(values));
      }
    }
  });

  it('hashes every inline script and <style>, and no page has inline event handlers', () => {
    const problems: string[] = [];
    for (const f of pages) {
      const html = readFileSync(f, 'utf8');
      const d = directives(metaPolicy(html) ?? '');
      const where = relative(testDist, f);
      for (const m of html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)) {
        const type = /\btype="([^"]*)"/.exec(m[1] ?? '')?.[1];
        // JSON and other data blocks are not run, so CSP does not apply to them.
        if (type && type !== 'module' && type !== 'text/javascript') continue;
        if (!d['script-src']?.includes(sha256(m[2] ?? ''))) problems.push(`${where}: inline script not hashed`);
      }
      const styles = d['style-src'] ?? [];
      if (!styles.includes("'unsafe-inline'"))
        for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g))
          if (!styles.includes(sha256(m[1] ?? '')))
            problems.push(`${where}: <style> not hashed: ${m[1]?.slice(0, 40)}`);
      for (const m of html.matchAll(/<[a-z][^>]*\s(on[a-z]+)=/g)) problems.push(`${where}: inline handler ${m[1]}`);
      if (/href="javascript:/i.test(html)) problems.push(`${where}: javascript: URL`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('gives the admin its own policy: Decap’s styles and its Git backend, scripts still strict', () => {
    const d = directives(metaPolicy(readFileSync(join(testDist, 'admin/index.html'), 'utf8')) ?? '');
    expect(d['style-src']).toContain("'unsafe-inline'");
    expect(d['script-src']).not.toContain("'unsafe-inline'");
    // The test build uses the local backend (decap-server on 127.0.0.1:8081).
    expect(d['connect-src']).toEqual(["'self'", 'http://127.0.0.1:8081']);
    expect(d['img-src']).toContain('blob:');
  });
});

/** Records CSP violations (DOM events and Chromium's console reports) in every frame of a page. */
async function watch(context: BrowserContext): Promise<{ page: Page; violations: string[] }> {
  const violations: string[] = [];
  const page = await context.newPage();
  await page.exposeBinding('__relaisViolation', (_source, text: string) => void violations.push(text));
  // A string, not a function: Vitest would instrument a function's body for Node.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) =>
    window.__relaisViolation(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));`);
  page.on('console', (m) => {
    if (/Content[ -]Security[ -]Policy|Permissions[ -]Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  return { page, violations };
}

describe('Chromium loads every page type behind the policy without a single violation', () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };
  let origin: string;
  const first = (dir: string, test: (html: string) => boolean = () => true) =>
    readdirSync(join(testDist, dir)).find((name) => {
      const file = join(testDist, dir, name, 'index.html');
      return existsSync(file) && test(readFileSync(file, 'utf8'));
    });

  beforeAll(async () => {
    site = await serve(testDist, testBase, (path) => hubHeaders(path, testBase));
    origin = new URL(site.url).origin;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function visit(path: string, ready: (page: Page) => Promise<unknown>): Promise<string[]> {
    const { context } = await isolatedContext(browser, origin);
    const { page, violations } = await watch(context);
    try {
      await page.goto(`${site.url}${path}`);
      await ready(page);
      // Late work (idle callbacks, lazy imports) gets a moment to run into the policy.
      await page.waitForTimeout(300);
      return violations;
    } finally {
      await context.close();
    }
  }

  it('sees a violation when there is one (so that none means none)', async () => {
    const violations = await visit('', (p) =>
      p.evaluate(`document.head.append(Object.assign(document.createElement('script'), { textContent: 'void 0' }))`),
    );
    expect(violations.join('\n')).toMatch(/script-src/);
  });

  it('home', async () => {
    expect(await visit('', (p) => p.getByRole('main').waitFor())).toEqual([]);
  });

  it('card list (filters)', async () => {
    expect(await visit('cartes/', (p) => p.getByRole('main').waitFor())).toEqual([]);
  });

  it('card page (variant picker, copy, QR code)', async () => {
    const card = first('cartes');
    expect(await visit(`cartes/${card}/`, (p) => p.getByRole('heading', { level: 1 }).waitFor())).toEqual([]);
  });

  it('share route: the inline redirect runs and leaves for the network', async () => {
    const card = first('cartes');
    expect(existsSync(join(testDist, `partager/${card}/linkedin/index.html`))).toBe(true);
    const { context, foreign } = await isolatedContext(browser, origin);
    const { page, violations } = await watch(context);
    try {
      await page.goto(`${site.url}partager/${card}/linkedin/?v=1`).catch(() => undefined);
      // isolatedContext aborts the request to LinkedIn: it proves the redirect script ran.
      await expect.poll(() => foreign.some((u) => u.includes('linkedin.com')), { timeout: 10_000 }).toBe(true);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('capsule with its video and captions', async () => {
    const capsule = first('capsules', (html) => html.includes('<video'));
    expect(capsule).toBeTruthy();
    const violations = await visit(`capsules/${capsule}/`, async (p) => {
      await p.locator('video').first().waitFor();
      await p.waitForFunction(`document.querySelector('video').readyState >= 1`);
    });
    expect(violations).toEqual([]);
  });

  it('search with a query (Pagefind UI, its WebAssembly, its index)', async () => {
    const violations = await visit('recherche/?q=alternance', (p) =>
      p.locator('.pagefind-ui__result').first().waitFor({ timeout: 20_000 }),
    );
    expect(violations).toEqual([]);
  });

  it('dashboard (Chart.js)', async () => {
    if (!existsSync(join(testDist, 'tableau-de-bord/index.html'))) return;
    const violations = await visit('tableau-de-bord/', (p) =>
      p.locator('relais-chart:not([hidden]) canvas').first().waitFor(),
    );
    expect(violations).toEqual([]);
  });

  it('admin: Decap logs in to its local backend and shows an entry with its preview', async () => {
    const port = await freePort();
    const decap = await startDecapServer(root, port);
    // Wide enough for Decap to show its preview frame beside the form.
    const { context } = await isolatedContext(browser, origin, { viewport: { width: 1440, height: 900 } });
    // The build points Decap at 127.0.0.1:8081; the test's decap-server (read only: nothing is
    // saved) listens elsewhere.
    await context.route('http://127.0.0.1:8081/**', async (route) => {
      const url = route.request().url().replace(':8081/', `:${port}/`);
      await route.fulfill({ response: await route.fetch({ url }) });
    });
    const { page, violations } = await watch(context);
    try {
      await page.goto(`${site.url}admin/`);
      await page.getByRole('button', { name: 'Se connecter' }).click({ timeout: 30_000 });
      await page
        .getByRole('link', { name: /Cartes à partager/ })
        .first()
        .waitFor({ timeout: 30_000 });
      await page.goto(`${site.url}admin/#/collections/cards/entries/${first('cartes')}`);
      await page.getByLabel('Titre', { exact: true }).first().waitFor({ timeout: 30_000 });
      // Side-by-side languages hide the preview: ask for it (its frame gets the site's styles).
      await page.getByTitle('Aperçu', { exact: true }).click();
      await page.frameLocator('iframe').first().locator('h1, h2').first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1000);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
      await decap.stop();
    }
  }, 150_000);
});
