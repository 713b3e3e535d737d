/**
 * JSON Lines → rows. Each non-blank line must be a JSON object (else `bad JSON`); keys are
 * matched like CSV headers (aliases, case, accents); `null` means absent. Non-string values are
 * kept as text (an `event_id` may be a number). A file whose first record is a Matomo visit
 * (importers/matomo.ts) is read as one, with Matomo's keys.
 */
import { fieldOf } from './columns.ts';
import { isBlank } from './csv.ts';
import { isMatomoVisit, matomoVisitRow } from './importers/matomo.ts';
import { lineSplitter } from './read.ts';
import { emptyRow, type Field, type RowSink } from './types.ts';

const FIELDS = Object.keys(emptyRow()) as Field[];

export function jsonlSource(file: string, sink: RowSink) {
  const row = emptyRow();
  const keys = new Map<string, Field | null>();
  /** Decided by the first record: the hub's own rows, or a Matomo visit export. */
  let matomo: boolean | undefined;
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
    matomo ??= isMatomoVisit(value as Record<string, unknown>);
    if (matomo) {
      if (matomoVisitRow(value as Record<string, unknown>, row)) sink.row(row, file, line, text);
      return;
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
