/**
 * Timestamps → epoch milliseconds, in a given IANA time zone, with no dependency.
 *
 * Accepted: ISO 8601 with `Z` or an offset (fraction allowed); `YYYY-MM-DD[T ]HH:MM[:SS[.f]]`
 * and `DD/MM/YYYY HH:MM[:SS]` read in the zone; a bare `YYYY-MM-DD` (local midnight).
 * Parsing is byte arithmetic on the CSV read buffer (no regex, no string, no Date per row).
 * Offsets come from Intl but are memoised per day (two Intl calls tell whether the offset is
 * constant that day) and, on the rare transition days, per 15-minute bucket: every real-world
 * offset and transition is 15-minute aligned, so one Intl call serves all the rows of a bucket.
 * On top of that, each direction is cached per bucket in typed arrays (one read per row). Local times that do not exist (spring
 * forward) or exist twice (fall back) follow the `compatible` rule of Temporal / RFC 5545:
 * a skipped time moves forward by the gap, a repeated time takes the earlier instant.
 */

const MINUTE = 60_000;
const BUCKET = 15 * MINUTE;
const SLOTS = 1 << 16;
export const DAY = 86_400_000;

export interface Zone {
  name: string;
  /** Offset (local − UTC) in minutes at an instant. */
  offsetAt(ms: number): number;
  /** Local wall-clock milliseconds (as if UTC) → instant. */
  localToUtc(localMs: number): number;
  /** Local day number (days since 1970-01-01) of an instant. */
  dayOf(ms: number): number;
}

/** Throws RangeError on an unknown zone name. */
export function createZone(name: string): Zone {
  const dtf = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsets = new Map<number, number>();
  const compute = (ms: number): number => {
    const p: Record<string, number> = {};
    for (const part of dtf.formatToParts(ms)) p[part.type] = Number(part.value);
    const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day, p.hour, p.minute, p.second);
    return (wall - ms) / MINUTE;
  };
  // Per UTC day: the offset when constant all day (one entry), else NaN and per-bucket entries.
  const days = new Map<number, number>();
  const slowOffsetAt = (ms: number): number => {
    const day = Math.floor(ms / DAY);
    let off = days.get(day);
    if (off === undefined) {
      const start = compute(day * DAY);
      off = start === compute(day * DAY + DAY - BUCKET) ? start : Number.NaN;
      days.set(day, off);
    }
    if (!Number.isNaN(off)) return off;
    const key = Math.floor(ms / BUCKET);
    let exact = offsets.get(key);
    if (exact === undefined) {
      exact = compute(key * BUCKET);
      offsets.set(key, exact);
    }
    return exact;
  };
  // The answers above are constant per 15-minute bucket, so both directions are memoised per
  // bucket in direct-mapped typed arrays (slot = bucket mod 2^16, ~680 days): one array read per
  // row instead of Map lookups, no allocation; a slot is simply overwritten on a clash.
  const offsetKeys = new Float64Array(SLOTS).fill(Number.NaN);
  const offsetValues = new Float64Array(SLOTS);
  const offsetAt = (ms: number): number => {
    const key = Math.floor(ms / BUCKET);
    const slot = key & (SLOTS - 1);
    if (offsetKeys[slot] === key) return offsetValues[slot] as number;
    const off = slowOffsetAt(ms);
    offsetKeys[slot] = key;
    offsetValues[slot] = off;
    return off;
  };
  const resolve = (local: number): number => {
    const before = offsetAt(local - DAY);
    const after = offsetAt(local + DAY);
    let best = Number.POSITIVE_INFINITY;
    for (const off of before === after ? [before] : [before, after]) {
      const utc = local - off * MINUTE;
      if (offsetAt(utc) === off && utc < best) best = utc;
    }
    return best === Number.POSITIVE_INFINITY ? local - before * MINUTE : best;
  };
  const localKeys = new Float64Array(SLOTS).fill(Number.NaN);
  const localDeltas = new Float64Array(SLOTS);
  return {
    name,
    offsetAt,
    localToUtc(localMs) {
      const key = Math.floor(localMs / BUCKET);
      const slot = key & (SLOTS - 1);
      if (localKeys[slot] === key) return localMs - (localDeltas[slot] as number);
      const delta = key * BUCKET - resolve(key * BUCKET);
      localKeys[slot] = key;
      localDeltas[slot] = delta;
      return localMs - delta;
    },
    dayOf: (ms) => Math.floor((ms + offsetAt(ms) * MINUTE) / DAY),
  };
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Two/four ASCII digits at i, or -1. */
function num(s: Uint8Array, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = (s[k] as number) - 48; // NaN past the end of the array: fails the test below
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Byte at i if i < end, else NaN (so "past the end of the field" fails every comparison). */
const at = (s: Uint8Array, i: number, end: number): number => (i < end ? (s[i] as number) : Number.NaN);

const scratch = new Uint8Array(64);

/**
 * Epoch milliseconds, or NaN when `s` is not one of the accepted formats. Every accepted shape is
 * ASCII and every position of the text is checked, so a non-ASCII character always means NaN: the
 * string is copied into a scratch byte array and read by the one parser, `parseTimestampBytes`.
 */
export function parseTimestamp(s: string, zone: Zone): number {
  const len = s.length;
  if (len > scratch.length) return Number.NaN; // the longest valid shape is ~35 characters
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return Number.NaN;
    scratch[i] = c;
  }
  return parseTimestampBytes(scratch, 0, len, zone);
}

