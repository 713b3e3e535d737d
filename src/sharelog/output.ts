/**
 * Serialisation. The output object is always built with the same key order and arrays are
 * sorted with total orders, so JSON.stringify gives byte-identical files for the same input.
 * Rejects are CSV (`file,line,reason,raw`, RFC 4180 quoting), written through a small buffer.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { DashboardOutput, RejectWriter } from './types.ts';

export function serialize(output: DashboardOutput): string {
  return `${JSON.stringify(output, null, 2)}\n`;
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const REJECTS_HEADER = 'file,line,reason,raw\n';

export function rejectLine(file: string, line: number, reason: string, raw: string): string {
  return `${csvField(file)},${line},${csvField(reason)},${csvField(raw)}\n`;
}

/** A rejects file: `write` appends one reject, `close` flushes. */
export function openRejectsFile(path: string): { write: RejectWriter; close(): void } {
  const fd = openSync(path, 'w');
  let pending = REJECTS_HEADER;
  const flush = () => {
    writeSync(fd, pending);
    pending = '';
  };
  return {
    write(file, line, reason, raw) {
      pending += rejectLine(file, line, reason, raw);
      if (pending.length > 1 << 16) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}
