import { stringify } from 'yaml';
import {
  type FolderCollectionName,
  folderCollectionNames,
  folderCollections,
  references,
} from '../../../src/model/collections.ts';
import { createRandom, type Random } from './random.ts';
import type { Sample, SampleEntry } from './sample.ts';
import { permuteBody, textPool } from './text.ts';

/** Entries to produce per collection (French; English translations come on top). */
export type Counts = Record<FolderCollectionName, number>;

/**
 * Ten times the sample hub (the issue's "ten times the sample"), and the issue's own figures for
 * cards, capsules and events.
 */
export const defaultCounts: Counts = {
  cards: 1000,
  capsules: 300,
  paths: 20,
  guidelines: 140,
  testimonials: 70,
  challenges: 20,
  events: 100,
};

export interface GenerateOptions {
  counts: Counts;
  seed: number;
  /** Share of generated entries that also get an English translation (0..1). */
  english: number;
}

/**
 * Fields written in the entry's language. An English translation takes these from an English
 * sample entry and everything else (codes, references, dates) from its French original, as an
 * editor translating in the CMS would. A card's networks go with its variants: each variant's
 * length limit depends on the card's networks.
 */
const localised: Record<FolderCollectionName, readonly string[]> = {
  cards: ['title', 'campaign', 'networks', 'variants', 'hashtags', 'why', 'imageAlt'],
  capsules: ['title', 'summary', 'objectives', 'chapters', 'resources'],
  paths: ['title', 'summary', 'audience'],
  guidelines: ['title', 'summary', 'do', 'dont'],
  testimonials: ['role', 'team', 'quote', 'photoAlt'],
  challenges: ['title', 'rewardDescription'],
  events: ['title', 'summary', 'place'],
};

/** Prefix of generated short codes; sample codes are words, so `cap-12` never collides. */
const codePrefix: Partial<Record<FolderCollectionName, string>> = { capsules: 'cap', paths: 'par', events: 'evt' };

/** How far (days) generated dates move from their template's, so lists and agendas spread out. */
const dateSpread: Partial<Record<FolderCollectionName, [number, number]>> = {
  cards: [-120, 60],
  challenges: [-120, 120],
  events: [-180, 180],
  capsules: [-365, 0],
};
const dateFields = ['validFrom', 'validUntil', 'start', 'end', 'published', 'consent'];

/** A path (`<folder>/<locale>/<slug>.md`, `settings/<file>`) → file text. */
export type ProgrammeFiles = Map<string, string>;

/**
 * Builds a scaled programme from the sample: the sample's own entries first (so the committed
 * share logs and challenges still match their cards), then copies of them with new slugs, new
 * short codes, shifted dates, references drawn among the generated entries and bodies of
 * shuffled sample sentences. Pure: same sample, counts and seed give the same files.
 */
export function generateProgramme(sample: Sample, options: GenerateOptions): ProgrammeFiles {
  const rng = createRandom(options.seed);
  const files: ProgrammeFiles = new Map();
  for (const [name, text] of sample.settings) files.set(`settings/${name}`, text);
  /** French slugs produced so far, by collection: the targets of references. */
  const slugs = new Map<FolderCollectionName, string[]>();
  const names = testimonialNames(sample);

  // Registry order puts cards and capsules before the collections that reference them.
  for (const name of folderCollectionNames) {
    const fr = sample.entries[name].fr;
    const en = sample.entries[name].en;
    const enBySlug = new Map(en.map((e) => [e.slug, e]));
    const pools = { fr: textPool(fr.map((e) => e.body)), en: textPool(en.map((e) => e.body)) };
    const made: string[] = [];
    slugs.set(name, made);
    const write = (locale: 'fr' | 'en', slug: string, data: Record<string, unknown>, body: string) =>
      files.set(`${folderCollections[name].folder}/${locale}/${slug}.md`, markdown(data, body));

    for (let i = 0; i < options.counts[name]; i++) {
      if (i < fr.length) {
        // A sample entry, as written; references to entries left out (small counts) are redrawn.
        const entry = fr[i] as SampleEntry;
        made.push(entry.slug);
        write('fr', entry.slug, fixReferences(name, entry.data, slugs, rng), entry.body);
        const translation = enBySlug.get(entry.slug);
        if (translation) write('en', entry.slug, fixReferences(name, translation.data, slugs, rng), translation.body);
        continue;
      }
      const template = fr[i % fr.length] as SampleEntry;
      const n = i + 1;
      const slug = `${template.slug}-${String(n).padStart(4, '0')}`;
      made.push(slug);
      const data = varied(name, template.data, n, rng, names);
      drawReferences(name, data, slugs, rng);
      write('fr', slug, data, permuteBody(template.body, pools.fr, rng));
      if (en.length && rng.next() < options.english) {
        const source = enBySlug.get(template.slug) ?? rng.pick(en);
        const translated = { ...data };
        for (const field of localised[name])
          if (source.data[field] !== undefined) translated[field] = structuredClone(source.data[field]);
        if (typeof translated.title === 'string') translated.title = numbered(translated.title, n);
        write('en', slug, translated, permuteBody(source.body, pools.en.sentences.length ? pools.en : pools.fr, rng));
      }
    }
  }
  return files;
}

