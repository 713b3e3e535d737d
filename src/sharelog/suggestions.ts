/**
 * Sent suggestions per ISO week: visits of the page a visitor lands on after sending one
 * (`/proposer/envoye/`, any prefix, either locale), which nginx writes into the share log
 * beside the shares (deploy/nginx/relais.conf). The access-log reader (accesslog.ts: GET, status
 * 2xx/3xx, combined format) hands them to the store's part being read (store/part.ts), which keeps
 * each one's day and line hash, so a next-day build reads only what the logs grew by; the run
 * gathers them (store/finish.ts), a line found in two files (rotated copies) counting once. Weeks are local (`--tz`) and gap
 * filled over the dashboards' period. A count, never who: the visitor's identity is not read.
 */
import { isoWeek, mondayOf, parseDay } from './timestamp.ts';

export interface SuggestionWeek {
  week: string;
  suggestions: number;
}

/**
 * Counts per ISO week from the period's first Monday to its last day (`YYYY-MM-DD`), zeros where
 * none; days outside the period are left out, as the ingest leaves out-of-range rows.
 */
export function suggestionsByWeek(
  days: readonly number[],
  period: { from: string; to: string } | null,
): SuggestionWeek[] {
  if (!period) return [];
  const from = parseDay(period.from);
  const to = parseDay(period.to);
  const counts = new Map<string, number>();
  for (let monday = mondayOf(from); monday <= to; monday += 7) counts.set(isoWeek(monday), 0);
  for (const day of days) {
    if (day < from || day > to) continue;
    const week = isoWeek(day);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  return [...counts].map(([week, suggestions]) => ({ week, suggestions }));
}
