/** `/agenda/<slug>.ics`: one event, for "add to my calendar". */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLocalized, getSettings, type LocalizedEntry } from '../../lib/entries.ts';
import { icsResponse, toCalendarEvent } from '../../lib/ical-events.ts';
import { now } from '../../lib/now.ts';

export const getStaticPaths = (async () =>
  (await getLocalized('events', 'fr')).map((item) => ({
    params: { slug: item.slug },
    props: { item },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ item: LocalizedEntry<'events'> }> = async ({ props, site }) => {
  const settings = await getSettings();
  const { slug, data } = props.item;
  return icsResponse({ name: settings.name, events: [toCalendarEvent(slug, data, site)], stamp: now }, `${slug}.ics`);
};
