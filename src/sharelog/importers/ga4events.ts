/**
 * Google Analytics 4's BigQuery export (`events_YYYYMMDD` rows saved as JSON Lines, e.g. `bq
 * extract --destination_format NEWLINE_DELIMITED_JSON`): one event per line, with GA4's own
 * keys. Detected from the first record (`event_date` and `event_name`), no flag needed.
 *
 * Only `session_start` events count, one click each: a click on a share link starts a session,
 * and GA4 counts it once there, as the Sessions metric of its reports does (so this source and a
 * GA4 report CSV agree). `page_view` would count every page view that carries the tagged URL
 * (a reload, the landing page viewed twice), several per click. The campaign comes from
 * `collected_traffic_source` (the UTM tags the event's page URL carried, exactly the share
 * link's): `manual_medium` must be `ambassador`, `manual_campaign_name` is the card,
 * `manual_source` the network, `manual_content` the variant. `traffic_source` is not read: GA4
 * fills it with the campaign that *first acquired the user*, so a returning visitor first
 * brought by a share would have every later session counted as another click.
 *
 * The instant is `event_timestamp` (microseconds since the epoch, UTC; BigQuery's JSON writes
 * INT64 as a string), else `event_date` (a day in the property's time zone). The event id is
 * `ga4:<user_pseudo_id>:<ga_session_id>` (the `event_params` entry GA4 sets on every event), so
 * an event exported twice (overlapping tables, a copied file) counts once (without a session id:
 * `ga4:<user_pseudo_id>:<event_timestamp>`).
 */
import type { RawRow } from '../types.ts';
import { AMBASSADOR_MEDIUM } from './matomo.ts';

/** The event that stands for a click (see above). */
export const GA4_CLICK_EVENT = 'session_start';

/** Does this record look like a GA4 BigQuery event row (the first record of a file decides)? */
export function isGa4Event(value: Record<string, unknown>): boolean {
  return Object.hasOwn(value, 'event_date') && Object.hasOwn(value, 'event_name');
}

const text = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** `event_timestamp` (microseconds) → ISO 8601 UTC; a marked bad value when not a whole number. */
function isoOfMicros(v: unknown): string {
  const s = text(v).trim();
  if (!/^\d{1,19}$/.test(s)) return `event_timestamp ${s}`;
  return new Date(Number(BigInt(s) / 1000n)).toISOString();
}

/** `event_date` `20261203` → `2026-12-03` (a local day), else the text as it is (a bad timestamp). */
function dayOf(v: unknown): string {
  const s = text(v).trim();
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : s;
}

/** The `ga_session_id` of `event_params` (`[{ key, value: { int_value | string_value } }]`). */
function sessionId(params: unknown): string {
  if (!Array.isArray(params)) return '';
  for (const p of params) {
    const entry = record(p);
    if (entry.key !== 'ga_session_id') continue;
    const value = record(entry.value);
    return text(value.int_value ?? value.string_value).trim();
  }
  return '';
}

/**
 * Fills `row` from a GA4 event and returns true, or returns false for an event that is not an
 * ambassador click (another event, another medium, no collected campaign).
 */
export function ga4EventRow(event: Record<string, unknown>, row: RawRow): boolean {
  if (text(event.event_name).trim() !== GA4_CLICK_EVENT) return false;
  const collected = record(event.collected_traffic_source);
  if (text(collected.manual_medium).trim().toLowerCase() !== AMBASSADOR_MEDIUM) return false;
  const ts = event.event_timestamp;
  row.timestamp = ts === undefined || ts === null || ts === '' ? dayOf(event.event_date) : isoOfMicros(ts);
  row.ambassador = '';
  row.team = '';
  row.network = text(collected.manual_source);
  row.content = text(collected.manual_campaign_name);
  row.event = 'click';
  row.variant = text(collected.manual_content);
  const user = text(event.user_pseudo_id).trim();
  const session = sessionId(event.event_params);
  // Without a session id (hand-trimmed rows), the event's own instant keeps two sessions apart.
  const key = session !== '' ? session : text(ts).trim();
  row.eventId = user === '' && key === '' ? '' : `ga4:${user}:${key}`;
  return true;
}
