/**
 * The Matomo visit reader (importers/matomo.ts says what a visit means) on raw bytes. A real
 * export's lines are long (a visit carries ~60 keys and its list of actions) and only eight of
 * its keys matter, so a line is not parsed whole: each key is found with `Buffer.indexOf`
 * (native search), in the order Matomo writes them, and only its value is read. A line takes the
 * general path (decoded, `JSON.parse`, importers/matomo.ts) whenever this cannot be sure: it does
 * not start with `{` and end with `}`, a value we need holds a backslash escape, or is neither a
 * string, a number nor `null`. Lines are otherwise not validated beyond these checks: damage
 * inside a key we do not read (a cut `actionDetails`) goes unnoticed, where the general path
 * would reject the line as `bad JSON`. Keys are found by their first occurrence; Matomo's nested
 * `actionDetails` never use these names.
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
const KEYS = NAMES.map((k) => Buffer.from(`"${k}"`));
/**
 * What is searched: the name and its closing quote, the opening quote checked after. A needle
 * that starts with `"` is slow to find in JSON (the native search stops at every quote); without
 * it the eight searches take about half the time (measured on the generator's visits).
 */
const NEEDLES = NAMES.map((k) => Buffer.from(`${k}"`));
const [SITE, VISIT, DATE, STAMP, CONTENT, MEDIUM, NAME, SOURCE] = [0, 1, 2, 3, 4, 5, 6, 7];
const MEDIUM_BYTES = Buffer.from(AMBASSADOR_MEDIUM);

const NL = 10;
const QUOTE = 34;
const BACKSLASH = 92;

/** Value ranges per key: [start, end) of a string's content or a number's text; -1 = absent/null. */
const starts = new Int32Array(KEYS.length);
const ends = new Int32Array(KEYS.length);
const isNumber = new Uint8Array(KEYS.length);

const space = (b: number) => b === 32 || b === 9 || b === 13;

/**
 * Reads the value after key `k` found at `at` in `line`; false = take the general path.
 * Absent (`at` < 0) and `null` leave the range at -1.
 */
