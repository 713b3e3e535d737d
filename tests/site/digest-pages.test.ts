import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPolicies } from '../../src/csp/map.ts';
import { type IsoWeek, nextWeek, weekOf } from '../../src/digest/week.ts';
import { useTranslations } from '../../src/i18n/index.ts';
import { loadContent } from '../../src/model/load.ts';
import type { CardData } from '../../src/model/schemas/card.ts';
import { root, testBase, testDist, testNow } from '../lib/paths.ts';

/**
 * The digest on the hub, in the shared test build (RELAIS_NOW pinned to a Sunday of 2026-W47):
 * the archive `/lettre/`, each week's page, and the editors' preview `/admin/digest/`, whose
 * files must be what `npm run digest` writes for the same week, content and base path.
 */
const page = (path: string) => readFileSync(join(testDist, path, 'index.html'), 'utf8');
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
/** An `<h2>` with exactly this text (Astro adds scoping attributes). */
const heading = (text: string) => new RegExp(`<h2\\b[^>]*>${text}</h2>`);
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

const cards = loadContent(root)
  .entries.filter((e) => e.collection === 'cards' && e.locale === 'fr' && !(e.data as CardData).draft)
  .map((e) => ({ slug: e.slug, data: e.data as CardData }));
const firstDay = new Date(Math.min(...cards.map((c) => c.data.validFrom.getTime())));
const buildWeek = weekOf(new Date(testNow));
/** The digest that goes out next: the week after the build's. */
const coming = nextWeek(buildWeek);
/** Every week from the first card's to the coming one, oldest first, counted here on their own. */
const weeks: IsoWeek[] = [];
for (let w = weekOf(firstDay); w.start <= coming.start; w = nextWeek(w)) weeks.push(w);
const newIn = (w: IsoWeek) => cards.filter((c) => c.data.validFrom >= w.start && c.data.validFrom < w.end);

describe('the archive /lettre/ (both locales)', () => {
  it('lists every week from the first card’s to the coming one, newest first, each linking to its page', () => {
    expect(buildWeek.id).toBe('2026-W47');
    expect(coming.id).toBe('2026-W48');
    expect(weeks.length).toBeGreaterThan(4);
    for (const prefix of ['', 'en/']) {
      const listed = hrefs(main(page(`${prefix}lettre`)))
        .map((h) => new RegExp(`^${testBase}${prefix}lettre/(\\d{4}-W\\d{2})/$`).exec(h)?.[1])
        .filter(Boolean);
      expect(listed, prefix).toEqual(weeks.map((w) => w.id).reverse());
      for (const id of listed) expect(existsSync(join(testDist, `${prefix}lettre/${id}/index.html`)), id).toBe(true);
    }
    // No page for a week after the coming one.
    expect(existsSync(join(testDist, `lettre/${nextWeek(coming).id}/index.html`))).toBe(false);
    expect(page(`lettre/${coming.id}`)).toContain('role="note"');
    expect(page('lettre')).toContain('<h1');
    expect(page('en/lettre')).toContain('lang="en"');
  });
});

describe('a week’s page', () => {
  const withCards = weeks.find((w) => newIn(w).length > 0);
  const without = weeks.find((w) => newIn(w).length === 0);

  it('shows that week’s new cards with share buttons through the share route, in both locales', () => {
    expect(withCards).toBeDefined();
    const week = withCards as IsoWeek;
    for (const [prefix, locale] of [
      ['', 'fr'],
      ['en/', 'en'],
    ] as const) {
      const html = main(page(`${prefix}lettre/${week.id}`));
      expect(html).toMatch(heading(useTranslations(locale)('digest.newCards')));
      const shares = hrefs(html).filter((h) => h.startsWith(`${testBase}${prefix}partager/`));
      for (const card of newIn(week)) {
        expect(hrefs(html), `${locale} ${card.slug}`).toContain(`${testBase}${prefix}cartes/${card.slug}/`);
        const share = shares.find((h) => h.startsWith(`${testBase}${prefix}partager/${card.slug}/`));
        expect(share, `${locale} ${card.slug}`).toMatch(/\/partager\/[a-z0-9-]+\/[a-z]+\/$/);
        // The share route's page exists: the click is logged and counted.
        expect(existsSync(join(testDist, (share ?? '').slice(testBase.length), 'index.html'))).toBe(true);
      }
      // Every card image has its alt text.
      for (const img of html.match(/<img\b[^>]*>/g) ?? []) expect(img).toMatch(/alt="[^"]{3,}"/);
    }
  });

  it('says in words when a week had no new card', () => {
    expect(without).toBeDefined();
    const week = without as IsoWeek;
    for (const [prefix, locale] of [
      ['', 'fr'],
      ['en/', 'en'],
    ] as const) {
      const html = main(page(`${prefix}lettre/${week.id}`));
      const t = useTranslations(locale);
      expect(html).toMatch(heading(t('digest.stillValid')));
      expect(html).not.toMatch(heading(t('digest.newCards')));
      expect(html.includes(t('digest.noNewCard')) || html.includes(t('digest.noCard'))).toBe(true);
    }
  });
});

