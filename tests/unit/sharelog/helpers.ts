import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type IngestOptions, ingestFiles } from '../../../src/sharelog/ingest.ts';
import { type InputFile, kindOf } from '../../../src/sharelog/read.ts';
import { createZone } from '../../../src/sharelog/timestamp.ts';
import type { Reason } from '../../../src/sharelog/types.ts';

export const paris = createZone('Europe/Paris');

export interface Reject {
  file: string;
  line: number;
  reason: Reason;
  raw: string;
}

/**
 * Runs the pipeline on files given as [name, text], in that order (written to a temporary
 * folder, read like any log; the readers' chunk boundaries are tested in csv.test.ts).
 */
export async function run(files: Array<[string, string | Buffer]>, opts: Partial<IngestOptions> = {}) {
  const rejects: Reject[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'relais-run-'));
  try {
    const inputs: InputFile[] = files.map(([name, text], i) => {
      const kind = kindOf(name);
      if (!kind) throw new Error(name);
      const path = join(dir, `${i}-${name.replace(/\//g, '_')}`);
      writeFileSync(path, text);
      return { name, path, kind, size: Buffer.byteLength(text), compressed: false };
    });
    const output = await ingestFiles(inputs, {
      zone: paris,
      onReject: (file, line, reason, raw) => rejects.push({ file, line, reason, raw }),
      ...opts,
    });
    return { output, rejects };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const HEADER = 'timestamp,ambassador,team,network,content,event,variant,event_id\n';

/** A CSV file from rows of [timestamp, ambassador, team, network, content, event, variant?, id?]. */
export function csv(rows: string[][]): string {
  return HEADER + rows.map((r) => [...r, '', ''].slice(0, 8).join(',')).join('\n');
}
