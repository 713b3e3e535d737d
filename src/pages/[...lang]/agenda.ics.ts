/**
 * `/agenda.ics` and `/en/agenda.ics`: every agenda event in one iCalendar feed, to subscribe to
 * from a calendar app, in French or in English (French where an event has no translation).
 */
import type { APIRoute } from 'astro';
import { getLocalized, getSettings } from '../../lib/entries.ts';
import { icsResponse, toCalendarEvent } from '../../lib/ical-events.ts';
import { now } from '../../lib/now.ts';
import { localeStaticPaths } from '../../lib/urls.ts';
import type { Locale } from '../../model/schemas/common.ts';

export const getStaticPaths = localeStaticPaths;

export const GET: APIRoute<{ locale: Locale }> = async ({ props, site }) => {
  const { locale } = props;
  const settings = await getSettings();
  const events = [...(await getLocalized('events', locale))].sort(
    (a, b) => a.data.start.getTime() - b.data.start.getTime(),
  );
  return icsResponse(
    { name: settings.name, locale, events: events.map((e) => toCalendarEvent(e, site)), stamp: now },
    'agenda.ics',
  );
};
