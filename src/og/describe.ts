import { formatDateTime } from '../i18n/format.ts';
import { useTranslations } from '../i18n/index.ts';
import type { CapsuleData } from '../model/schemas/capsule.ts';
import type { CardData } from '../model/schemas/card.ts';
import type { Locale } from '../model/schemas/common.ts';
import type { EventData } from '../model/schemas/event.ts';
import type { GuidelineData } from '../model/schemas/guideline.ts';
import type { PathData } from '../model/schemas/path.ts';
import type { Settings } from '../model/schemas/settings.ts';
import type { TestimonialData } from '../model/schemas/testimonial.ts';
import type { OgContent } from './content.ts';
import { fitText, frenchSpacing, quoted } from './text.ts';

/** Collections that have an image of their own, and the template kind of each. */
export const kindOf = {
  cards: 'card',
  capsules: 'capsule',
  paths: 'path',
  guidelines: 'guideline',
  testimonials: 'testimonial',
  events: 'event',
} as const;
export type ImagedCollection = keyof typeof kindOf;

type Describe<T> = (data: T, lang: Locale) => Omit<OgContent, 'kind' | 'lang'>;

const card: Describe<CardData> = (d, lang) => {
  const t = useTranslations(lang);
  // No subtitle: the visual goes out with public posts, and `why` is written for colleagues.
  return {
    label: t('type.card'),
    title: d.title,
    details: [t(`theme.${d.theme}`), ...(d.campaign ? [d.campaign] : [])],
  };
};

const capsule: Describe<CapsuleData> = (d, lang) => {
  const t = useTranslations(lang);
  const details = [t('capsules.minutes', { n: d.duration }), t(`level.${d.level}`)];
  return { label: t('type.capsule'), title: d.title, subtitle: d.summary, details };
};

const path: Describe<PathData> = (d, lang) => {
  const t = useTranslations(lang);
  const n = d.capsules.length;
  const count = `${n} ${t('type.capsule').toLowerCase()}${n > 1 ? 's' : ''}`;
  return { label: t('type.path'), title: d.title, subtitle: d.summary, details: [count] };
};

const guideline: Describe<GuidelineData> = (d, lang) => {
  const t = useTranslations(lang);
  return { label: t('type.guideline'), title: d.title, subtitle: d.summary, details: [t(`category.${d.category}`)] };
};

const testimonial: Describe<TestimonialData> = (d, lang) => {
  const t = useTranslations(lang);
  const subtitle = `${d.name} — ${d.role}, ${d.team}`;
  return { label: t('type.testimonial'), title: quoted(d.quote, lang), subtitle, details: [] };
};

const event: Describe<EventData> = (d, lang) => {
  const t = useTranslations(lang);
  const place = d.place && d.place.length > 40 ? `${d.place.slice(0, 39)}…` : d.place;
  const details = [t(`kind.${d.kind}`), formatDateTime(d.start, lang), ...(place ? [place] : [])];
  return { label: t('type.event'), title: d.title, subtitle: d.summary, details };
};

const describers: { [C in ImagedCollection]: Describe<never> } = {
  cards: card,
  capsules: capsule,
  paths: path,
  guidelines: guideline,
  testimonials: testimonial,
  events: event,
};

/** Typography and fonts applied to every text of an image. */
function finish(content: OgContent): OgContent {
  const tidy = (s: string) => fitText(frenchSpacing(s, content.lang));
  return {
    ...content,
    label: tidy(content.label),
    title: tidy(content.title),
    subtitle: content.subtitle === undefined ? undefined : tidy(content.subtitle),
    details: content.details.map(tidy),
  };
}

/**
 * What an entry's image shows, in the language of its text: a translated entry in English,
 * the French entry (with French labels) when the translation is missing.
 * @example entryContent('capsules', data, 'fr').details // ["12 min", "Débutant"]
 */
export function entryContent(collection: ImagedCollection, data: unknown, lang: Locale): OgContent {
  const describe = describers[collection] as Describe<unknown>;
  return finish({ kind: kindOf[collection], lang, ...describe(data, lang) });
}

/**
 * The image of every other page: the programme's name, the hub's tagline and the programme's
 * purpose in the image's language (English falls back to the voluntary-programme line rather
 * than French text under an English title when the settings have no English purpose).
 */
export const defaultContent = (settings: Settings, lang: Locale): OgContent => {
  const t = useTranslations(lang);
  return finish({
    kind: 'default',
    lang,
    label: settings.name,
    title: t('home.title'),
    subtitle: lang === 'fr' ? settings.purpose : (settings.en.purpose ?? t('site.voluntary')),
    details: [],
  });
};
