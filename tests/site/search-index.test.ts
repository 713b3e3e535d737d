import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type UIKey, useTranslations } from '../../src/i18n/index.ts';
import { loadContent } from '../../src/model/load.ts';
import type { Locale } from '../../src/model/schemas/common.ts';
import { root, testDist } from '../lib/paths.ts';

/**
 * What the search index holds for one page of each kind: the entry's own words (title, texts,
 * hashtags, chapters, do / don't items…) and its filters, never the interface around them
 * (headings, buttons, tips, short links), which every page of a kind repeats and which would
 * make each common word's index chunk, hence every first query, heavier (docs/bench.md).
 * Read from Pagefind's fragments: one per indexed page, holding the exact text it indexed.
 */
interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: { title?: string };
}
const fragments = new Map<string, Fragment>();
for (const name of readdirSync(join(testDist, 'pagefind', 'fragment'))) {
  // A fragment is gzip of "pagefind_dcd" followed by the page's JSON.
  const f = JSON.parse(
    gunzipSync(readFileSync(join(testDist, 'pagefind', 'fragment', name)))
      .subarray(12)
      .toString(),
  ) as Fragment;
  fragments.set(f.url, f);
}
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const indexed = (path: string) => {
  const f = fragments.get(`/${path}`);
  if (!f) throw new Error(`/${path} is not in the search index`);
  return { ...f, content: squash(f.content) };
};
/** The page's visible text, as a reader gets it (tags dropped, entities decoded). */
const shown = (path: string) =>
  squash(
    readFileSync(join(testDist, path, 'index.html'), 'utf8')
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
      .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>'),
  );

const { entries } = loadContent(root);
function entry<T>(collection: string, locale: Locale, test: (data: T) => boolean = () => true) {
  const found = entries.find((e) => e.collection === collection && e.locale === locale && test(e.data as T));
  if (!found) throw new Error(`no ${locale} entry in ${collection} fits the test`);
  return { slug: found.slug, data: found.data as T };
}

/** Each boilerplate string is on the page (so the check can fail) but not in its index entry. */
function expectUnindexed(path: string, strings: string[]) {
  const { content } = indexed(path);
  const page = shown(path);
  for (const s of strings.map(squash)) {
    expect(page, `${path} shows « ${s} »`).toContain(s);
    expect(content, `${path} indexes « ${s} »`).not.toContain(s);
  }
}
function expectIndexed(path: string, strings: string[]) {
  const { content } = indexed(path);
  for (const s of strings) expect(content, `${path} does not index « ${s} »`).toContain(squash(s));
}

const fr = useTranslations('fr');
const en = useTranslations('en');
const ui = (t: typeof fr, ...keys: UIKey[]) => keys.map((k) => t(k));
const shortHost = 'relais.intranet.exemple.fr';

interface Card {
  title: string;
  why: string;
  hashtags: string[];
  campaign?: string;
  variants: { text: string; network?: string }[];
}

