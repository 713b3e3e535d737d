import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadContent } from '../../src/model/load.ts';
import type { EventData } from '../../src/model/schemas/event.ts';
import { root, testBase, testDist, testNow } from '../lib/paths.ts';

/**
 * The agenda's iCalendar files of the test build, French and English, parsed with ical.js:
 * every event at its Paris time, under the uid written in its file (the same in both
 * languages), English text where a translation exists, and the links from the agenda pages.
 */
const { entries } = loadContent(root);
const inLocale = (locale: string) =>
  entries
    .filter((e) => e.collection === 'events' && e.locale === locale)
    .map((e) => ({ slug: e.slug, data: e.data as EventData }));
const events = inLocale('fr');
const english = new Map(inLocale('en').map((e) => [e.slug, e.data]));
const siteUrl: string = parse(readFileSync(join(root, 'content/settings/programme.yaml'), 'utf8')).siteUrl;
const read = (file: string) => readFileSync(join(testDist, file), 'utf8');

function parseCalendar(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  for (const tz of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return component.getAllSubcomponents('vevent').map((c) => ({ event: new ICAL.Event(c), component: c }));
}
function checkLines(text: string) {
  expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
}

describe('the French agenda feed', () => {
  it('holds every event at its Paris time, under its uid', () => {
    const text = read('agenda.ics');
    checkLines(text);
    const parsed = parseCalendar(text);
    expect(parsed).toHaveLength(events.length);
    const wallClock = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Paris',
      dateStyle: 'short',
      timeStyle: 'medium',
    });
    for (const e of events) {
      const ev = parsed.find((p) => p.event.uid === e.data.uid)?.event;
      expect(ev?.summary, e.slug).toBe(e.data.title);
      expect(ev?.startDate.zone?.tzid).toBe('Europe/Paris');
      expect(ev?.startDate.toJSDate().toISOString(), e.slug).toBe(e.data.start.toISOString());
      expect(ev?.endDate.toJSDate().toISOString(), e.slug).toBe(e.data.end.toISOString());
      expect(ev?.startDate.toString().replace('T', ' ')).toBe(wallClock.format(e.data.start));
    }
  });

  it('has one file per event with the same uid and times', () => {
    for (const e of events) {
      const [one, ...rest] = parseCalendar(read(`agenda/${e.slug}.ics`));
      expect(rest).toHaveLength(0);
      expect(one?.event.uid).toBe(e.data.uid);
      expect(one?.event.startDate.toJSDate().toISOString()).toBe(e.data.start.toISOString());
      expect(one?.component.getFirstPropertyValue('url')).toBe(new URL(`${testBase}agenda/${e.slug}/`, siteUrl).href);
    }
  });
});

describe('the English agenda feed', () => {
  const uids = new Set(events.map((e) => e.data.uid));

  it('holds the same events, under the same uids, in English where translated', () => {
    expect(english.size).toBeGreaterThan(0);
    expect(english.size).toBeLessThan(events.length);
    const text = read('en/agenda.ics');
    checkLines(text);
    expect(text).toContain('PRODID:-//Relais//Agenda//EN');
    const parsed = parseCalendar(text);
    expect(new Set(parsed.map((p) => p.event.uid))).toEqual(uids);
    for (const e of events) {
      const found = parsed.find((p) => p.event.uid === e.data.uid);
      const translation = english.get(e.slug);
      expect(found?.event.summary, e.slug).toBe(translation?.title ?? e.data.title);
      // A title left in French says so, for screen readers and spell checkers of calendar apps.
      const language = found?.component.getFirstProperty('summary')?.getParameter('language');
      expect(language, e.slug).toBe(translation ? undefined : 'fr');
      expect(found?.event.startDate.toJSDate().toISOString()).toBe(e.data.start.toISOString());
      expect(found?.component.getFirstPropertyValue('url')).toBe(
        new URL(`${testBase}en/agenda/${e.slug}/`, siteUrl).href,
      );
    }
  });

  it('has one English file per event, with the French file’s uid', () => {
    for (const e of events) {
      const [one, ...rest] = parseCalendar(read(`en/agenda/${e.slug}.ics`));
      expect(rest).toHaveLength(0);
      expect(one?.event.uid).toBe(e.data.uid);
      expect(one?.event.summary).toBe(english.get(e.slug)?.title ?? e.data.title);
      expect(one?.event.description).toContain(english.get(e.slug)?.summary ?? e.data.summary);
    }
  });

  it('is what the English agenda pages link to', () => {
    const list = read('en/agenda/index.html');
    expect(list).toContain(`href="${testBase}en/agenda.ics"`);
    for (const e of events) expect(list).toContain(`href="${testBase}en/agenda/${e.slug}.ics"`);
    const upcoming = events.filter((e) => e.data.end.getTime() > Date.parse(testNow));
    expect(upcoming.length).toBeGreaterThan(0);
    for (const e of upcoming)
      expect(read(`en/agenda/${e.slug}/index.html`), e.slug).toContain(`href="${testBase}en/agenda/${e.slug}.ics"`);
    expect(read('agenda/index.html')).toContain(`href="${testBase}agenda.ics"`);
  });
});
