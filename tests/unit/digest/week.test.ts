import { describe, expect, it } from 'vitest';
import { parseWeek, weekOf, weeksInYear } from '../../../src/digest/week.ts';

describe('ISO weeks', () => {
  it('finds the Monday of a week and the next Monday', () => {
    const w = parseWeek('2026-W49');
    expect(w.start.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(parseWeek('2021-W01').start.toISOString()).toBe('2021-01-04T00:00:00.000Z');
    expect(parseWeek('2026-W53').start.toISOString()).toBe('2026-12-28T00:00:00.000Z');
  });
  it('knows 52- and 53-week years and the week of a day', () => {
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2027)).toBe(52);
    expect(weekOf(new Date('2027-01-01T12:00:00Z')).id).toBe('2026-W53');
    expect(weekOf(new Date('2026-12-07T08:00:00Z')).id).toBe('2026-W50');
  });
  it('rejects what is not a week, naming what was expected', () => {
    expect(() => parseWeek('2026-49')).toThrow(/--week "2026-49".*2026-W49/);
    expect(() => parseWeek('2027-W53')).toThrow(/semaines 01 à 52/);
    expect(() => parseWeek('2026-W00')).toThrow(/semaines 01 à 53/);
  });
});