function value(line: Buffer, k: number, at: number): boolean {
  starts[k] = -1;
  ends[k] = -1;
  if (at < 0) return true;
  let p = at + (KEYS[k] as Buffer).length;
  while (p < line.length && space(line[p] as number)) p++;
  if (line[p] !== 58) return false; // a ':' after the key, else the name was a value
  p++;
  while (p < line.length && space(line[p] as number)) p++;
  const c = line[p] as number;
  if (c === QUOTE) {
    const close = line.indexOf(QUOTE, p + 1);
    if (close < 0) return false;
    for (let i = p + 1; i < close; i++) if (line[i] === BACKSLASH) return false;
    starts[k] = p + 1;
    ends[k] = close;
    isNumber[k] = 0;
  } else if (c === 110 /* n */) {
    if (line[p + 1] !== 117 || line[p + 2] !== 108 || line[p + 3] !== 108) return false;
  } else if ((c >= 48 && c <= 57) || c === 45) {
    let q = p + 1;
    while (q < line.length) {
      const d = line[q] as number;
      if (!((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45)) break;
      q++;
    }
    starts[k] = p;
    ends[k] = q;
    isNumber[k] = 1;
  } else return false;
  return true;
}

/** The first `"<key k>"` starting at or after `from`, or -1. */
function find(line: Buffer, k: number, from: number): number {
  const needle = NEEDLES[k] as Buffer;
  for (let p = from + 1; ; ) {
    const at = line.indexOf(needle, p);
    if (at < 0) return -1;
    if (line[at - 1] === QUOTE) return at - 1;
    p = at + 1;
  }
}

/**
 * Finds every key in Matomo's order, each search starting where the previous value ended (so a
 * line is searched about once, natively), falling back to the whole line for a key out of order.
 */
function locate(line: Buffer): boolean {
  let from = 0;
  for (let k = 0; k < KEYS.length; k++) {
    const key = KEYS[k] as Buffer;
    let at = find(line, k, from);
    if (at < 0 && from > 0) at = find(line, k, 0);
    if (!value(line, k, at)) return false;
    if (at >= 0) from = Math.max(from, ends[k] as number, at + key.length);
  }
  return true;
}

/** Is the medium, trimmed, `ambassador` in any case? */
function ambassadorMedium(line: Buffer): boolean {
  let s = starts[MEDIUM] as number;
  let e = ends[MEDIUM] as number;
  if (s < 0) return false;
  while (s < e && space(line[s] as number)) s++;
  while (e > s && (space(line[e - 1] as number) || line[e - 1] === 10)) e--;
  if (e - s !== MEDIUM_BYTES.length) return false;
  for (let i = 0; i < MEDIUM_BYTES.length; i++) if (((line[s + i] as number) | 32) !== MEDIUM_BYTES[i]) return false;
  return true;
}

/** JavaScript's `trim` on ASCII: space, tab, line feed, vertical tab, form feed, carriage return. */
const blank = (b: number) => b === 32 || (b >= 9 && b <= 13);

/**
 * Writes `<idSite>:<idVisit>` (each trimmed) into `out` at `at` straight from the line's bytes and
 * returns the end; 0 for an empty visit id; -1 when a value holds a non-ASCII byte (JavaScript's
 * `trim` knows more spaces than ASCII's) or does not fit: the caller then builds it from strings.
 */
function asciiId(line: Buffer, out: Buffer, at: number): number {
  let p = at;
  for (const k of [SITE, VISIT]) {
    let s = starts[k] as number;
    let e = ends[k] as number;
    if (s < 0) s = e = 0;
    for (let i = s; i < e; i++) if ((line[i] as number) >= 0x80) return -1;
    while (s < e && blank(line[s] as number)) s++;
    while (e > s && blank(line[e - 1] as number)) e--;
    if (k === VISIT && e === s) return 0;
    if (p + (e - s) + 1 > out.length) return -1;
    line.copy(out, p, s, e);
    p += e - s;
    if (k === SITE) out[p++] = 58;
  }
  return p;
}

/** Key k's value through a cache; an absent or null value is the empty one. */
const cached = (cache: FieldCache, line: Buffer, k: number) =>
  (starts[k] as number) < 0 ? cache.empty : cache.get(line, starts[k] as number, ends[k] as number);

const text = (line: Buffer, k: number) => ((starts[k] as number) < 0 ? '' : line.toString('utf8', starts[k], ends[k]));

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
    const line = buf.subarray(b, e);
    if (line[0] !== 123 || line[line.length - 1] !== 125) return slow(line.toString('utf8'));
    if (!locate(line)) return slow(line.toString('utf8'));
    if (!ambassadorMedium(line)) return;
    // A campaign that is no known card is not ours: reported once per name, whatever else it holds.
    const contentId = cached(contents, line, NAME);
    if (contentId === -2) return sink.unknownCampaign(text(line, NAME));
    // Timestamp: serverTimestamp (whole Unix seconds), else serverDate (a local day).
    let ms = Number.NaN;
    if ((starts[STAMP] as number) >= 0) {
      if (isNumber[STAMP] === 0 && ends[STAMP] === starts[STAMP]) {
        ms = parseTimestamp(text(line, DATE).trim(), sink.zone);
      } else {
        let n = 0;
        let ok = true;
        const from = starts[STAMP] as number;
        const to = ends[STAMP] as number;
        if (to - from > 12) ok = false;
        for (let i = from; i < to && ok; i++) {
          const d = (line[i] as number) - 48;
          if (d < 0 || d > 9) ok = false;
          else n = n * 10 + d;
        }
        if (!ok || to === from) return slow(line.toString('utf8'));
        ms = n * 1000;
      }
    } else ms = parseTimestamp(text(line, DATE).trim(), sink.zone);
    if (Number.isNaN(ms)) return sink.reject(file, lineNo, 'bad timestamp', line.toString('utf8'));
    const network = cached(networks, line, SOURCE);
    if (network < 0) return sink.reject(file, lineNo, 'missing network', line.toString('utf8'));
    if (contentId < 0) return sink.reject(file, lineNo, 'missing content', line.toString('utf8'));
    ev.ms = ms;
    ev.day = sink.zone.dayOf(ms);
    ev.event = CLICK;
    ev.network = network;
    ev.contentId = contentId;
    ev.content = sink.dicts.contents.names[contentId] as string;
    ev.ambId = -1;
    ev.ambassador = '';
    ev.teamId = -1;
    ev.variantId = cached(variants, line, CONTENT);
    // Event id `matomo:<idSite>:<idVisit>` (values trimmed), as importers/matomo.ts builds it:
    // ASCII values (ids are numbers) are copied as bytes, others go through strings.
    const vs = starts[VISIT] as number;
    const ve = ends[VISIT] as number;
    let len = 0;
    if (vs >= 0 && ve > vs) {
      len = asciiId(line, idScratch, PREFIX.length);
      if (len < 0) {
        len = 0;
        const site = text(line, SITE).trim();
        const visit = text(line, VISIT).trim();
        if (visit !== '') {
          const need = PREFIX.length + Buffer.byteLength(site) + 1 + Buffer.byteLength(visit);
          if (need > idScratch.length) return slow(line.toString('utf8'));
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
