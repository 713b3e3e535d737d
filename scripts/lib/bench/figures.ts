/**
 * A benchmark figure, as every bench reports it to `scripts/bench/index.ts` (through
 * `--json FILE`) so that the final summary can list them all with their targets.
 */
export interface Figure {
  /** Which bench measured it (`site`, `lighthouse`, …). */
  bench: string;
  name: string;
  /** `null` when it could not be measured (the note says why). */
  value: number | null;
  unit: string;
  /** Budget from the issue, when there is one. */
  target?: { op: '<=' | '>='; value: number } | undefined;
  note?: string | undefined;
}

/** `met`, `MISSED`, or blank when the figure has no target. */
export function verdict(f: Figure): string {
  if (!f.target) return '';
  if (f.value === null) return 'n/a';
  const ok = f.target.op === '<=' ? f.value <= f.target.value : f.value >= f.target.value;
  return ok ? 'met' : 'MISSED';
}

const number = (n: number) =>
  n.toLocaleString('en-US', { maximumFractionDigits: Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2 });

/** The figures as an aligned text table: bench, figure, value, target, verdict, note. */
export function table(figures: readonly Figure[]): string {
  const rows = [
    ['bench', 'figure', 'value', 'target', '', 'note'],
    ...figures.map((f) => [
      f.bench,
      f.name,
      f.value === null ? 'n/a' : `${number(f.value)} ${f.unit}`.trim(),
      f.target ? `${f.target.op} ${number(f.target.value)} ${f.unit}`.trim() : '',
      verdict(f),
      f.note ?? '',
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
