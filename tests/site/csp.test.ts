import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubDirectives, previewFile } from '../../deploy/headers.ts';
import { fakeSso, type LocalNginx, nginxBinary, startLocal } from '../../deploy/nginx/run-local.ts';
import { readPolicies } from '../../src/csp/map.ts';
import { readProposals } from '../../src/lib/proposals.ts';
import { freePort, startDecapServer } from '../fixtures/cms/workspace.ts';
import { isolatedContext, launch } from '../lib/browser.ts';
import { root, testBase, testDist } from '../lib/paths.ts';

/**
 * Each page's Content-Security-Policy (one per page, from the build's nginx maps, sent by the
 * real nginx configuration): first a static pass over every built page, which recomputes the
 * hashes from the HTML, then Chromium on one page of each type through nginx, expecting no
 * violation at all.
 */

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

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
const hashesIn = (sources: string[] = []) => sources.filter((s) => s.startsWith("'sha256-")).sort();
const unique = (values: string[]) => [...new Set(values)].sort();

describe('every built page has a policy that allows exactly what it inlines', () => {
  const pages = htmlFiles(testDist);
  const policyOf = readPolicies(testDist, testBase);
  const policy = (file: string) => policyOf(`${testBase}${relative(testDist, file)}`) ?? '';

  it('has a policy for every page, and no CSP meta left in any page', () => {
    expect(pages.length).toBeGreaterThan(50);
    expect(pages.filter((f) => !policy(f)).map((f) => relative(testDist, f))).toEqual([]);
    const metas = pages.filter((f) => /http-equiv="content-security-policy"/i.test(readFileSync(f, 'utf8')));
    expect(metas.map((f) => relative(testDist, f))).toEqual([]);
  });

  it('lists the hashes of the page’s own inline scripts and <style> elements, and no other', () => {
    const problems: string[] = [];
    for (const f of pages) {
      // Comments are not elements, for the browser as for the build's scanner: the e-mail preview
      // holds Outlook's conditional comments with <style> inside.
      const html = readFileSync(f, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
      const d = directives(policy(f));
      const where = relative(testDist, f);
      const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
        // JSON and other data blocks are not run, so CSP does not apply to them.
        .filter((m) => !/\btype="(?!module"|text\/javascript")/.test(m[1] ?? ''))
        .map((m) => sha256(m[2] ?? ''));
      const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1] ?? ''));
      if (hashesIn(d['script-src']).join() !== unique(scripts).join()) problems.push(`${where}: script-src hashes`);
      // 'unsafe-inline' (the admin's styles) already allows them: a hash would switch it off.
      const expected = d['style-src']?.includes("'unsafe-inline'") ? [] : unique(styles);
      if (hashesIn(d['style-src']).join() !== expected.join()) problems.push(`${where}: style-src hashes`);
      for (const m of html.matchAll(/<[a-z][^>]*\s(on[a-z]+)=/g)) problems.push(`${where}: inline handler ${m[1]}`);
      if (/href="javascript:/i.test(html)) problems.push(`${where}: javascript: URL`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('keeps every policy small, strict on scripts, eval for the admin only', () => {
    for (const f of pages) {
      const text = policy(f);
      const d = directives(text);
      expect(Buffer.byteLength(text), f).toBeLessThanOrEqual(600);
      expect(d['script-src'], f).not.toContain("'unsafe-inline'");
      if (!f.endsWith('/admin/index.html')) expect(d['script-src'], f).not.toContain("'unsafe-eval'");
      // The digest preview's e-mail files may be framed by the hub's own preview page.
      const framed = previewFile.test(relative(testDist, f).split('\\').join('/'));
      for (const [name, values] of Object.entries(hubDirectives))
        if (name === 'frame-ancestors' && framed) expect(d[name], f).toEqual(["'self'"]);
        else expect(d[name], `${f}: ${name}`).toEqual(expect.arrayContaining([...values]));
    }
  });

  it('gives the admin its own policy: Decap’s styles and its Git backend, scripts still strict', () => {
    const d = directives(policyOf(`${testBase}admin/`) ?? '');
    expect(d['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", "'unsafe-eval'"]);
    // The test build uses the local backend (decap-server on 127.0.0.1:8081).
    expect(d['connect-src']).toEqual(["'self'", 'http://127.0.0.1:8081']);
    expect(d['img-src']).toContain('blob:');
  });

  it('lets the suggestion form post to its endpoint on its own pages only', () => {
    const { endpoint, email } = readProposals(join(root, 'content'));
    expect(endpoint).toBeDefined();
    const expected = ["'self'", new URL(endpoint ?? '').origin, ...(email ? ['mailto:'] : [])];
    for (const path of ['proposer/', 'en/proposer/'])
      expect(directives(policyOf(`${testBase}${path}`) ?? '')['form-action'], path).toEqual(expected);
    const others = pages.filter((f) => !/\/proposer\/index\.html$/.test(f));
    expect(others.length).toBeGreaterThan(10);
    for (const f of others) expect(directives(policy(f))['form-action'], f).toEqual(["'self'"]);
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

const nginx = nginxBinary();

describe.skipIf(!nginx)(
  `Chromium loads every page type through nginx without a single violation${
    nginx ? '' : ' (SKIPPED: nginx is not installed)'
  }`,
  () => {
    let browser: Browser;
    let site: LocalNginx;
    let sso: Awaited<ReturnType<typeof fakeSso>>;
    let origin: string;
    const first = (dir: string, test: (html: string) => boolean = () => true) =>
      readdirSync(join(testDist, dir)).find((name) => {
        const file = join(testDist, dir, name, 'index.html');
        return existsSync(file) && test(readFileSync(file, 'utf8'));
      });

    beforeAll(async () => {
      sso = await fakeSso();
      site = await startLocal(testDist, sso.port);
      origin = new URL(site.url).origin;
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      await site?.stop();
      await sso?.close();
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

    it('digest: a week of the archive, and the preview framing the e-mail file under its own policy', async () => {
      const week = first('lettre');
      expect(await visit(`lettre/${week}/`, (p) => p.getByRole('heading', { level: 1 }).waitFor())).toEqual([]);
      // The frame shows the e-mail only if nginx lets the hub frame it (frame-ancestors, X-Frame-Options)
      // and its MJML <style> elements are hashed: any refusal is a violation or an empty frame.
      const violations = await visit('admin/digest/', async (p) => {
        const frame = p.frameLocator('iframe').first();
        await frame.locator('h1').waitFor({ timeout: 15_000 });
        const margin = await frame.locator('h1').evaluate((h) => getComputedStyle(h).marginTop);
        expect(margin).toBe('0px');
      });
      expect(violations).toEqual([]);
    });

    it('dashboard (Chart.js)', async () => {
      if (!existsSync(join(testDist, 'tableau-de-bord/index.html'))) return;
      const violations = await visit('tableau-de-bord/', (p) =>
        p.locator('relais-chart:not([hidden]) canvas').first().waitFor(),
      );
      expect(violations).toEqual([]);
    });

    it('a card’s editors’ page (Chart.js, two charts)', async () => {
      if (!existsSync(join(testDist, 'tableau-de-bord/cartes/alternance-rentree-2027/index.html'))) return;
      const violations = await visit('tableau-de-bord/cartes/alternance-rentree-2027/', (p) =>
        p.locator('relais-chart:not([hidden]) canvas').nth(1).waitFor(),
      );
      expect(violations).toEqual([]);
    });

    /** The admin with its local backend (a read-only decap-server: nothing is saved). */
    async function openAdmin(run: (page: Page, violations: string[]) => Promise<void>, policy = (p: string) => p) {
      const port = await freePort();
      const decap = await startDecapServer(root, port);
      // Wide enough for Decap to show its preview frame beside the form.
      const { context } = await isolatedContext(browser, origin, { viewport: { width: 1440, height: 900 } });
      // The build points Decap at 127.0.0.1:8081; the test's decap-server listens elsewhere.
      await context.route('http://127.0.0.1:8081/**', async (route) => {
        const url = route.request().url().replace(':8081/', `:${port}/`);
        await route.fulfill({ response: await route.fetch({ url }) });
      });
      await context.route(`${site.url}admin/`, async (route) => {
        const response = await route.fetch();
        const headers = response.headers();
        headers['content-security-policy'] = policy(headers['content-security-policy'] ?? '');
        await route.fulfill({ response, headers });
      });
      const { page, violations } = await watch(context);
      try {
        await page.goto(`${site.url}admin/`);
        await run(page, violations);
      } finally {
        await context.close();
        await decap.stop();
      }
    }

    it('admin: Decap logs in to its local backend and shows an entry with its preview', async () => {
      await openAdmin(async (page, violations) => {
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
      });
    }, 150_000);

    it('admin: without unsafe-eval Decap cannot load its configuration (so the admin keeps it)', async () => {
      await openAdmin(
        async (page, violations) => {
          await page
            .getByText(/Error loading the CMS configuration|Erreur de chargement de la configuration/i)
            .waitFor({
              timeout: 30_000,
            });
          expect(violations.join('\n')).toMatch(/unsafe-eval|script-src/);
        },
        (policy) => {
          expect(policy).toContain(" 'unsafe-eval'");
          return policy.replace(" 'unsafe-eval'", '');
        },
      );
    }, 120_000);
  },
);
