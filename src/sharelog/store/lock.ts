/**
 * One build at a time per cache folder. The lock is a file created exclusively ('wx') holding
 * the owner's pid; a lock whose owner is dead (a build killed mid-run) is taken over. A second
 * build waits for the first rather than failing: CI may start two on the same runner cache.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { alive } from '../../lib/alive.ts';

export class LockTimeout extends Error {}

/** A lock file still without a pid after this long was left by a build killed while creating it. */
const UNWRITTEN_MS = 10_000;

export async function acquireLock(dir: string, timeoutMs = 15 * 60_000): Promise<() => void> {
  const file = join(dir, 'lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner = Number.NaN;
    let age = 0;
    try {
      owner = Number(readFileSync(file, 'utf8'));
      age = Date.now() - statSync(file).mtimeMs;
    } catch {
      continue; // released between our two calls: try again at once
    }
    // An empty or unreadable pid is a lock being written right now: wait for it like a live one,
    // unless it has been so for longer than writing a pid takes (its owner was killed in between).
    const pid = Number.isInteger(owner) && owner > 0;
    if ((pid && !alive(owner)) || (!pid && age > UNWRITTEN_MS)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new LockTimeout(`${file}: held by process ${owner} for too long`);
    await sleep(100);
  }
}
