/**
 * The Matomo visit reader (importers/matomo.ts says what a visit means) on raw bytes. A real
 * export's lines are long (a visit carries ~60 keys and its list of actions) and only eight of
 * its keys matter, so a line is not parsed whole: each key is searched for (`locate`), in the
 * order Matomo writes them, and only its value is read. A line takes the
 * general path (decoded, `JSON.parse`, importers/matomo.ts) whenever this cannot be sure: it does
 * not start with `{` and end with `}`, a value we need holds a backslash escape, or is neither a
 * string, a number nor `null`. Lines are otherwise not validated beyond these checks: damage
 * inside a key we do not read (a cut `actionDetails`) goes unnoticed, where the general path
 * would reject the line as `bad JSON`. A key is searched from the previous value or from the
 * line's end, so were it written twice, or nested in an object, the hit is not the top-level
 * value JSON.parse would keep; Matomo writes each once, and its nested `actionDetails` never use
 * these names.
 */
import { hashBytes } from '../bytetable.ts';
import { FieldCache } from '../fieldcache.ts';
import { contentIdOf, networkIndex, variantIdOf } from '../normalize.ts';
import { parseTimestamp } from '../timestamp.ts';
import { CLICK, emptyEvent, emptyRow, MATOMO_VISITS, type RowSink, type RowWeight } from '../types.ts';
import { AMBASSADOR_MEDIUM, matomoVisitRow } from './matomo.ts';

const ONE_VISIT: RowWeight = { count: 1, source: MATOMO_VISITS };

const NAMES = [
  'idSite',
  'idVisit',
  'serverDate',
  'serverTimestamp',
  'campaignContent',
  'campaignMedium',
  'campaignName',
  'campaignSource',
];
/** What is searched: each name as JSON writes a key, quotes included. */
const KEYS = NAMES.map((k) => Buffer.from(`"${k}"`));
const [SITE, VISIT, DATE, STAMP, CONTENT, MEDIUM, NAME, SOURCE] = [0, 1, 2, 3, 4, 5, 6, 7];
const MEDIUM_BYTES = Buffer.from(AMBASSADOR_MEDIUM);

const NL = 10;
const QUOTE = 34;
const BACKSLASH = 92;

/**
 * Value ranges per key, absolute offsets in the buffer being read: [start, end) of a string's
 * content or a number's text; -1 = absent/null. `ascii`: the value has no byte >= 0x80.
 */
const starts = new Int32Array(KEYS.length);
const ends = new Int32Array(KEYS.length);
const isNumber = new Uint8Array(KEYS.length);
const ascii = new Uint8Array(KEYS.length);
/** Just past the last value `value` read: where the next key is searched from. */
let after = 0;

const space = (b: number) => b === 32 || b === 9 || b === 13;

/**
 * Reads the value after key `k` found at `at` in `buf` (the line ends at `end`); false = take
 * the general path. Absent (`at` < 0) and `null` leave the range at -1. A string is read in one
 * pass: its closing quote, a backslash (general path) and whether it is all ASCII.
 */
