import { useTranslations } from '../i18n/index.ts';
import type { EventData } from '../model/schemas/event.ts';
import { type CalendarEvent, calendar } from './ical.ts';
import { absoluteUrl, withBase } from './urls.ts';

/**
 * Agenda entries as calendar events. The feed is French, like the root of the hub (the
 * calendar app shows it next to the reader's own meetings, not inside the hub's language).
 */
export function toCalendarEvent(slug: string, data: EventData, site: URL | undefined): CalendarEvent {
  const t = useTranslations('fr');
  const page = absoluteUrl(withBase(`agenda/${slug}/`), site);
  const description = [data.summary, data.link ? t('agenda.joinAt', { url: data.link }) : '', page].filter(Boolean);
  return {
    // The file name is the entry's identity (references use it): stable across edits.
    uid: `${slug}@${site?.hostname ?? 'relais'}`,
    title: data.title,
    description: description.join('\n\n'),
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