/** `---\n<yaml>---\n<body>`, the layout of the sample files. */
function markdown(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n${body.startsWith('\n') ? body : `\n${body}`}`;
}

/** A title with the copy's number, kept within the schemas' 120 characters. */
const numbered = (title: string, n: number) => `${title.slice(0, 110)} (${n})`;

/** A copy of a sample entry's data with what must stay unique or should vary changed. */
function varied(
  name: FolderCollectionName,
  template: Record<string, unknown>,
  n: number,
  rng: Random,
  names: { first: string[]; last: string[] },
): Record<string, unknown> {
  const data = structuredClone(template);
  if (typeof data.title === 'string') data.title = numbered(data.title, n);
  const prefix = codePrefix[name];
  if (prefix) {
    data.code = `${prefix}-${n}`;
    // About one entry in ten was renamed once, as in the sample (aliases keep old links alive).
    data.aliases = rng.next() < 0.1 ? [`${prefix}-${n}-v1`] : [];
  }
  const spread = dateSpread[name];
  if (spread) {
    const days = rng.int(spread[0], spread[1]);
    for (const field of dateFields) if (field in data) data[field] = shiftDate(data[field], days);
  }
  if (name === 'events') data.uid = seededUuid(rng);
  if (name === 'paths') data.order = n;
  if (name === 'guidelines') data.order = Number(data.order ?? 0) + n;
  if (name === 'testimonials') data.name = `${rng.pick(names.first)} ${rng.pick(names.last)}`;
  return data;
}

/** A version-4 UUID drawn from the seeded source: every event needs its own calendar uid. */
function seededUuid(rng: Random): string {
  const bytes = Array.from({ length: 16 }, () => rng.int(0, 255));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Moves a date (`2026-11-17`) or date-time by whole days, keeping its form. */
function shiftDate(value: unknown, days: number): unknown {
  if (typeof value !== 'string' && !(value instanceof Date)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const moved = new Date(date.getTime() + days * 86_400_000).toISOString();
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? moved.slice(0, 10) : moved;
}

/** The reference fields of a collection, each with its target collection. */
const referencesOf = (name: FolderCollectionName) => references.filter((r) => r.from === name);

function getAt(data: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);
}
function setAt(data: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let target = data;
  for (const k of keys) target = target[k] as Record<string, unknown>;
  target[last] = value;
}

/** A generated entry references as many entries as its template did, drawn among the generated. */
function drawReferences(
  name: FolderCollectionName,
  data: Record<string, unknown>,
  slugs: Map<FolderCollectionName, string[]>,
  rng: Random,
): void {
  for (const { field, to } of referencesOf(name)) {
    const value = getAt(data, field);
    if (Array.isArray(value) && value.length) setAt(data, field, rng.sample(slugs.get(to) ?? [], value.length));
  }
}

/** A sample entry keeps its references, except those to entries a small programme left out. */
function fixReferences(
  name: FolderCollectionName,
  source: Record<string, unknown>,
  slugs: Map<FolderCollectionName, string[]>,
  rng: Random,
): Record<string, unknown> {
  const data = structuredClone(source);
  for (const { field, to } of referencesOf(name)) {
    const value = getAt(data, field);
    const targets = slugs.get(to) ?? [];
    if (Array.isArray(value))
      setAt(data, field, [...new Set(value.map((v) => (targets.includes(v as string) ? v : rng.pick(targets))))]);
  }
  return data;
}

/** First and last names of the sample's testimonials, recombined for new people. */
function testimonialNames(sample: Sample): { first: string[]; last: string[] } {
  const first: string[] = [];
  const last: string[] = [];
  for (const e of sample.entries.testimonials.fr) {
    const [f, ...rest] = String(e.data.name ?? '').split(' ');
    if (f && rest.length) {
      first.push(f);
      last.push(rest.join(' '));
    }
  }
  return first.length ? { first, last } : { first: ['Camille'], last: ['Martin'] };
}