function value(buf: Buffer, k: number, at: number, end: number): boolean {
  starts[k] = -1;
  ends[k] = -1;
  if (at < 0) return true;
  let p = at + (KEYS[k] as Buffer).length;
  while (p < end && space(buf[p] as number)) p++;
  if (p >= end || buf[p] !== 58) return false; // a ':' after the key, else the name was a value
  p++;
  while (p < end && space(buf[p] as number)) p++;
  if (p >= end) return false;
  const c = buf[p] as number;
  if (c === QUOTE) {
    let q = p + 1;
    let high = 0;
    for (; q < end; q++) {
      const d = buf[q] as number;
      if (d === QUOTE) break;
      if (d === BACKSLASH) return false;
      high |= d;
    }
    if (q >= end) return false;
    starts[k] = p + 1;
    ends[k] = q;
    isNumber[k] = 0;
    ascii[k] = high < 0x80 ? 1 : 0;
    after = q + 1;
  } else if (c === 110 /* n */) {
    if (p + 4 > end || buf[p + 1] !== 117 || buf[p + 2] !== 108 || buf[p + 3] !== 108) return false;
    after = p + 4;
  } else if ((c >= 48 && c <= 57) || c === 45) {
    let q = p + 1;
    while (q < end) {
      const d = buf[q] as number;
      if (!((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45)) break;
      q++;
    }
    starts[k] = p;
    ends[k] = q;
    isNumber[k] = 1;
    ascii[k] = 1;
    after = q;
  } else return false;
  return true;
}

/**
 * Horspool skip tables per key, forward and backward: how far the window may move when the byte
 * under its last (forward) or first (backward) position is b. Measured on the generator's visits,
 * this search in JavaScript costs about a third of the native `Buffer.indexOf` it replaced: a
 * native call costs ~250 ns of setup (it builds its tables on every call), and it does not stop
 * at the line's end.
 */
function skips(needle: Buffer, backward: boolean): Uint8Array {
  const m = needle.length;
  const table = new Uint8Array(256).fill(m);
  if (backward) for (let i = m - 1; i > 0; i--) table[needle[i] as number] = i;
  else for (let i = 0; i < m - 1; i++) table[needle[i] as number] = m - 1 - i;
  return table;
}
const FORWARD = KEYS.map((k) => skips(k, false));
const BACKWARD = KEYS.map((k) => skips(k, true));

/** The first `"<key k>"` wholly inside buf[from, end), or -1. */
function indexOf(buf: Buffer, k: number, from: number, end: number): number {
  const needle = KEYS[k] as Buffer;
  const table = FORWARD[k] as Uint8Array;
  const m = needle.length;
  for (let i = from; i + m <= end; ) {
    const c = buf[i + m - 1] as number;
    if (c === QUOTE) {
      let j = 0;
      while (j < m - 1 && buf[i + j] === needle[j]) j++;
      if (j === m - 1) return i;
    }
    i += table[c] as number;
  }
  return -1;
}

/** The last `"<key k>"` wholly inside buf[from, end), or -1. */
function lastIndexOf(buf: Buffer, k: number, from: number, end: number): number {
  const needle = KEYS[k] as Buffer;
  const table = BACKWARD[k] as Uint8Array;
  const m = needle.length;
  for (let i = end - m; i >= from; ) {
    const c = buf[i] as number;
    if (c === QUOTE) {
      let j = 1;
      while (j < m && buf[i + j] === needle[j]) j++;
      if (j === m) return i;
    }
    i -= table[c] as number;
  }
  return -1;
}

/**
 * Per key, whether it is searched from the line's end: set when the last line had it nearer its
 * end than the previous key's value (Matomo writes the campaign keys last, after `actionDetails`
 * and some forty others), so each search crosses the shorter stretch.
 */
const fromEnd = new Uint8Array(KEYS.length);

/**
 * Finds every key in Matomo's order, each searched between where the previous value ended and
 * the line's end, falling back to the whole line for a key out of order. A key name as JSON
 * writes it (quotes included) cannot occur inside a string, where quotes are escaped, so a hit is
 * a key; `value` then checks the `:`.
 */
function locate(buf: Buffer, start: number, end: number): boolean {
  let from = start;
  for (let k = 0; k < KEYS.length; k++) {
    let at = fromEnd[k] === 1 ? lastIndexOf(buf, k, from, end) : indexOf(buf, k, from, end);
    if (at >= 0) fromEnd[k] = end - at < at - from ? 1 : 0;
    else if (from > start) at = indexOf(buf, k, start, end);
    if (!value(buf, k, at, end)) return false;
    if (at >= 0) from = Math.max(from, after);
  }
  return true;
}

/** Is the medium, trimmed, `ambassador` in any case? */
function ambassadorMedium(buf: Buffer): boolean {
  let s = starts[MEDIUM] as number;
  let e = ends[MEDIUM] as number;
  if (s < 0) return false;
  while (s < e && space(buf[s] as number)) s++;
  while (e > s && (space(buf[e - 1] as number) || buf[e - 1] === 10)) e--;
  if (e - s !== MEDIUM_BYTES.length) return false;
  for (let i = 0; i < MEDIUM_BYTES.length; i++) if (((buf[s + i] as number) | 32) !== MEDIUM_BYTES[i]) return false;
  return true;
}

/** JavaScript's `trim` on ASCII: space, tab, line feed, vertical tab, form feed, carriage return. */
const blank = (b: number) => b === 32 || (b >= 9 && b <= 13);

/**
 * Writes `<idSite>:<idVisit>` (each trimmed) into `out` at `at` straight from the line's bytes and
 * returns the end; 0 for an empty visit id; -1 when a value holds a non-ASCII byte (JavaScript's
 * `trim` knows more spaces than ASCII's) or does not fit: the caller then builds it from strings.
 */
function asciiId(buf: Buffer, out: Buffer, at: number): number {
  let p = at;
  for (const k of [SITE, VISIT]) {
    let s = starts[k] as number;
    let e = ends[k] as number;
    if (s < 0) s = e = 0;
    else if (ascii[k] === 0) return -1;
    while (s < e && blank(buf[s] as number)) s++;
    while (e > s && blank(buf[e - 1] as number)) e--;
    if (k === VISIT && e === s) return 0;
    if (p + (e - s) + 1 > out.length) return -1;
    // Byte by byte: ids are a few digits, shorter than a native copy's call.
    while (s < e) out[p++] = buf[s++] as number;
    if (k === SITE) out[p++] = 58;
  }
  return p;
}

/** Key k's value through a cache; an absent or null value is the empty one. */
const cached = (cache: FieldCache, buf: Buffer, k: number) =>
  (starts[k] as number) < 0 ? cache.empty : cache.get(buf, starts[k] as number, ends[k] as number);

const text = (buf: Buffer, k: number) => ((starts[k] as number) < 0 ? '' : buf.toString('utf8', starts[k], ends[k]));

export function matomoSource(file: string, sink: RowSink) {
  const row = emptyRow();
  const ev = emptyEvent();
  ev.source = MATOMO_VISITS;
  // Raw value bytes → the string rules' answer, once per distinct value (fieldcache.ts).
  const networks = new FieldCache(networkIndex);
  // -2: a campaign that is no known card (sink.campaign).
  const contents = new FieldCache((v) => {
    if (v.trim() === '') return -1;
    const card = sink.campaign(v);
    return card === null ? -2 : contentIdOf(card, sink.dicts);
  });
  const variants = new FieldCache((v) => variantIdOf(v, sink.dicts));
  const idScratch = Buffer.alloc(256);
  const PREFIX = Buffer.from('matomo:');
  PREFIX.copy(idScratch, 0);
  let pending: Buffer = Buffer.alloc(0);
  let lineNo = 0;
  let first = true;

  /** The general path: JSON.parse of the whole line. */
  function slow(raw: string) {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return sink.reject(file, lineNo, 'bad JSON', raw);
    }
    if (!matomoVisitRow(value as Record<string, unknown>, row)) return;
    if (row.content.trim() !== '') {
      const card = sink.campaign(row.content);
      if (card === null) return sink.unknownCampaign(row.content);
      row.content = card;
    }
    sink.row(row, file, lineNo, raw, ONE_VISIT);
  }

  function onLine(buf: Buffer, s: number, e: number) {
    lineNo++;
    while (e > s && space(buf[e - 1] as number)) e--;
    let b = s;
    while (b < e && space(buf[b] as number)) b++;
    if (b === e) return;
    // The line is buf[b, e): values are read in place, as offsets into the chunk.
    if (buf[b] !== 123 || buf[e - 1] !== 125) return slow(buf.toString('utf8', b, e));
    if (!locate(buf, b, e)) return slow(buf.toString('utf8', b, e));
    if (!ambassadorMedium(buf)) return;
    // A campaign that is no known card is not ours: reported once per name, whatever else it holds.
    const contentId = cached(contents, buf, NAME);
    if (contentId === -2) return sink.unknownCampaign(text(buf, NAME));
    // Timestamp: serverTimestamp (whole Unix seconds), else serverDate (a local day).
    let ms = Number.NaN;
    if ((starts[STAMP] as number) >= 0) {
      if (isNumber[STAMP] === 0 && ends[STAMP] === starts[STAMP]) {
        ms = parseTimestamp(text(buf, DATE).trim(), sink.zone);
      } else {
        let n = 0;
        let ok = true;
        const from = starts[STAMP] as number;
        const to = ends[STAMP] as number;
        if (to - from > 12) ok = false;
        for (let i = from; i < to && ok; i++) {
          const d = (buf[i] as number) - 48;
          if (d < 0 || d > 9) ok = false;
          else n = n * 10 + d;
        }
        if (!ok || to === from) return slow(buf.toString('utf8', b, e));
        ms = n * 1000;
      }
    } else ms = parseTimestamp(text(buf, DATE).trim(), sink.zone);
    if (Number.isNaN(ms)) return sink.reject(file, lineNo, 'bad timestamp', buf.toString('utf8', b, e));
    const network = cached(networks, buf, SOURCE);
    if (network < 0) return sink.reject(file, lineNo, 'missing network', buf.toString('utf8', b, e));
    if (contentId < 0) return sink.reject(file, lineNo, 'missing content', buf.toString('utf8', b, e));
    ev.ms = ms;
    ev.day = sink.zone.dayOf(ms);
    ev.event = CLICK;
    ev.network = network;
    ev.contentId = contentId;
    ev.content = sink.dicts.contents.names[contentId] as string;
    ev.ambId = -1;
    ev.ambassador = '';
    ev.teamId = -1;
    ev.variantId = cached(variants, buf, CONTENT);
    // Event id `matomo:<idSite>:<idVisit>` (values trimmed), as importers/matomo.ts builds it:
    // ASCII values (ids are numbers) are copied as bytes, others go through strings.
    const vs = starts[VISIT] as number;
    const ve = ends[VISIT] as number;
    let len = 0;
    if (vs >= 0 && ve > vs) {
      len = asciiId(buf, idScratch, PREFIX.length);
      if (len < 0) {
        len = 0;
        const site = text(buf, SITE).trim();
        const visit = text(buf, VISIT).trim();
        if (visit !== '') {
          const need = PREFIX.length + Buffer.byteLength(site) + 1 + Buffer.byteLength(visit);
          if (need > idScratch.length) return slow(buf.toString('utf8', b, e));
          len = PREFIX.length;
          len += idScratch.write(site, len, 'utf8');
          idScratch[len++] = 58;
          len += idScratch.write(visit, len, 'utf8');
        }
      }
    }
    sink.event(ev, idScratch, 0, len, hashBytes(idScratch, 0, len));
  }

  function lines(buf: Buffer, final: boolean): Buffer {
    let pos = 0;
    if (first && buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    if (buf.length > 0) first = false;
    for (let nl = buf.indexOf(NL, pos); nl !== -1; nl = buf.indexOf(NL, pos)) {
      onLine(buf, pos, nl);
      pos = nl + 1;
    }
    if (final) {
      if (pos < buf.length) onLine(buf, pos, buf.length);
      return Buffer.alloc(0);
    }
    return Buffer.from(buf.subarray(pos));
  }

  return {
    push(chunk: Uint8Array): void {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      if (pending.length === 0) {
        pending = lines(bytes, false);
        return;
      }
      // The line cut by the previous chunk: complete it, then read the rest in place.
      const nl = bytes.indexOf(NL);
      if (nl < 0) {
        pending = Buffer.concat([pending, bytes]);
        return;
      }
      const joined = Buffer.concat([pending, bytes.subarray(0, nl + 1)]);
      pending = Buffer.alloc(0);
      lines(joined, false);
      pending = lines(bytes.subarray(nl + 1), false);
    },
    end(): void {
      lines(pending, true);
      pending = Buffer.alloc(0);
    },
  };
}