/**
 * Epoch milliseconds of the ASCII timestamp in bytes [start, end) (already trimmed), or NaN.
 * Reads the CSV read buffer in place: no string is cut for the 1M timestamps of a big file.
 */
export function parseTimestampBytes(b: Uint8Array, start: number, end: number, zone: Zone): number {
  const len = end - start;
  const o = start;
  let y: number;
  let mo: number;
  let d: number;
  const iso = len >= 10 && b[o + 4] === 45 && b[o + 7] === 45;
  if (iso) {
    y = num(b, o, 4);
    mo = num(b, o + 5, 2);
    d = num(b, o + 8, 2);
  } else if (len >= 16 && b[o + 2] === 47 && b[o + 5] === 47) {
    d = num(b, o, 2);
    mo = num(b, o + 3, 2);
    y = num(b, o + 6, 4);
  } else return Number.NaN;
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return Number.NaN;
  const days = daysFromCivil(y, mo, d);
  if (len === 10) return iso ? zone.localToUtc(days * DAY) : Number.NaN;
  const t = b[o + 10];
  if (!(t === 32 || (iso && (t === 84 || t === 116))) || len < 16 || b[o + 13] !== 58) {
    return Number.NaN;
  }
  const h = num(b, o + 11, 2);
  const mi = num(b, o + 14, 2);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return Number.NaN;
  let sec = 0;
  let frac = 0;
  let i = 16;
  if (at(b, o + i, end) === 58) {
    if (len < 19) return Number.NaN;
    sec = num(b, o + 17, 2);
    if (sec < 0 || sec > 59) return Number.NaN;
    i = 19;
    const dot = at(b, o + i, end);
    if (dot === 46 || dot === 44) {
      let scale = 100;
      const first = ++i;
      for (let c = at(b, o + i, end) - 48; c >= 0 && c <= 9; c = at(b, o + ++i, end) - 48) {
        frac += c * scale;
        scale /= 10;
      }
      if (i === first) return Number.NaN;
      frac = Math.floor(frac);
    }
  }
  const local = days * DAY + h * 3_600_000 + mi * MINUTE + sec * 1000 + frac;
  if (i === len) return zone.localToUtc(local);
  if (!iso) return Number.NaN;
  const z = b[o + i];
  if ((z === 90 || z === 122) && i + 1 === len) return local;
  if (z !== 43 && z !== 45) return Number.NaN;
  const rest = len - i - 3;
  if (rest < 0) return Number.NaN;
  const oh = num(b, o + i + 1, 2);
  let om = 0;
  if (rest === 3 && b[o + i + 3] === 58) om = num(b, o + i + 4, 2);
  else if (rest === 2) om = num(b, o + i + 3, 2);
  else if (rest !== 0) return Number.NaN;
  if (oh < 0 || oh > 14 || om < 0 || om > 59) return Number.NaN;
  const off = (oh * 60 + om) * (z === 45 ? -1 : 1);
  return local - off * MINUTE;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Day number of a strict `YYYY-MM-DD`, or NaN. */
export function parseDay(s: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return Number.NaN;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  return daysFromCivil(y, m, d);
}

/** ISO week label (`2026-W05`) of the week containing a day number. */
export function isoWeek(day: number): string {
  const weekday = (((day + 3) % 7) + 7) % 7; // Monday = 0 (1970-01-01 was a Thursday)
  const thursday = day - weekday + 3;
  const year = new Date(thursday * DAY).getUTCFullYear();
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${year}-W${week < 10 ? '0' : ''}${week}`;
}

/** Monday (day number) of the ISO week containing a day. */
export function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}
