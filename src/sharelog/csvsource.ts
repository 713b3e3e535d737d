/**
 * CSV file → events. The header maps columns by name; a record of another width is rejected.
 *
 * Plain records (csv.ts `fields`, nearly all of them) are validated straight from the read
 * buffer: the timestamp is parsed from its bytes, the low-cardinality cells go through per-column
 * FieldCaches (one lookup, no string), and the event id is handed to the deduper as a byte range.
 * No string is built for an accepted row. Records the byte scanner hands over decoded (quotes
 * with escapes or newlines) take the string path (`sink.row`, normalize.ts), which applies the
 * same rules; the FieldCaches are derived from those same functions, so both paths agree.
 */
import { hashBytes, mix } from './bytetable.ts';
import { mapHeader } from './columns.ts';
import { type CsvHandler, createCsvScanner } from './csv.ts';
import { FieldCache } from './fieldcache.ts';
import { isMatomoVisit, matomoVisitRow } from './importers/matomo.ts';
import { detectReport, GA4_EXPECTED, reportRows } from './importers/reports.ts';
import { ambassadorIdOf, contentIdOf, eventIndex, networkIndex, teamIdOf, variantIdOf } from './normalize.ts';
import { UnsupportedInput } from './read.ts';
import { parseTimestamp, parseTimestampBytes } from './timestamp.ts';
import { emptyEvent, emptyRow, type Field, MATOMO_VISITS, type RowSink, type RowWeight } from './types.ts';

/** ASCII whitespace as String.prototype.trim sees it: TAB, LF, VT, FF, CR, space. */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

