/** An ISO 8601 week, `YYYY-Www`: Monday 00:00 UTC to the next Monday (exclusive). */
export interface IsoWeek {
  /** `2026-W49`. */
  id: string;
  year: number;
  week: number;
  /** Monday 00:00 UTC. */
  start: Date;
  /** The next Monday 00:00 UTC (exclusive end). */
  end: Date;
}

const DAY = 86_400_000;

/** Monday of ISO week 1: the week holding 4 January. */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - dow * DAY;
}

/** 52 or 53: the ISO week of 28 December. */
export function weeksInYear(year: number): number {
  return Math.round((week1Monday(year + 1) - week1Monday(year)) / (7 * DAY));
}

export class WeekError extends Error {}

/** Parses `2026-W49`; a clear error for anything else or a week the year does not have. */
export function parseWeek(text: string): IsoWeek {
  const m = /^(\d{4})-W(\d{2})$/.exec(text.trim());
  if (!m) throw new WeekError(`--week ${JSON.stringify(text)}: attendu une semaine ISO comme 2026-W49`);
  const year = Number(m[1]);
  const week = Number(m[2]);
  const max = weeksInYear(year);
  if (week < 1 || week > max) throw new WeekError(`--week ${text}: l’année ${year} a des semaines 01 à ${max}`);
  const start = week1Monday(year) + (week - 1) * 7 * DAY;
  return { id: text.trim(), year, week, start: new Date(start), end: new Date(start + 7 * DAY) };
}

/** The ISO week holding `date`. */
export function weekOf(date: Date): IsoWeek {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const thursday = day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - week1Monday(year)) / (7 * DAY));
  return parseWeek(`${year}-W${String(week).padStart(2, '0')}`);
}

/** The week after `w`. */
export const nextWeek = (w: IsoWeek): IsoWeek => weekOf(w.end);