describe('search index: boilerplate out, content in', () => {
  it('a card: title, why, every text and hashtag, campaign; no headings, buttons, tips or downloads', () => {
    const card = entry<Card>('cards', 'fr', (d) => d.hashtags.length > 0 && d.variants.some((v) => v.network));
    const path = `cartes/${card.slug}/`;
    const network = card.data.variants.find((v) => v.network)?.network ?? '';
    expectIndexed(path, [
      card.data.title,
      card.data.why,
      ...card.data.variants.map((v) => v.text.split('\n')[0] ?? ''),
      ...card.data.hashtags.map((h) => `#${h}`),
      ...(card.data.campaign ? [card.data.campaign] : []),
    ]);
    expectUnindexed(path, [
      ...ui(fr, 'cards.why', 'cards.text', 'cards.editHint', 'cards.nextVariant', 'cards.copy', 'cards.share'),
      ...ui(fr, 'cards.link', 'cards.downloadWide', 'cards.downloadSquare', 'cards.tips', 'cards.tip1', 'cards.tip4'),
      fr('cards.variantFor', { network: fr(`network.${network}` as UIKey) }),
    ]);
    expect(indexed(path).filters).toMatchObject({ Type: ['Carte'], Langue: ['Français'] });
  });

  it('an English card, translated or shown in French: its words, not the notice nor the interface', () => {
    const translated = entry<Card>('cards', 'en');
    expectIndexed(`en/cartes/${translated.slug}/`, [translated.data.title, translated.data.why]);
    expectUnindexed(`en/cartes/${translated.slug}/`, ui(en, 'cards.why', 'cards.tips', 'cards.tip1', 'cards.share'));
    const english = new Set(entries.filter((e) => e.collection === 'cards' && e.locale === 'en').map((e) => e.slug));
    const fallback = entries.find((e) => e.collection === 'cards' && e.locale === 'fr' && !english.has(e.slug));
    if (!fallback) throw new Error('every sample card is translated: no fallback page to check');
    const data = fallback.data as Card;
    expectIndexed(`en/cartes/${fallback.slug}/`, [data.title, data.why]);
    expectUnindexed(`en/cartes/${fallback.slug}/`, [en('site.fallback'), en('cards.tips')]);
    expect(indexed(`en/cartes/${fallback.slug}/`).filters).toMatchObject({ Type: ['Card'], Language: ['Français'] });
  });

  it('a capsule: title, summary, level, chapters, objectives; no short link, paths or buttons', () => {
    type Capsule = { title: string; summary: string; chapters: { title: string }[]; objectives: string[] };
    const capsule = entry<Capsule>('capsules', 'fr', (d) => d.chapters.length > 0 && d.objectives.length > 0);
    const path = `capsules/${capsule.slug}/`;
    expectIndexed(path, [
      capsule.data.title,
      capsule.data.summary,
      ...capsule.data.chapters.map((c) => c.title),
      ...capsule.data.objectives,
    ]);
    expectUnindexed(path, [
      ...ui(fr, 'capsules.shortLink', 'capsules.chapters', 'capsules.objectives', 'capsules.done'),
      ...ui(fr, 'trainers.copy', 'trainers.present'),
      shortHost,
    ]);
    expect(Object.keys(indexed(path).filters).sort()).toEqual(['Langue', 'Niveau', 'Thème', 'Type']);
  });

  it('a charter page, an event, a testimonial: their texts, not the labels around them', () => {
    const rule = entry<{ title: string; summary: string; do: string[]; dont: string[] }>(
      'guidelines',
      'fr',
      (d) => d.do.length > 0 && d.dont.length > 0,
    );
    expectIndexed(`charte/${rule.slug}/`, [rule.data.title, rule.data.summary, ...rule.data.do, ...rule.data.dont]);
    expectUnindexed(`charte/${rule.slug}/`, ui(fr, 'guidelines.title', 'guidelines.do', 'guidelines.dont'));

    const event = entry<{ title: string; summary: string; place?: string; capsules: string[] }>(
      'events',
      'fr',
      (d) => Boolean(d.place) && d.capsules.length > 0,
    );
    expectIndexed(`agenda/${event.slug}/`, [event.data.title, event.data.summary, event.data.place ?? '']);
    expectUnindexed(`agenda/${event.slug}/`, [
      ...ui(fr, 'agenda.related', 'agenda.place', 'capsules.shortLink', 'trainers.copy'),
      shortHost,
    ]);

    const person = entry<{ name: string; quote: string; role: string }>('testimonials', 'fr');
    expectIndexed(`temoignages/${person.slug}/`, [person.data.name, person.data.quote, person.data.role]);
    expectUnindexed(`temoignages/${person.slug}/`, [fr('testimonials.title')]);
  });

  it('a learning path lists its capsules by title, without progress buttons or short link', () => {
    const path = entry<{ title: string; summary: string; audience: string }>('paths', 'fr');
    expectIndexed(`parcours/${path.slug}/`, [path.data.title, path.data.summary, path.data.audience]);
    expectUnindexed(`parcours/${path.slug}/`, [
      ...ui(fr, 'paths.clear', 'paths.steps', 'capsules.shortLink'),
      shortHost,
    ]);
  });
});
