import { describe, expect, it } from 'vitest';
import { createZone, isoWeek, parseDay, parseTimestamp } from '../../../src/sharelog/timestamp.ts';
import { paris } from './helpers.ts';

const iso = (s: string, zone = paris) => {
  const ms = parseTimestamp(s, zone);
  return Number.isNaN(ms) ? 'NaN' : new Date(ms).toISOString();
};

describe('parseTimestamp', () => {
  it('reads ISO 8601 with Z or an offset, fractional seconds allowed', () => {
    expect(iso('2026-03-02T09:00:00Z')).toBe('2026-03-02T09:00:00.000Z');
    expect(iso('2026-03-02T09:00:00.123456Z')).toBe('2026-03-02T09:00:00.123Z');
    expect(iso('2026-03-02T09:00:00,5+01:00')).toBe('2026-03-02T08:00:00.500Z');
    expect(iso('2026-03-02T09:00-05:30')).toBe('2026-03-02T14:30:00.000Z');
    expect(iso('2026-03-02T09:00:00+0200')).toBe('2026-03-02T07:00:00.000Z');
    expect(iso('2026-03-02T09:00:00+02')).toBe('2026-03-02T07:00:00.000Z');
  });

  it('reads local formats in the zone (winter and summer time)', () => {
    expect(iso('2026-01-15 09:30')).toBe('2026-01-15T08:30:00.000Z');
    expect(iso('2026-07-15T09:30:15')).toBe('2026-07-15T07:30:15.000Z');
    expect(iso('15/07/2026 09:30')).toBe('2026-07-15T07:30:00.000Z');
    expect(iso('15/01/2026 09:30:59')).toBe('2026-01-15T08:30:59.000Z');
    expect(iso('2026-07-15 09:30', createZone('America/New_York'))).toBe('2026-07-15T13:30:00.000Z');
  });

  it('reads a bare date as local midnight', () => {
    expect(iso('2026-03-02')).toBe('2026-03-01T23:00:00.000Z');
    expect(iso('2026-07-02')).toBe('2026-07-01T22:00:00.000Z');
  });

  it('handles the DST edges in Europe/Paris', () => {
    // 2026-03-29: 02:00 → 03:00. Before, inside the gap (moved forward), after.
    expect(iso('2026-03-29 01:59:59')).toBe('2026-03-29T00:59:59.000Z');
    expect(iso('2026-03-29 02:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(iso('2026-03-29 03:00')).toBe('2026-03-29T01:00:00.000Z');
    // 2026-10-25: 03:00 → 02:00. The repeated hour takes the earlier instant.
    expect(iso('2026-10-25 01:59')).toBe('2026-10-24T23:59:00.000Z');
    expect(iso('2026-10-25 02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(iso('2026-10-25 03:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(iso('2026-10-25T02:30:00+01:00')).toBe('2026-10-25T01:30:00.000Z');
  });

  it('gives local days across the DST change', () => {
    expect(paris.dayOf(Date.parse('2026-10-24T22:30:00Z'))).toBe(parseDay('2026-10-25'));
    expect(paris.dayOf(Date.parse('2026-10-25T22:59:59Z'))).toBe(parseDay('2026-10-25'));
    expect(paris.dayOf(Date.parse('2026-10-25T23:00:00Z'))).toBe(parseDay('2026-10-26'));
  });

  it.each([
    '',
    'hier',
    '2026-13-01',
    '2026-02-29',
    '2026-02-30 10:00',
    '31/04/2026 10:00',
    '2026-03-02 24:00',
    '2026-03-02 10:60',
    '2026-03-02 10:00:60',
    '2026-03-02T10',
    '2026-03-02 10:00 ',
    '2026-03-02T10:00:00+15:00',
    '2026-03-02T10:00:00+01:0',
    '2026-03-02T10:00:00.Z',
    '02/03/2026',
    '02/03/2026T10:00',
    '02/03/2026 10:00Z',
    '2026/03/02 10:00',
    '1772409600',
  ])('rejects %j', (s) => {
    expect(parseTimestamp(s, paris)).toBeNaN();
  });

  it('accepts 29 February in leap years only', () => {
    expect(iso('2028-02-29')).toBe('2028-02-28T23:00:00.000Z');
  });
});

describe('isoWeek', () => {
  it('numbers weeks across year boundaries (2026 has 53 ISO weeks)', () => {
    expect(isoWeek(parseDay('2026-01-01'))).toBe('2026-W01');
    expect(isoWeek(parseDay('2025-12-29'))).toBe('2026-W01');
    expect(isoWeek(parseDay('2026-12-31'))).toBe('2026-W53');
    expect(isoWeek(parseDay('2027-01-03'))).toBe('2026-W53');
    expect(isoWeek(parseDay('2027-01-04'))).toBe('2027-W01');
    expect(isoWeek(parseDay('2026-02-02'))).toBe('2026-W06');
  });
});
