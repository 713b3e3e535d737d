import type { LoadedEntry } from '../model/load.ts';
import type { CapsuleData } from '../model/schemas/capsule.ts';
import type { CardData } from '../model/schemas/card.ts';
import type { ChallengeData } from '../model/schemas/challenge.ts';
import { defaultLocale, type Locale } from '../model/schemas/common.ts';
import type { DigestSettings } from '../model/schemas/digest.ts';
import type { EventData } from '../model/schemas/event.ts';
import type { Network } from '../model/schemas/networks.ts';
import type { Settings } from '../model/schemas/settings.ts';
import type { TestimonialData } from '../model/schemas/testimonial.ts';
import type { IsoWeek } from './week.ts';

/** One entry in the digest's locale (its translation, else the French source). */
export interface Picked<T> {
  slug: string;
  data: T;
}

/** What a week's digest holds, channel-neutral: every renderer reads only this. */
export interface DigestContent {
  week: IsoWeek;
  locale: Locale;
  settings: Settings;
  /** Cards whose `validFrom` falls in the week. */
  newCards: Picked<CardData>[];
  /** Cards published before the week and still valid on its Monday, newest first. */
  validCards: Picked<CardData>[];
  /** Events starting from the week's Monday on, soonest first. */
  events: Picked<EventData>[];
  capsule: Picked<CapsuleData> | undefined;
  challenge?: Picked<ChallengeData> & { shares?: number };
  testimonial: Picked<TestimonialData> | undefined;
}

/** The share counts the dashboards computed (`.relais/dashboards.json`), as far as the digest needs. */
export interface DashboardFigures {
  challenges?: { id: string; shares: number }[];
}

const isDraft = (e: LoadedEntry) => (e.data as { draft?: boolean }).draft === true;

/** Every entry of a collection in `locale`, French being the source (as the site does). */
export function localized<T>(entries: LoadedEntry[], collection: string, locale: Locale): Picked<T>[] {
  const of = entries.filter((e) => e.collection === collection && !isDraft(e));
  const translated = new Map(of.filter((e) => e.locale === locale).map((e) => [e.slug, e]));
  return of
    .filter((e) => e.locale === defaultLocale)
    .map((src) => ({ slug: src.slug, data: (translated.get(src.slug) ?? src).data as T }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/** A rotation that changes every week and is the same on every run. */
const rotate = <T>(list: T[], w: IsoWeek): T | undefined =>
  list.length ? list[(w.year * 53 + w.week) % list.length] : undefined;

/** The one network a card's button goes to: LinkedIn when the card has it. */
export const mainNetwork = (card: CardData): Network =>
  card.networks.includes('linkedin') ? 'linkedin' : (card.networks[0] ?? 'linkedin');

/** Picks the week's content from the loaded content model and the dashboards' figures. */
export function selectDigest(opts: {
  entries: LoadedEntry[];
  settings: Settings;
  digest: DigestSettings;
  week: IsoWeek;
  locale: Locale;
  dashboards?: DashboardFigures;
}): DigestContent {
  const { entries, week, locale, digest } = opts;
  const t0 = week.start.getTime();
  const t1 = week.end.getTime();
  const cards = localized<CardData>(entries, 'cards', locale);
  const newCards = cards
    .filter((c) => c.data.validFrom.getTime() >= t0 && c.data.validFrom.getTime() < t1)
    .sort((a, b) => a.data.validFrom.getTime() - b.data.validFrom.getTime() || a.slug.localeCompare(b.slug))
    .slice(0, digest.maxCards);
  const validCards = cards
    .filter((c) => c.data.validFrom.getTime() < t0 && (!c.data.validUntil || c.data.validUntil.getTime() >= t0))
    .sort((a, b) => b.data.validFrom.getTime() - a.data.validFrom.getTime() || a.slug.localeCompare(b.slug))
    .slice(0, Math.max(0, digest.maxCards - newCards.length));
  const events = localized<EventData>(entries, 'events', locale)
    .filter((e) => e.data.start.getTime() >= t0)
    .sort((a, b) => a.data.start.getTime() - b.data.start.getTime())
    .slice(0, digest.maxEvents);
  const challenges = localized<ChallengeData>(entries, 'challenges', locale).filter(
    (c) => c.data.kind === 'collective' && c.data.start.getTime() < t1 && c.data.end.getTime() >= t0,
  );
  const challenge = challenges[0];
  const shares = challenge && opts.dashboards?.challenges?.find((c) => c.id === challenge.slug)?.shares;
  return {
    week,
    locale,
    settings: opts.settings,
    newCards,
    validCards,
    events,
    capsule: rotate(localized<CapsuleData>(entries, 'capsules', locale), week),
    testimonial: rotate(localized<TestimonialData>(entries, 'testimonials', locale), week),
    ...(challenge ? { challenge: { ...challenge, ...(shares === undefined ? {} : { shares }) } } : {}),
  };
}
