import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { listed } from '../../src/lib/cards.ts';
import { loadContent } from '../../src/model/load.ts';
import type { CardData } from '../../src/model/schemas/card.ts';
import { root, testDist, testNow } from '../lib/paths.ts';

/** Where each collection's pages live (French at the root, English under /en/). */
const sections: Record<string, string> = {
  cards: 'cartes',
  capsules: 'capsules',
  paths: 'parcours',
  guidelines: 'charte',
  testimonials: 'temoignages',
  challenges: 'defis',
  events: 'agenda',
};
const { entries } = loadContent(root);
const french = entries.filter((e) => e.locale === 'fr');
const html = (path: string) => readFileSync(join(testDist, path, 'index.html'), 'utf8');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? htmlFiles(join(dir, d.name)) : d.name.endsWith('.html') ? [join(dir, d.name)] : [],
  );
}

describe('the sample site', () => {
  it.each(french.map((e) => [e.collection, e.slug] as const))(
    'has a page for %s/%s in both locales',
    (collection, slug) => {
      for (const prefix of ['', 'en/'])
        expect(existsSync(join(testDist, prefix, sections[collection] ?? '', slug, 'index.html'))).toBe(true);
    },
  );

  it('shows English translations in English and the rest in French with a notice', () => {
    for (const e of french) {
      const translated = entries.some((x) => x.locale === 'en' && x.collection === e.collection && x.slug === e.slug);
      const page = html(`en/${sections[e.collection]}/${e.slug}`);
      expect(page, `${e.collection}/${e.slug}`).toMatch(/<html lang="en"/);
      expect(page.includes('This page is not translated yet'), `${e.collection}/${e.slug}`).toBe(!translated);
      if (!translated) expect(page).toMatch(/<div lang="fr"[ >]/);
    }
  });

  it('sets the right lang on every page and never an en-US date', () => {
    const files = htmlFiles(testDist).filter((f) => !f.includes('/admin/'));
    expect(files.length).toBeGreaterThan(300);
    for (const file of files) {
      const page = readFileSync(file, 'utf8');
      const lang = /<html[^>]*\blang="([^"]+)"/.exec(page)?.[1];
      const english = file.slice(testDist.length).startsWith('en/');
      if (/http-equiv="refresh"/.test(page) && !lang) continue;
      expect(lang, file).toBe(english ? 'en' : 'fr');
      expect(page, file).not.toMatch(
        /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/,
      );
    }
  });
});

describe('card feeds', () => {
  const cards = french.filter((e) => e.collection === 'cards') as unknown as { slug: string; data: CardData }[];
  const expected = listed(cards, new Date(testNow));

  it.each([['cartes/flux.xml'], ['en/cartes/flux.xml']])(
    '%s parses as a standard feed listing today’s cards',
    (path) => {
      const feed = parseFeed(readFileSync(join(testDist, path), 'utf8'));
      expect(feed.meta.type).toBe('atom');
      expect(feed.title).toContain('Relais');
      expect(feed.items.map((i) => i.url?.split('/').at(-2)).sort()).toEqual(expected.map((c) => c.slug).sort());
      for (const item of feed.items) expect(item.url).toMatch(/^https:\/\/relais\.intranet\.exemple\.fr\/hub\//);
    },
  );

  it('has one feed per theme with only that theme’s cards', () => {
    for (const theme of new Set(cards.map((c) => c.data.theme))) {
      const feed = parseFeed(readFileSync(join(testDist, `cartes/theme/${theme}/flux.xml`), 'utf8'));
      expect(feed.items.length).toBe(expected.filter((c) => c.data.theme === theme).length);
    }
  });
});

describe('card lifecycle and share counts', () => {
  const cards = french.filter((e) => e.collection === 'cards') as unknown as { slug: string; data: CardData }[];
  const now = new Date(testNow);
  const list = html('cartes');
  const day = 24 * 3600 * 1000;

  it('lists no expired or upcoming card, but keeps their pages with a notice', () => {
    const expired = cards.filter((c) => c.data.validUntil && c.data.validUntil.getTime() + day <= now.getTime());
    const upcoming = cards.filter((c) => c.data.validFrom > now);
    expect(expired.length).toBeGreaterThan(0);
    expect(upcoming.length).toBeGreaterThan(0);
    for (const c of [...expired, ...upcoming]) {
      expect(list, c.slug).not.toContain(`data-card="${c.slug}"`);
      expect(html(`cartes/${c.slug}`)).toMatch(
        expired.includes(c) ? /Cette carte a expiré le/ : /sera proposée à partir du/,
      );
    }
    for (const c of expired) expect(html(`cartes/${c.slug}`)).not.toContain('/partager/');
  });

  it('shows how many times a card was shared, from the aggregates the build read', () => {
    const data = JSON.parse(readFileSync(join(root, '.relais/dashboards.json'), 'utf8')) as {
      byContent: { content: string; shares: number }[];
    };
    const shared = data.byContent.filter((c) => cards.some((x) => x.slug === c.content) && c.shares > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const { content, shares } of shared) {
      const figure = new Intl.NumberFormat('fr-FR').format(shares);
      expect(html(`cartes/${content}`)).toContain(`Partagée ${figure} fois`);
    }
    const never = cards.find((c) => !data.byContent.some((x) => x.content === c.slug));
    if (never) expect(html(`cartes/${never.slug}`)).not.toContain('data-shares');
  });
});
