import type { Locale } from '../model/schemas/common.ts';
import { intlLocale } from './index.ts';

/** The programme's time zone: every date and time on the hub is shown in it. */
export const timeZone = 'Europe/Paris';

/** Intl formatters are costly to build and pages format thousands of dates: one per style. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], { ...options, timeZone });
    formatters.set(key, format);
  }
  return format;
}

/** `22 novembre 2026` / `22 November 2026`. */
export function formatDate(date: Date, locale: Locale): string {
  return dateFormat(locale, { dateStyle: 'long' }).format(date);
}

/** `jeudi 3 décembre 2026 à 09:30` / `Thursday 3 December 2026 at 09:30`. */
export function formatDateTime(date: Date, locale: Locale): string {
  return dateFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(date);
}

/** `09:30` in Paris time. */
export function formatTime(date: Date, locale: Locale): string {
  return dateFormat(locale, { timeStyle: 'short' }).format(date);
}

/** A locale-formatted number (`1 234` with a narrow no-break space in French). */
export function formatNumber(n: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale[locale], options).format(n);
}

/** `mar. 8 déc., 10:00` / `Tue 8 Dec, 10:00`: a short date and time, e.g. for an event in the digest. */
export function formatShortDateTime(date: Date, locale: Locale): string {
  return dateFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}
