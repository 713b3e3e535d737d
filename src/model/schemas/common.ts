import { z } from 'astro/zod';

/** Locales of the hub: French is the root locale, English lives under `/en/`. */
export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fr';

/**
 * Short codes power the trainers' stable links (`/c/<code>/`): lower-case letters, digits and
 * dashes only, so they read well aloud in a webinar and survive being typed from a slide.
 */
export const shortCode = () =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,31}$/, 'lettres minuscules, chiffres et tirets (2 à 32)')
    .meta({ label: 'Code court', hint: 'Lien stable /c/<code>/ : minuscules, chiffres, tirets.' });

/** Old short codes that must keep working after a rename. */
export const aliases = () =>
  z.array(shortCode()).default([]).meta({
    label: 'Anciens codes',
    hint: 'Codes précédents, qui redirigent toujours vers cette page.',
  });

/**
 * A date or date-time. YAML gives `Date` objects for unquoted dates and Decap writes ISO
 * strings: both are accepted.
 */
export const dateField = (label: string, hint?: string) =>
  z.coerce.date().meta({ label, ...(hint ? { hint } : {}), widget: 'datetime' });

/** A calendar day (publication, validity, consent): the CMS offers a date picker, no time. */
export const dayField = (label: string, hint?: string) =>
  z.coerce.date().meta({ label, ...(hint ? { hint } : {}), widget: 'date' });

/** A reference to another entry of `collection`, by its file name (same in every locale). */
export const ref = (collection: string, label: string) =>
  z.string().min(1).meta({ label, widget: 'relation', collection });

/** Media path under `public/` (`/media/…`), or an absolute URL. */
export const mediaPath = (label: string, widget: 'image' | 'file' = 'image') =>
  z
    .string()
    .regex(/^(\/media\/|https?:\/\/)\S+$/, 'un chemin /media/… ou une adresse https://')
    .meta({ label, widget });

/** Slug-like entries in lists (themes, hashtags) must stay simple to filter and count. */
export const slug = () => z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'minuscules, chiffres, tirets');
