/**
 * Access logs (nginx/Apache "combined") → rows. A line is a share when the method is GET, the
 * status 2xx/3xx and the path ends with the hub's share route `/partager/<content>/<network>/`
 * (any prefix, trailing slash optional); `v=` in the query is the variant and `remote_user` the
 * ambassador (`-` = anonymous). Every other line, including lines that are not in combined
 * format at all, is ignored: neither a row nor a reject.
 */
import { isBlank } from './csv.ts';
import { lineSplitter } from './read.ts';
import { emptyRow, type RowSink } from './types.ts';

//            remote_addr  ident remote_user  [time_local]   "METHOD target proto"  status
export const LINE = /^\S+ \S+ (\S+) \[([^\]]+)\] "(\S+) (\S+)[^"]*" (\d{3}) /;
const ROUTE = /\/partager\/([^/]+)\/([^/]+)\/?$/;
const TIME = /^(\d{2})\/(\w{3})\/(\d{4}):(\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2})$/;
const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** `10/Oct/2026:13:55:36 +0200` → `2026-10-10T13:55:36+02:00` (unchanged when malformed). */
export function logTime(t: string): string {
  const m = TIME.exec(t);
  const month = m ? MONTHS.indexOf(m[2] as string) : -1;
  if (!m || month % 3 !== 0) return t;
  const mm = String(month / 3 + 1).padStart(2, '0');
  return `${m[3]}-${mm}-${m[1]}T${m[4]}${m[5]}:${m[6]}`;
}

/** The page a visitor lands on after sending a suggestion (any prefix, either locale). */
export const SENT = /\/proposer\/envoye\/?$/;

export function accessLogSource(file: string, sink: RowSink) {
  const row = emptyRow();
  row.event = 'share';
  return lineSplitter((text, line) => {
    if (isBlank(text)) return;
    const m = LINE.exec(text);
    if (m?.[3] !== 'GET' || !(m[5]?.[0] === '2' || m[5]?.[0] === '3')) return;
    const target = m[4] as string;
    const q = target.indexOf('?');
    const path = q === -1 ? target : target.slice(0, q);
    const route = ROUTE.exec(path);
    if (!route) {
      if (SENT.test(path)) sink.sent?.(text, m[2] as string);
      return;
    }
    row.variant = '';
    if (q !== -1) {
      for (const param of target.slice(q + 1).split('&')) {
        if (param.startsWith('v=')) row.variant = decode(param.slice(2));
      }
    }
    row.ambassador = m[1] === '-' ? '' : decode(m[1] as string);
    row.timestamp = logTime(m[2] as string);
    row.content = decode(route[1] as string);
    row.network = decode(route[2] as string);
    sink.row(row, file, line, text);
  });
}
