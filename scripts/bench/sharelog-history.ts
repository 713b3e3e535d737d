/**
 * The share-log bench's history: three years of a programme behind two web servers. CSV
 * exports from the tool used before the hub (the first half), then nginx access logs rotated
 * by logrotate (one folder per server, weekly files, the live `access.log` last). Each entry is
 * a generate-logs.ts command line; 1% malformed rows, 1% exact duplicates.
 */
import { join } from 'node:path';
import { formatDay, parseDay } from '../../src/sharelog/timestamp.ts';

export function historyLayout(dir: string, rows: number): Array<{ out: string; args: string[] }> {
  const first = parseDay('2024-01-01');
  const last = parseDay('2026-11-30');
  const files = 10;
  const span = Math.floor((last - first + 1) / files);
  return Array.from({ length: files }, (_, i) => {
    const start = first + i * span;
    const end = i === files - 1 ? last : start + span - 1;
    const csv = i < files / 2;
    const server = `web${(i % 2) + 1}`;
    const out = csv
      ? join(dir, 'exports', `shares-${formatDay(start)}.csv`)
      : join(dir, server, i >= files - 2 ? 'access.log' : `access.log.${files - 2 - i}`);
    const args = [
      '--seed',
      String(100 + i),
      '--rows',
      String(Math.round(rows / files)),
      '--out',
      out,
      '--format',
      csv ? 'csv' : 'log',
    ];
    args.push(
      '--start',
      formatDay(start),
      '--end',
      formatDay(end),
      '--malformed-rate',
      '0.01',
      '--duplicate-rate',
      '0.01',
    );
    return { out, args };
  });
}
