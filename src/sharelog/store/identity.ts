/**
 * Which files a build must read. A file is known when its identity (device, inode, size,
 * modification time to the nanosecond) was seen before; otherwise its content decides: the same
 * bytes as a known file (a rotated or compressed copy) reuse that file's parts, and a file that
 * starts with a known file's bytes (an appended access.log) only has its tail read.
 *
 * Like git's index, a file modified within a few seconds of being recorded is "racy": its stat
 * could stay the same through a second edit in the same clock tick, so next time its content is
 * checked instead. A file rewritten in place long after, to the same size and the same mtime to
 * the nanosecond (`touch -r`), is not noticed: `--full` is there for that.
 */
import { createHash, type Hash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { ArchiveError, type InputFile, readInput } from '../read.ts';
import type { FileEntry } from './manifest.ts';

export const RACY_MS = 3000;

export const statKey = (st: BigIntStats) => `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`;
export const entryKey = (e: FileEntry) => `${e.dev}:${e.ino}:${e.size}:${e.mtimeNs}`;

/**
 * SHA-1 and length of a file's whole (uncompressed) content; null for a broken archive (it is
 * then read as a new file, which reports the break).
 */
export async function hashContent(file: InputFile): Promise<{ hash: string; length: number } | null> {
  const h = createHash('sha1');
  let length = 0;
  try {
    for await (const chunk of readInput(file)) {
      h.update(chunk);
      length += chunk.length;
    }
  } catch (error) {
    if (error instanceof ArchiveError) return null;
    throw error;
  }
  return { hash: h.digest('hex'), length };
}

/** A hash fed with the first `length` bytes of the file, or null when the file is shorter. */
export async function hashPrefix(file: InputFile, length: number): Promise<Hash | null> {
  const h = createHash('sha1');
  let left = length;
  for await (const chunk of readInput(file)) {
    if (chunk.length >= left) {
      h.update(chunk.subarray(0, left));
      return h;
    }
    h.update(chunk);
    left -= chunk.length;
  }
  return left === 0 ? h : null;
}

/** Whether `prev` can be continued by reading only what follows its `length` bytes. */
export function canContinue(prev: FileEntry, kind: string): boolean {
  if (prev.compressed || prev.broken !== null || !prev.endsWithNewline || prev.length === 0) return false;
  return kind !== 'csv' || (prev.header !== null && prev.quotesEven);
}
