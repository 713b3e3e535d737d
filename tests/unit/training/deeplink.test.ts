import { describe, expect, it } from 'vitest';
import { clock, isoDuration, parseTime, startFromLocation } from '../../../src/components/training/deeplink.ts';

describe('chapter deep links', () => {
  it.each([
    ['90', 90],
    ['90s', 90],
    ['1m30s', 90],
    ['1m', 60],
    ['1h2m3s', 3723],
    ['1:30', 90],
    ['1:02:03', 3723],
    ['12.5', 12.5],
  ])('reads %s as %d seconds', (text, seconds) => {
    expect(parseTime(text)).toBe(seconds);
  });

  it.each(['', 'abc', '1:3', '-5', 'm'])('ignores %j', (text) => {
    expect(parseTime(text)).toBeUndefined();
  });

  it('takes ?t= first, then #t= (media fragments may add an end)', () => {
    expect(startFromLocation({ search: '?t=90', hash: '#t=10' })).toBe(90);
    expect(startFromLocation({ search: '', hash: '#t=1m30s' })).toBe(90);
    expect(startFromLocation({ search: '', hash: '#t=8,16' })).toBe(8);
    expect(startFromLocation({ search: '?x=1', hash: '#chapitres' })).toBeUndefined();
  });

  it('writes chapter times as a clock and an ISO duration', () => {
    expect(clock(8)).toBe('0:08');
    expect(clock(90)).toBe('1:30');
    expect(clock(3723)).toBe('1:02:03');
    expect(isoDuration(90)).toBe('PT1M30S');
    expect(isoDuration(3723)).toBe('PT1H2M3S');
  });
});
