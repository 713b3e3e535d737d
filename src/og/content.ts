import type { Locale } from '../model/schemas/common.ts';
import type { OgKind } from './files.ts';

/**
 * Everything an image shows, already translated and formatted: the templates only lay it out.
 * It is also what the cache key hashes, so a field an image does not show (a card's variants,
 * a capsule's chapters) never causes a re-render.
 */
export interface OgContent {
  kind: OgKind;
  /** Language of the text (French for an English page whose entry is not translated). */
  lang: Locale;
  /** Type label, e.g. "Capsule". */
  label: string;
  title: string;
  /** A summary, or who said a testimonial. */
  subtitle?: string | undefined;
  /** Short facts shown as chips: duration, level, theme, date, place. */
  details: string[];
}

/** The two formats: link previews (1200×630) and the square visual attached to posts. */
export const formats = {
  wide: { width: 1200, height: 630 },
  square: { width: 1080, height: 1080 },
} as const;
export type OgFormat = keyof typeof formats;
