/**
 * Brings the rotated share logs into the folder the next build reads (`npm run dashboards --
 * --in <folder>`), which only reads `*.log`: `share-YYYYMMDD.log` files are copied,
 * `share-YYYYMMDD.log.gz` decompressed beside them under the same name without `.gz`.
 *
 * ```
 * node deploy/collect-logs.ts --from <rotated logs> --to <build input> [--live]
 * ```
 * - Idempotent: a file already collected with the same size and date is left alone, so a CI
 *   cache of `--to` only grows by the new days. Nothing is ever deleted from `--to`.
 * - `--live` also takes today's `share.log` (as `share-live.log`, replaced each time). Its
 *   lines come back tomorrow in `share-YYYYMMDD.log`; the dashboards drop them as duplicates
 *   (same second, ambassador, card, network, variant), so the figures stay exact.
 * - Exit 0 with a one-line summary; 2 on bad arguments; 3 when `--from` cannot be read.
 */
import {
  copyFileSync,
  createReadStream,
  createWriteStream,
  mkdirSync,
  readdirSync,
  renameSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';

/** Rotated share logs, plain or gzipped (logrotate's names, see deploy/logrotate/relais). */
const ROTATED = /^share-\d{8}\.log(\.gz)?$/;

export interface Collected {
  copied: string[];
  decompressed: string[];
  unchanged: number;
}

function same(source: string, target: string, size?: number): boolean {
  try {
    const s = statSync(source);
    const t = statSync(target);
    return Math.trunc(s.mtimeMs / 1000) === Math.trunc(t.mtimeMs / 1000) && (size === undefined || size === t.size);
  } catch {
    return false;
  }
}

/**
 * Copies or decompresses every rotated share log of `from` into `to`.
 * @example await collectLogs('/var/log/relais', '.relais/share-logs')
 */
export async function collectLogs(from: string, to: string, { live = false } = {}): Promise<Collected> {
  const result: Collected = { copied: [], decompressed: [], unchanged: 0 };
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).sort()) {
    const source = join(from, name);
    if (ROTATED.test(name)) {
      const gz = name.endsWith('.gz');
      const target = join(to, gz ? name.slice(0, -3) : name);
      if (same(source, target, gz ? undefined : statSync(source).size)) {
        result.unchanged++;
        continue;
      }
      if (gz) {
        // Written aside then renamed: an interrupted run never leaves half a log behind.
        const partial = `${target}.partial`;
        await pipeline(createReadStream(source), createGunzip(), createWriteStream(partial));
        renameSync(partial, target);
        result.decompressed.push(name);
      } else {
        copyFileSync(source, target);
        result.copied.push(name);
      }
      // The target keeps the source's date: that is how the next run knows it is done.
      const { atime, mtime } = statSync(source);
      utimesSync(target, atime, mtime);
    } else if (live && name === 'share.log') {
      copyFileSync(source, join(to, 'share-live.log'));
      result.copied.push(name);
    }
  }
  return result;
}

if (import.meta.main) {
  let values: { from?: string; to?: string; live?: boolean };
  try {
    ({ values } = parseArgs({
      options: { from: { type: 'string' }, to: { type: 'string' }, live: { type: 'boolean', default: false } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: node deploy/collect-logs.ts --from DIR --to DIR [--live]`);
    process.exit(2);
  }
  if (!values.from || !values.to) {
    console.error('usage: node deploy/collect-logs.ts --from DIR --to DIR [--live]');
    process.exit(2);
  }
  try {
    readdirSync(values.from);
  } catch (error) {
    console.error(`--from ${values.from}: ${(error as Error).message}`);
    process.exit(3);
  }
  const done = await collectLogs(values.from, values.to, { live: values.live ?? false });
  console.log(
    `share logs → ${values.to}: ${done.copied.length} copied, ${done.decompressed.length} decompressed, ${done.unchanged} already there`,
  );
}
