import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../src/components/dashboards/csv.ts';
import { parseCsv } from './parse-csv.ts';

describe('CSV writer', () => {
  it('quotes only what needs quoting (RFC 4180)', () => {
    expect(csvField('Ventes')).toBe('Ventes');
    expect(csvField('Ventes, export')).toBe('"Ventes, export"');
    expect(csvField('dit "bonjour"')).toBe('"dit ""bonjour"""');
    expect(csvField('deux\nlignes')).toBe('"deux\nlignes"');
    expect(csvField('retour\r')).toBe('"retour\r"');
    expect(csvField('')).toBe('');
  });

  it('writes numbers the same in every locale', () => {
    expect(csvField(1234)).toBe('1234');
    expect(csvField(0.175)).toBe('0.175');
    expect(() => csvField(Number.NaN)).toThrow(/nombre invalide/);
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+33 1')).toBe("'+33 1");
    expect(csvField('@équipe')).toBe("'@équipe");
    expect(csvField(-3)).toBe('-3');
  });

  it('starts with a BOM, ends records with CRLF, and reads back as written', () => {
    const rows = [
      ['Équipe', 'Partages'],
      ['Ventes, "Ouest"', 12],
      ['R&D\nNantes', 0],
    ];
    const text = toCsv(rows);
    expect(text.startsWith('\uFEFFÉquipe,Partages\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual(rows.map((r) => r.map(String)));
  });

  it('writes an empty file as just the BOM', () => {
    expect(toCsv([])).toBe('\uFEFF');
  });
});
