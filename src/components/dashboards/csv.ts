/**
 * CSV for the dashboard downloads, written for spreadsheets first: RFC 4180 quoting, CRLF line
 * ends, a UTF-8 BOM (without it Excel reads "Équipe" as "Ã‰quipe") and numbers written the same
 * in every locale (`1234.5`, never `1 234,5`), so a French and an English file parse alike.
 */

export type CsvValue = string | number;

/** Excel runs a cell that starts with one of these as a formula: team names come from logs. */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * One field, quoted only when needed; text that would be read as a formula gets a leading `'`.
 * @example csvField('Ventes, Ouest') // "\"Ventes, Ouest\""
 */
export function csvField(value: CsvValue): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`CSV : nombre invalide (${value})`);
    return String(value);
  }
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: BOM, then one CRLF-terminated record per row. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('')}`;
}
