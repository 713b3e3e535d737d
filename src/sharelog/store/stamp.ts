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

/**
 * The known campaigns (cards and their old slugs) decide which analytics rows are events, so a
 * new card or a rename rebuilds the store too; without a list the stamp is what it was.
 */
function campaignsHash(campaigns: ReadonlyMap<string, string> | undefined): string {
  if (!campaigns) return '';
  const h = createHash('sha1');
  for (const [k, v] of [...campaigns].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) h.update(`${k}\0${v}\0`);
  return ` campaigns=${h.digest('hex').slice(0, 16)}`;
}

export function storeStamp(params: {
  tz: string;
  from: number;
  to: number;
  campaigns?: ReadonlyMap<string, string> | undefined;
}): string {
  return `${codeHash()} tz=${params.tz} from=${params.from} to=${params.to}${campaignsHash(params.campaigns)}`;
}
