import { createIngest, type IngestOptions } from '../../../src/sharelog/ingest.ts';
import { kindOf } from '../../../src/sharelog/read.ts';
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
 * Runs the pipeline on in-memory files ([name, text]); the UTF-8 bytes are pushed in
 * `chunk`-byte pieces (so small chunks also split multi-byte characters).
 */
export function run(files: Array<[string, string]>, opts: Partial<IngestOptions> = {}, chunk = 1 << 20) {
  const rejects: Reject[] = [];
  const ingest = createIngest({
    zone: paris,
    onReject: (file, line, reason, raw) => rejects.push({ file, line, reason, raw }),
    ...opts,
  });
  for (const [name, text] of files) {
    const kind = kindOf(name);
    if (!kind) throw new Error(name);
    const source = ingest.source(kind, name);
    const bytes = Buffer.from(text);
    for (let i = 0; i < bytes.length; i += chunk) source.push(bytes.subarray(i, i + chunk));
    source.end();
  }
  return { output: ingest.finish(files.length), rejects };
}

export const HEADER = 'timestamp,ambassador,team,network,content,event,variant,event_id\n';

/** A CSV file from rows of [timestamp, ambassador, team, network, content, event, variant?, id?]. */
export function csv(rows: string[][]): string {
  return HEADER + rows.map((r) => [...r, '', ''].slice(0, 8).join(',')).join('\n');
}