describe('the editors’ preview /admin/digest/', () => {
  const out = mkdtempSync(join(tmpdir(), 'relais-digest-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('frames the coming week’s e-mail by its file (never srcdoc), and is not for search', () => {
    const html = page('admin/digest');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"');
    expect(html).not.toContain('data-pagefind-body');
    expect(html).not.toContain('srcdoc');
    const frames = [...html.matchAll(/<iframe\b[^>]*\bsrc="([^"]+)"[^>]*>/g)];
    expect(frames.map((m) => m[1])).toEqual(
      ['fr', 'en'].map((l) => `${testBase}admin/digest/digest-${coming.id}-${l}.html`),
    );
    for (const m of frames) expect(m[0]).toMatch(/title="[^"]{10,}"/);
    // The e-mail's size in each page's own number format.
    expect(html).toMatch(/L’e-mail \(HTML, \d+,\d Ko\)/);
    expect(page('en/admin/digest')).toMatch(/The e-mail \(HTML, \d+\.\d KB\)/);
    // The preview file may be framed by the hub only, and loads the hub's images.
    const policy = readPolicies(testDist, testBase)(`${testBase}admin/digest/digest-${coming.id}-fr.html`) ?? '';
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).not.toContain("'none' 'self'");
    expect(policy).toMatch(/style-src 'self' 'sha256-/);
    expect(policy).not.toContain("'unsafe-inline' ");
    expect(readPolicies(testDist, testBase)(`${testBase}admin/digest/`)).toContain("frame-ancestors 'none'");
  });

  it('holds exactly what npm run digest writes for that week (HTML, plain text, Teams card)', () => {
    for (const locale of ['fr', 'en']) {
      const run = spawnSync(
        process.execPath,
        [join(root, 'scripts/digest.ts'), '--week', coming.id, '--locale', locale, '--out', out],
        { cwd: root, encoding: 'utf8', env: { ...process.env, RELAIS_BASE: testBase, RELAIS_NOW: testNow } },
      );
      expect(run.status, run.stderr).toBe(0);
      for (const ext of ['html', 'txt', 'teams.json']) {
        const name = `digest-${coming.id}-${locale}.${ext}`;
        const built = readFileSync(join(testDist, 'admin/digest', name), 'utf8');
        expect(built.length, name).toBeGreaterThan(200);
        expect(built, name).toBe(readFileSync(join(out, name), 'utf8'));
      }
      // The page shows the same plain text (escaped in its <pre>).
      const text = readFileSync(join(out, `digest-${coming.id}-${locale}.txt`), 'utf8');
      const lines = text.split('\n').filter((l) => /^[^&<>"']{20,}$/.test(l));
      expect(lines.length).toBeGreaterThan(3);
      for (const line of lines) expect(page('admin/digest'), line).toContain(line);
    }
    // Links in the e-mail go to the hub under the build's base path.
    const html = readFileSync(join(out, `digest-${coming.id}-fr.html`), 'utf8');
    expect(hrefs(html).some((h) => h.startsWith(`https://relais.intranet.exemple.fr${testBase}partager/`))).toBe(true);
  });
});
