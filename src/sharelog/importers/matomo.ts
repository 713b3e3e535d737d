/**
 * Matomo Live API visit export (`Live.getLastVisitsDetails`, `format=json` saved one visit per
 * line as JSON Lines): one visit per record, with Matomo's own keys. Detected from the first
 * record (an `idVisit` and a `serverTimestamp`), no flag needed. A visit becomes one `click`:
 * `campaignSource` is the network, `campaignName` the card, `campaignContent` the variant,
 * `serverTimestamp` (Unix seconds, UTC) the instant (else `serverDate`, a local day), and
 * `idSite`/`idVisit` the event id (`matomo:<idSite>:<idVisit>`), so a visit exported twice
 * (overlapping date ranges) counts once. Only visits with `campaignMedium` = `ambassador` are
 * rows; any other visit is ignored (neither a row nor a reject), as the access log ignores
 * unrelated lines.
 */
import type { RawRow } from '../types.ts';

/** The medium every share link carries (`utm_medium=ambassador`, see the share route). */
export const AMBASSADOR_MEDIUM = 'ambassador';

/** Does this record look like a Matomo visit (the first record of a file decides)? */
export function isMatomoVisit(value: Record<string, unknown>): boolean {
  return (
    Object.hasOwn(value, 'idVisit') && (Object.hasOwn(value, 'serverTimestamp') || Object.hasOwn(value, 'serverDate'))
  );
}

const text = (v: unknown): string =>
  v === null || v === undefined
    ? ''
    : typeof v === 'string'
      ? v
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

/** `serverTimestamp` (Unix seconds) → ISO 8601 UTC; '' when it is not a whole number. */
function isoOfSeconds(v: unknown): string {
  const s = text(v).trim();
  if (!/^\d{1,12}$/.test(s)) return s === '' ? '' : `serverTimestamp ${s}`;
  return new Date(Number(s) * 1000).toISOString();
}

/**
 * Fills `row` from a visit and returns true, or returns false for a visit that is not an
 * ambassador click (other medium, no campaign medium at all).
 */
export function matomoVisitRow(visit: Record<string, unknown>, row: RawRow): boolean {
  if (text(visit.campaignMedium).trim().toLowerCase() !== AMBASSADOR_MEDIUM) return false;
  const ts = visit.serverTimestamp;
  row.timestamp = ts === undefined || ts === null || ts === '' ? text(visit.serverDate) : isoOfSeconds(ts);
  row.ambassador = '';
  row.team = '';
  row.network = text(visit.campaignSource);
  row.content = text(visit.campaignName);
  row.event = 'click';
  row.variant = text(visit.campaignContent);
  const id = text(visit.idVisit).trim();
  row.eventId = id === '' ? '' : `matomo:${text(visit.idSite).trim()}:${id}`;
  return true;
}
