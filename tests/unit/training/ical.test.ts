import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type CalendarEvent, calendar, escapeText, foldLine, parisLocal } from '../../../src/lib/ical.ts';

const event: CalendarEvent = {
  uid: 'web-cafe@relais.example',
  title: 'Web-café ; écrire, sans se répéter',
  description: 'Une ligne\nUne autre, avec des accents éàü et un lien https://visio.example/abc',
  // 09:30 in Paris in winter (UTC+1) and 14:00 in summer (UTC+2).
  start: new Date('2026-12-03T08:30:00Z'),
  end: new Date('2026-12-03T09:15:00Z'),
  location: 'Salle Loire, Orléans',
  url: 'https://relais.example/agenda/web-cafe/',
  categories: ['Web-café'],
};
const summer: CalendarEvent = {
  ...event,
  uid: 'summer@relais.example',
  start: new Date('2026-06-18T12:00:00Z'),
  end: new Date('2026-06-18T13:00:00Z'),
};
const stamp = new Date('2026-11-22T09:00:00Z');

/** Parses with ical.js (an independent implementation) and resolves times with our VTIMEZONE. */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return root;
}

describe('iCalendar output', () => {
  const text = calendar({ name: 'Relais', events: [event, summer], stamp });

  it('uses CRLF line endings and no physical line over 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('parses with ical.js, with start and end in Europe/Paris', () => {
    const events = parse(text)
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(2);
    const [winter, june] = events;
    expect(winter?.uid).toBe(event.uid);
    expect(winter?.summary).toBe(event.title);
    expect(winter?.description).toBe(event.description);
    expect(winter?.location).toBe(event.location);
    expect(winter?.startDate.zone?.tzid).toBe('Europe/Paris');
    expect(winter?.startDate.toString()).toBe('2026-12-03T09:30:00');
    expect(winter?.startDate.toJSDate().toISOString()).toBe(event.start.toISOString());
    expect(winter?.endDate.toJSDate().toISOString()).toBe(event.end.toISOString());
    expect(june?.startDate.toString()).toBe('2026-06-18T14:00:00');
    expect(june?.startDate.toJSDate().toISOString()).toBe(summer.start.toISOString());
  });

  it('has the properties RFC 5545 requires', () => {
    const root = parse(text);
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    expect(root.getFirstPropertyValue('prodid')).toBeTruthy();
    for (const v of root.getAllSubcomponents('vevent')) {
      expect(v.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-22T09:00:00Z');
      expect(v.getFirstPropertyValue('uid')).toBeTruthy();
    }
  });
});

describe('iCalendar helpers', () => {
  it('escapes text values', () => {
    expect(escapeText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne');
  });

  it('folds long lines without cutting a multi-byte character', () => {
    const line = `DESCRIPTION:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
  });

  it('folds at 75 octets exactly, four-byte characters and plain ASCII alike', () => {
    const ascii = 'A'.repeat(75);
    expect(foldLine(ascii)).toBe(ascii);
    expect(foldLine(`${ascii}B`)).toBe(`${ascii}\r\n B`);
    const emoji = `X:${'🙂'.repeat(40)}`;
    const parts = foldLine(emoji).split('\r\n');
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    // 2 + 18 × 4 = 74 octets fit on the first line, a 19th emoji would not.
    expect(parts[0]).toBe(`X:${'🙂'.repeat(18)}`);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(emoji);
  });

  it('writes Paris wall-clock time on both sides of the daylight-saving change', () => {
    expect(parisLocal(new Date('2026-10-25T00:30:00Z'))).toBe('20261025T023000');
    expect(parisLocal(new Date('2026-10-25T01:30:00Z'))).toBe('20261025T023000');
    expect(parisLocal(new Date('2026-03-29T01:30:00Z'))).toBe('20260329T033000');
  });
});
