/** `/agenda/<slug>.ics` and `/en/agenda/<slug>.ics`: one event, for "add to my calendar". */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSettings, type LocalizedEntry, localizedPaths } from '../../../lib/entries.ts';
import { icsResponse, toCalendarEvent } from '../../../lib/ical-events.ts';
import { now } from '../../../lib/now.ts';

export const getStaticPaths = (() => localizedPaths('events')) satisfies GetStaticPaths;

export const GET: APIRoute<{ item: LocalizedEntry<'events'> }> = async ({ props, site }) => {
  const settings = await getSettings();
  const { item } = props;
  return icsResponse(
    { name: settings.name, locale: item.locale, events: [toCalendarEvent(item, site)], stamp: now },
    `${item.slug}.ics`,
  );
};
