/**
 * JSON Lines → rows. Each non-blank line must be a JSON object (else `bad JSON`); keys are
 * matched like CSV headers (aliases, case, accents); `null` means absent. Non-string values are
 * kept as text (an `event_id` may be a number).
 *
 * Which reader a file gets is decided by its first non-blank line: a Matomo visit
 * (importers/matomo.ts) → the Matomo reader, a GA4 BigQuery event (importers/ga4events.ts) → the
 * GA4 reader, anything else → the hub's own rows.
 */
import { fieldOf } from './columns.ts';
import { isBlank } from './csv.ts';
import { ga4EventRow, isGa4Event } from './importers/ga4events.ts';
import { isMatomoVisit } from './importers/matomo.ts';
import { matomoSource } from './importers/matomosource.ts';
import { lineSplitter } from './read.ts';
import { emptyRow, type Field, GA4_EVENTS, type RowSink, type RowWeight } from './types.ts';

const FIELDS = Object.keys(emptyRow()) as Field[];

function hubJsonlSource(file: string, sink: RowSink) {
  const row = emptyRow();
  const keys = new Map<string, Field | null>();
  return lineSplitter((text, line) => {
    if (isBlank(text)) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return sink.reject(file, line, 'bad JSON', text);
    }
    for (const f of FIELDS) row[f] = '';
    const seen = new Set<Field>();
    for (const [key, v] of Object.entries(value)) {
      let field = keys.get(key);
      if (field === undefined) {
        field = fieldOf(key) ?? null;
        keys.set(key, field);
      }
      if (field === null || v === null || v === undefined || seen.has(field)) continue;
      seen.add(field);
      row[field] = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    sink.row(row, file, line, text);
  });
}

/** GA4's BigQuery rows: each `session_start` with an ambassador campaign is one click. */
function ga4Source(file: string, sink: RowSink) {
  const row = emptyRow();
  const one: RowWeight = { count: 1, source: GA4_EVENTS };
  return lineSplitter((text, line) => {
    if (isBlank(text)) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return sink.reject(file, line, 'bad JSON', text);
    }
    if (!ga4EventRow(value as Record<string, unknown>, row)) return;
    if (row.content.trim() !== '') {
      const card = sink.campaign(row.content);
      if (card === null) return sink.unknownCampaign(row.content);
      row.content = card;
    }
    sink.row(row, file, line, text, one);
  });
}

type Source = { push(chunk: Uint8Array): void; end(): void };

/** Past this many bytes without a complete non-blank line, the hub's reader is chosen. */
const SNIFF_LIMIT = 1 << 22;

/** Is the first non-blank line of `head` complete? Returns it (or null when not yet known). */
function firstLine(head: Buffer, final: boolean): string | null {
  let pos = 0;
  for (;;) {
    const nl = head.indexOf(10, pos);
    const end = nl < 0 ? head.length : nl;
    if (nl < 0 && !final) return null;
    const text = head.toString('utf8', pos, end).replace(/^\uFEFF/, '');
    if (!isBlank(text)) return text;
    if (nl < 0) return '';
    pos = nl + 1;
  }
}

/**
 * A Matomo visit when the line names Matomo's visit keys, even if it does not parse (a cut or
 * damaged first line is then that reader's `bad JSON`, not a reason to read the file as ours).
 */
function detect(text: string): 'matomo' | 'ga4' | 'hub' {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      return isMatomoVisit(record) ? 'matomo' : isGa4Event(record) ? 'ga4' : 'hub';
    }
  } catch {
    // not JSON: decided on the key names below
  }
  if (/^\s*\{.*"idVisit"\s*:/.test(text) && /"server(Timestamp|Date)"\s*:/.test(text)) return 'matomo';
  return /^\s*\{.*"event_date"\s*:/.test(text) && /"event_name"\s*:/.test(text) ? 'ga4' : 'hub';
}

/** JSON Lines: the reader is chosen from the first non-blank line (the header, in effect). */
export function jsonlSource(file: string, sink: RowSink): Source {
  let chosen: Source | null = null;
  const held: Buffer[] = [];
  let size = 0;
  const choose = (final: boolean): void => {
    const head = Buffer.concat(held);
    const text = firstLine(head, final);
    if (text === null && !final && size < SNIFF_LIMIT) return;
    const kind = text === null ? 'hub' : detect(text);
    chosen =
      kind === 'matomo'
        ? matomoSource(file, sink)
        : kind === 'ga4'
          ? ga4Source(file, sink)
          : hubJsonlSource(file, sink);
    held.length = 0;
    chosen.push(head);
  };
  return {
    push(chunk) {
      if (chosen) return chosen.push(chunk);
      held.push(Buffer.from(chunk)); // a copy: readers reuse their chunk buffers
      size += chunk.length;
      choose(false);
    },
    end() {
      if (!chosen) choose(true);
      (chosen as Source | null)?.end();
    },
  };
}
