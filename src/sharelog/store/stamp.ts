/**
 * What the cached figures depend on besides the logs: the pipeline's code (every file under
 * src/sharelog/, so any change to parsing, validation or aggregation rebuilds), the time zone
 * and the date range (they decide which rows are valid and in which week). `--k`, challenges and
 * the opt-in list are applied to cached aggregates and need no rebuild.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
let code: string | undefined;

function codeHash(): string {
  if (code !== undefined) return code;
  const h = createHash('sha1');
  const files = readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') || f.endsWith('.sql'))
    .sort();
  for (const f of files)
    h.update(f)
      .update('\0')
      .update(readFileSync(join(ROOT, f)))
      .update('\0');
  code = h.digest('hex');
  return code;
}

export function storeStamp(params: { tz: string; from: number; to: number }): string {
  return `${codeHash()} tz=${params.tz} from=${params.from} to=${params.to}`;
}
