/**
 * Reads blocks back from part files: one descriptor per part, opened on first use. A missing
 * file or a block that fails its checks is a CacheDamage: the run starts again from the logs.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { blockBytes, type Columns, CorruptBlock, decodeBlock } from './blocks.ts';

export class CacheDamage extends Error {}

export function blockReader(partsDir: string) {
  const fds = new Map<string, number>();
  let scratch = Buffer.allocUnsafe(1 << 20);
  return {
    read(part: string, monday: number, offset: number, count: number): Columns {
      let fd = fds.get(part);
      try {
        if (fd === undefined) {
          fd = openSync(join(partsDir, part), 'r');
          fds.set(part, fd);
        }
        const size = blockBytes(count);
        if (size > scratch.length) scratch = Buffer.allocUnsafe(size * 2);
        const got = readSync(fd, scratch, 0, size, offset);
        return decodeBlock(scratch.subarray(0, got), monday, count, `part ${part} at byte ${offset}`);
      } catch (error) {
        if (error instanceof CorruptBlock) throw new CacheDamage(error.message);
        throw new CacheDamage(`part ${part}: ${(error as Error).message}`);
      }
    },
    close(): void {
      for (const fd of fds.values()) closeSync(fd);
      fds.clear();
    },
  };
}
