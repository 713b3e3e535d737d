/**
 * Sent suggestions per ISO week: visits of the page a visitor lands on after sending one
 * (`/proposer/envoye/`, any prefix, either locale), which nginx writes into the share log
 * beside the shares (deploy/nginx/relais.conf). Read from the access-log inputs only, with the
 * access-log rule of accesslog.ts (GET, status 2xx/3xx, combined format); a line found in two
 * files (rotated copies) counts once, as the share rows do. Weeks are local (`--tz`) and gap
 * filled over the dashboards' period. A count, never who: the visitor's identity is not read.
 */
import { LINE, logTime } from './accesslog.ts';
import { type InputFile, lineSplitter, readInput } from './read.ts';
import { isoWeek, mondayOf, parseDay, parseTimestamp, type Zone } from './timestamp.ts';

const SENT = /\/proposer\/envoye\/?$/;

export interface SuggestionWeek {
  week: string;
  suggestions: number;
}

/** Local day numbers of the sent-page visits in `files` (access logs), each line once. */
export async function suggestionDays(files: readonly InputFile[], zone: Zone): Promise<number[]> {
  const seen = new Set<string>();
  const days: number[] = [];
  for (const file of files) {
    if (file.kind !== 'log') continue;
    const split = lineSplitter((text) => {
      const m = LINE.exec(text);
      if (m?.[3] !== 'GET' || !(m[5]?.[0] === '2' || m[5]?.[0] === '3')) return;
      const target = m[4] as string;
      const q = target.indexOf('?');
      if (!SENT.test(q === -1 ? target : target.slice(0, q)) || seen.has(text)) return;
      seen.add(text);
      const ms = parseTimestamp(logTime(m[2] as string), zone);
      if (!Number.isNaN(ms)) days.push(zone.dayOf(ms));
    });
    try {
      for await (const chunk of readInput(file)) split.push(chunk);
    } catch {
      // A broken archive is reported by the ingest itself; its lines before the break count.
    }
    split.end();
  }
  return days;
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
