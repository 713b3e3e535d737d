import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { hubHeaders } from '../../deploy/headers.ts';
import { readPolicies } from '../../src/csp/map.ts';
import { splitFrontmatter } from '../../src/model/frontmatter.ts';
import { loadContent } from '../../src/model/load.ts';
import { cardSchema } from '../../src/model/schemas/card.ts';
import { AdminPage } from '../fixtures/cms/admin-page.ts';
import { createWorkspace, freePort, startDecapServer, type Workspace } from '../fixtures/cms/workspace.ts';
import { launch } from '../lib/browser.ts';
import { root } from '../lib/paths.ts';
import { serve } from '../lib/server.ts';

/**
 * The real Decap UI against the local backend (decap-server) on a copy of the project: an
 * editor creates a share card and edits a capsule, then a build publishes the card and
 * Pagefind finds it. The repository's own `content/` is never written.
 */
let ws: Workspace;
let browser: Browser;
let page: Page;
let admin: AdminPage;
const stops: (() => Promise<void>)[] = [];
/** Console reports of CSP violations: the hub's policy plus the admin's additions must let Decap work. */
const violations: string[] = [];

const card = {
  title: 'Nos ambassadeurs plantent une haie à Gien',
  slug: 'nos-ambassadeurs-plantent-une-haie-a-gien',
  url: 'https://www.exemple.fr/rse/haie-gien',
  variants: [
    'Ce samedi, une équipe de Gien a planté 300 mètres de haie le long de la station.',
    'Fière de mes collègues qui ont planté une haie champêtre autour de notre site de Gien.',
  ],
  why: 'Un engagement concret et local, que nos voisins voient chaque jour.',
};

beforeAll(async () => {
  ws = createWorkspace();
  const port = await freePort();
  const out = await ws.build({ RELAIS_CMS_PORT: String(port) });
  stops.push((await startDecapServer(ws.dir, port)).stop);
  // The admin's policy as nginx sends it, from this build's CSP maps.
  const policyOf = readPolicies(out, '/hub/');
  const site = await serve(out, '/hub/', (path) => hubHeaders(path, '/hub/', policyOf));
  stops.push(site.close);
  browser = await launch();
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  admin = new AdminPage(page, `${site.url}admin/`);
  await admin.login();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  for (const stop of stops.reverse()) await stop();
  ws?.remove();
});

const read = (path: string) => readFileSync(join(ws.dir, path), 'utf8');

describe('the editors’ workshop (Decap CMS, local backend)', { timeout: 300_000 }, () => {
  it('speaks French and lists every collection', async () => {
    await admin.open('collections/cards', page.getByText('Trier par'));
    for (const name of ['Cartes à partager', 'Capsules', 'Parcours', 'Charte', 'Témoignages', 'Défis', 'Agenda'])
      await page.getByRole('link', { name, exact: true }).first().waitFor();
    await page
      .getByRole('link', { name: /Réglages du programme/ })
      .first()
      .waitFor();
    await page
      .getByRole('link', { name: /Classements : volontaires/ })
      .first()
      .waitFor();
  });

  it('creates a share card whose file passes the schema', async () => {
    await admin.open('collections/cards/new', admin.field('Titre'));
    await admin.field('Titre').fill(card.title);
    await admin.choose('Thème', 'RSE');
    await admin.field('Lien public').fill(card.url);
    for (const text of card.variants) await admin.addListItem(/Ajouter variantes de texte/, 'Texte', text);
    await admin.field('Visible à partir du').fill('2026-11-20');
    await admin.field('Pourquoi partager').fill(card.why);
    // The documentation's picture of the workshop, only when asked (`npm run docs:screenshots`):
    // a test run never writes into the working tree.
    const shots = process.env.RELAIS_SCREENSHOTS;
    if (shots) {
      await admin.field('Titre').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(root, shots, 'admin-fr.png') });
    }
    await admin.publish();

    const file = `content/cards/fr/${card.slug}.md`;
    await vi.waitFor(() => expect(existsSync(join(ws.dir, file))).toBe(true), { timeout: 30_000 });
    const { data } = splitFrontmatter(read(file));
    const parsed = cardSchema.safeParse(data);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toMatchObject({
      title: card.title,
      theme: 'rse',
      url: card.url,
      variants: card.variants.map((text) => ({ text })),
      why: card.why,
    });
    // Nobody wrote the English version: no half-empty file for the build to reject.
    expect(existsSync(join(ws.dir, `content/cards/en/${card.slug}.md`))).toBe(false);
    expect(loadContent(ws.dir).problems).toEqual([]);
  });

  it('edits a capsule and keeps every field the form did not touch', async () => {
    const slug = pickCapsule();
    const file = `content/capsules/fr/${slug}.md`;
    const before = splitFrontmatter(read(file));
    await admin.open(`collections/capsules/entries/${slug}`, admin.field('Résumé'));
    await admin.loaded('Titre', (before.data as { title: string }).title);
    const summary = 'Un résumé réécrit depuis l’espace rédaction, pour vérifier le reste.';
    await admin.field('Résumé').fill(summary);
    await admin.publish();

    await vi.waitFor(() => expect(splitFrontmatter(read(file)).data).toMatchObject({ summary }), { timeout: 30_000 });
    const after = splitFrontmatter(read(file));
    expect(after.data).toEqual({ ...(before.data as object), summary });
    expect(after.body.trim()).toBe(before.body.trim());
    expect(loadContent(ws.dir).problems).toEqual([]);
  });

  it('a build publishes the card and search finds it', async () => {
    const out = await ws.build();
    const page2 = await browser.newPage();
    const site = await serve(out, '/hub/');
    try {
      const pagePath = findPage(out, card.slug);
      await page2.goto(`${site.url}${pagePath}`);
      await page2.getByRole('heading', { name: card.title }).first().waitFor();
      // A string, not a function: Vitest would rewrite a function's `import()` for Node.
      const urls = await page2.evaluate<string[]>(`(async () => {
        const pagefind = await import('/hub/pagefind/pagefind.js');
        const search = await pagefind.search('haie Gien');
        return Promise.all(search.results.map(async (r) => (await r.data()).url));
      })()`);
      expect(urls).toContain(`/hub/${pagePath}`);
    } finally {
      await page2.close();
      await site.close();
    }
  });

  it('works within the page’s Content-Security-Policy', () => {
    expect(violations).toEqual([]);
  });
});

/** A French capsule with chapters, resources and aliases: the richest to round-trip. */
function pickCapsule(): string {
  const dir = join(ws.dir, 'content/capsules/fr');
  const rich = readdirSync(dir).find((f) => {
    const data = parse(readFileSync(join(dir, f), 'utf8').split(/^---$/m)[1] ?? '') as Record<string, unknown[]>;
    return data.chapters?.length && data.resources?.length;
  });
  if (!rich) throw new Error('aucune capsule avec chapitres et ressources dans content/');
  return rich.replace(/\.md$/, '');
}

/** The card's French page in the build, wherever the site routes cards (`cartes/<slug>/`). */
function findPage(out: string, slug: string, dir = ''): string {
  for (const entry of readdirSync(join(out, dir), { withFileTypes: true })) {
    if (!entry.isDirectory() || ['en', 'og', '_astro', 'pagefind'].includes(entry.name)) continue;
    const path = `${dir}${entry.name}/`;
    if (entry.name === slug && existsSync(join(out, path, 'index.html'))) return path;
    const found = findPage(out, slug, path);
    if (found) return found;
  }
  return '';
}
