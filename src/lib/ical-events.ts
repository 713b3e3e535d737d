import { useTranslations } from '../i18n/index.ts';
import type { LocalizedEntry } from './entries.ts';
import { type CalendarEvent, calendar } from './ical.ts';
import { absoluteUrl, localePath } from './urls.ts';

/**
 * An agenda entry as a calendar event, in the entry's locale (the French text where the
 * translation is missing, marked as French). The UID is the entry's `uid`, shared by its
 * translation: the French and English calendars hold the same event, and renaming the file
 * or retitling the event updates it in subscribers' calendars instead of duplicating it.
 */
export function toCalendarEvent(item: LocalizedEntry<'events'>, site: URL | undefined): CalendarEvent {
  const { locale, slug, data } = item;
  const t = useTranslations(locale);
  const page = absoluteUrl(localePath(locale, `agenda/${slug}/`), site);
  const description = [data.summary, data.link ? t('agenda.joinAt', { url: data.link }) : '', page].filter(Boolean);
  return {
    uid: data.uid,
    title: data.title,
    description: description.join('\n\n'),
    ...(item.fallback ? { language: item.contentLocale } : {}),
    start: data.start,
    end: data.end,
    location: data.place ?? data.link,
    url: page,
    categories: [t(`kind.${data.kind}`)],
  };
}

/** An `.ics` response: `text/calendar` so that phones offer to add it to the calendar. */
export function icsResponse(options: Parameters<typeof calendar>[0], filename: string): Response {
  return new Response(calendar(options), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
    },
  });
}