export function csvSource(file: string, sink: RowSink) {
  const { zone, dicts } = sink;
  const row = emptyRow();
  const ev = emptyEvent();
  let columns: Array<[Field, number]> | null = null;
  let width = 0;
  const col: Record<Field, number> = {
    timestamp: -1,
    ambassador: -1,
    team: -1,
    network: -1,
    content: -1,
    event: -1,
    variant: -1,
    eventId: -1,
  };
  const events = new FieldCache(eventIndex);
  const networks = new FieldCache(networkIndex);
  const contents = new FieldCache((v) => contentIdOf(v, dicts));
  const ambassadors = new FieldCache((v) => ambassadorIdOf(v, dicts));
  const teams = new FieldCache((v) => teamIdOf(v, dicts));
  const variants = new FieldCache((v) => variantIdOf(v, dicts));
  let idScratch = Buffer.allocUnsafe(256);
  /** Set when the header is an analytics report's (importers/reports.ts): every record goes there. */
  let report: ((fields: readonly string[], line: number, raw: string) => void) | null = null;

  /**
   * A Google Analytics 4 file: it opened with a `#` comment block. Its tables are each preceded
   * by such a block; `tables` counts the headers seen. Only GA4 writes that block, so a first
   * table whose columns are not GA4's known ones (another interface language) is refused.
   */
  let commented = false;
  let tables = 0;
  const ignore = () => {};

  /**
   * Matomo's Live visit export as CSV (`Live.getLastVisitsDetails&format=CSV`): one visit per
   * record under Matomo's own column names (nested details flattened into more columns, unread);
   * each record is read as the JSON visit with the same keys (importers/matomo.ts).
   */
  function matomoVisits(names: readonly string[]) {
    const one: RowWeight = { count: 1, source: MATOMO_VISITS };
    const visit: Record<string, unknown> = {};
    const first = [...new Map(names.map((n, i) => [n, i] as const).reverse())]; // a name's first column
    return (cells: readonly string[], line: number, raw: string) => {
      for (const [n, i] of first) visit[n] = cells[i] ?? '';
      if (!matomoVisitRow(visit, row)) return;
      if (row.content.trim() !== '') {
        const card = sink.campaign(row.content);
        if (card === null) return sink.unknownCampaign(row.content);
        row.content = card;
      }
      sink.row(row, file, line, raw, one);
    };
  }

  function record(fields: string[], line: number, raw: string) {
    if ((columns === null || commented) && (fields[0] ?? '').startsWith('#')) {
      if (columns === null) commented = true;
      else columns = null; // a comment after a table: the next record is another table's header
      return;
    }
    if (columns === null) {
      const names = fields.map((f) => f.replace(/^\uFEFF/, '').trim());
      if (isMatomoVisit(Object.fromEntries(names.map((n) => [n, ''])))) {
        report = matomoVisits(names);
        width = fields.length;
        columns = [];
        return;
      }
      const reader = detectReport(fields, file);
      if (commented && tables++ > 0) {
        // A later table of a GA4 download (a chart's series, another breakdown): read only if it
        // is a known one, else skipped.
        report = reader ? reportRows(reader, file, sink) : ignore;
        width = fields.length;
        columns = [];
        return;
      }
      if (commented && !reader) {
        throw new UnsupportedInput(
          `${file}: line ${line}: a Google Analytics 4 export whose columns are not known ` +
            `(${fields.map((f) => JSON.stringify(f.trim())).join(', ')}); expected ${GA4_EXPECTED}`,
        );
      }
      if (reader) {
        report = reportRows(reader, file, sink);
        width = fields.length;
        columns = [];
        return;
      }
      columns = mapHeader(fields);
      width = fields.length;
      for (const [field, index] of columns) col[field] = index;
      handler.unhashed = col.timestamp; // parsed, never looked up
      return;
    }
    if (fields.length !== width) return sink.reject(file, line, 'wrong field count', raw);
    if (report) return report(fields, line, raw);
    for (const [field, index] of columns) row[field] = fields[index] as string;
    sink.row(row, file, line, raw);
  }

  /** Timestamp cell → ms (NaN when invalid). ASCII-trimmed in place; odd edges take the string path. */
  function timestamp(buf: Buffer, bounds: Int32Array): number {
    const c = col.timestamp;
    if (c < 0) return Number.NaN;
    let s = bounds[2 * c] as number;
    let e = bounds[2 * c + 1] as number;
    while (s < e && isSpace(buf[s] as number)) s++;
    while (e > s && isSpace(buf[e - 1] as number)) e--;
    if (s < e && ((buf[s] as number) >= 0x80 || (buf[e - 1] as number) >= 0x80)) {
      return parseTimestamp(buf.toString('utf8', s, e).trim(), zone); // maybe Unicode spaces
    }
    return parseTimestampBytes(buf, s, e, zone);
  }

  /**
   * Hands the event to the sink with its trimmed event id as UTF-8 bytes: in place when ASCII,
   * else decoded, trimmed and re-encoded (the canonical bytes the string path produces too).
   */
  function emit(buf: Buffer, bounds: Int32Array, hashes: Int32Array) {
    const c = col.eventId;
    if (c < 0) return sink.event(ev, buf, 0, 0, 0);
    const start = bounds[2 * c] as number;
    const end = bounds[2 * c + 1] as number;
    let s = start;
    let e = end;
    while (s < e && isSpace(buf[s] as number)) s++;
    while (e > s && isSpace(buf[e - 1] as number)) e--;
    let ascii = 0;
    for (let i = s; i < e; i++) ascii |= buf[i] as number;
    if (ascii < 0x80) {
      const hash = s === start && e === end ? mix(hashes[c] as number) : hashBytes(buf, s, e);
      return sink.event(ev, buf, s, e, hash);
    }
    const id = buf.toString('utf8', s, e).trim();
    const len = Buffer.byteLength(id);
    if (len > idScratch.length) idScratch = Buffer.allocUnsafe(len * 2);
    idScratch.write(id, 0);
    sink.event(ev, idScratch, 0, len, hashBytes(idScratch, 0, len));
  }

  const handler: CsvHandler = {
    record,
    fields(buf, bounds, hashes, count, line, start, end) {
      if (commented && (columns === null || buf[bounds[0] as number] === 0x23)) {
        // GA4: a comment line, or the header after one (the byte path sees them once the first
        // header set the separator).
        const cells: string[] = [];
        for (let i = 0; i < count; i++) cells.push(buf.toString('utf8', bounds[2 * i], bounds[2 * i + 1]));
        return record(cells, line, buf.toString('utf8', start, end));
      }
      if (count !== width) return sink.reject(file, line, 'wrong field count', buf.toString('utf8', start, end));
      if (report) {
        const cells: string[] = [];
        for (let i = 0; i < count; i++) cells.push(buf.toString('utf8', bounds[2 * i], bounds[2 * i + 1]));
        return report(cells, line, buf.toString('utf8', start, end));
      }
      const ms = timestamp(buf, bounds);
      if (Number.isNaN(ms)) return sink.reject(file, line, 'bad timestamp', buf.toString('utf8', start, end));
      const event = events.cell(col.event, buf, bounds, hashes);
      if (event < 0) return sink.reject(file, line, 'unknown event', buf.toString('utf8', start, end));
      const network = networks.cell(col.network, buf, bounds, hashes);
      if (network < 0) return sink.reject(file, line, 'missing network', buf.toString('utf8', start, end));
      const contentId = contents.cell(col.content, buf, bounds, hashes);
      if (contentId < 0) return sink.reject(file, line, 'missing content', buf.toString('utf8', start, end));
      ev.ms = ms;
      ev.day = zone.dayOf(ms);
      ev.event = event;
      ev.network = network;
      ev.contentId = contentId;
      ev.content = dicts.contents.names[contentId] as string;
      ev.ambId = ambassadors.cell(col.ambassador, buf, bounds, hashes);
      ev.ambassador = ev.ambId < 0 ? '' : (dicts.ambassadors.names[ev.ambId] as string);
      ev.teamId = teams.cell(col.team, buf, bounds, hashes);
      ev.variantId = variants.cell(col.variant, buf, bounds, hashes);
      emit(buf, bounds, hashes);
    },
  };
  return createCsvScanner(handler);
}
