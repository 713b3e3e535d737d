/** `/agenda.ics`: every agenda event in one iCalendar feed, to subscribe to from a calendar app. */
import type { APIRoute } from 'astro';
import { getLocalized, getSettings } from '../lib/entries.ts';
import { icsResponse, toCalendarEvent } from '../lib/ical-events.ts';
import { now } from '../lib/now.ts';

export const GET: APIRoute = async ({ site }) => {
  const settings = await getSettings();
  const events = (await getLocalized('events', 'fr')).sort((a, b) => a.data.start.getTime() - b.data.start.getTime());
  return icsResponse(
    { name: settings.name, events: events.map((e) => toCalendarEvent(e.slug, e.data, site)), stamp: now },
    'agenda.ics',
  );
};
