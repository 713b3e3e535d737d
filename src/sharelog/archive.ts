/**
 * Gzip inputs (logrotate's `access.log.2.gz`, `*.csv.gz`, …) decompressed as a stream, with no
 * temporary file. zlib runs on libuv's thread pool, so the next slice is inflated while the
 * caller parses the previous chunk. Concatenated members are all read (zlib.Gunzip goes on to the
 * next member). zlib stops at zero padding after a member, as gzip(1) does; anything but zeros
 * after it is reported as a break rather than silently left unread.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

/** Compressed bytes per write: large, so that thread-pool round trips stay rare. */
export const STEP = 1 << 18;
/** Output chunk size: 1 MB, as large as the plain reader's chunks are useful. */
const CHUNK = 1 << 20;

/**
 * How many bytes a gzip file holds uncompressed, from its trailer (ISIZE, the last member's size
 * mod 2^32: exact for logrotate's single-member files under 4 GiB), kept within 1 to 16 times
 * the compressed size so that a multi-member or truncated file cannot make the ingest size its
 * tables from garbage. It is only a sizing hint: the read never trusts it.
 */
export async function gzipSizeHint(path: string, size: number): Promise<number> {
  if (size < 18) return size;
  const handle = await open(path, 'r');
  try {
    const tail = Buffer.alloc(4);
    await handle.read(tail, 0, 4, size - 4);
    return Math.min(Math.max(tail.readUInt32LE(0), size), size * 16);
  } finally {
    await handle.close();
  }
}

/** Where a gzip stream broke: compressed bytes decoded before the break, and zlib's reason. */
export interface Break {
  offset: number;
  message: string;
}

/** How one decompression ended: bytes decoded, the break, and whether a replay could add any. */
interface Pass {
  total: number;
  broke: Break | null;
  replay: boolean;
}

/**
 * One decompression of the file: compressed bytes are written in `step`-byte slices up to
 * `fineFrom`, then in `fine`-byte ones. Yields the output past its first `skip` bytes (fresh
 * buffers, never reused); returns how many bytes it decoded and the break, if any, with how many
 * input bytes zlib had consumed before the write that failed.
 */
async function* inflate(
  handle: FileHandle,
  step: number,
  fineFrom: number,
  fine: number,
  skip: number,
): AsyncGenerator<Buffer, Pass> {
  const z = createGunzip({ chunkSize: CHUNK });
  const out: Buffer[] = [];
  let failure: Error | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const ping = () => {
    wake?.();
    wake = null;
  };
  // Output is queued here as soon as zlib emits it: a stream's own buffer is dropped on error,
  // and with it the rows decoded just before the break.
  z.on('data', (chunk: Buffer) => {
    out.push(chunk);
    ping();
  });
  z.on('error', (error) => {
    failure = error;
    ping();
  });
  z.on('end', () => {
    ended = true;
    ping();
  });
  let pos = 0;
  let eof = false;
  let total = 0;
  try {
    for (;;) {
      // One slice in flight, at most two chunks waiting: zlib stays ahead, memory a few MB.
      if (!eof && failure === null && z.writableLength === 0 && out.length < 2) {
        const size = pos < fineFrom ? Math.min(step, fineFrom - pos) : fine;
        const slice = Buffer.allocUnsafe(size);
        const { bytesRead } = await handle.read(slice, 0, size, pos);
        pos += bytesRead;
        if (bytesRead === 0) {
          eof = true;
          z.end();
        } else z.write(slice.subarray(0, bytesRead), ping);
        continue;
      }
      const chunk = out.shift();
      if (chunk) {
        total += chunk.length;
        if (total > skip) yield total - chunk.length >= skip ? chunk : chunk.subarray(chunk.length - (total - skip));
      } else if (failure !== null) {
        return { total, broke: { offset: z.bytesWritten, message: (failure as Error).message }, replay: true };
      } else if (ended) return { total, broke: await afterPadding(handle, z.bytesWritten), replay: false };
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    z.destroy();
  }
}

/** After a clean end at `from`: the first non-zero byte left unread, as a break, or null. */
async function afterPadding(handle: FileHandle, from: number): Promise<Break | null> {
  const block = Buffer.allocUnsafe(1 << 16);
  for (let pos = from; ; ) {
    const { bytesRead } = await handle.read(block, 0, block.length, pos);
    if (bytesRead === 0) return null;
    const at = block.subarray(0, bytesRead).findIndex((b) => b !== 0);
    if (at >= 0) return { offset: pos + at, message: `data after the zero padding at byte ${from} not read` };
    pos += bytesRead;
  }
}

/**
 * Decompressed chunks of a gzip file; returns where it broke, or null, after handing out every
 * byte decoded before the break. zlib drops the output of the write that fails (up to 1 MB of
 * rows) and knows the offset only to within that write, so after a break the file is replayed in
 * 512-byte, then 1-byte writes past the last good offset, handing out only bytes not handed out
 * yet: two more decompressions, on the error path only. A truncated file (the usual case) breaks
 * at its very end with nothing lost, and is not replayed; nor is data after zero padding.
 * `step`: see STEP (tests vary it).
 */
export async function* gunzipFile(handle: FileHandle, size: number, step = STEP): AsyncGenerator<Buffer, Break | null> {
  let sent = 0;
  let broke: Break | null = null;
  for (const fine of [step, Math.min(512, step), 1]) {
    const pass: Pass = yield* inflate(handle, step, broke?.offset ?? Number.POSITIVE_INFINITY, fine, sent);
    sent = Math.max(sent, pass.total);
    broke = pass.broke;
    if (broke === null || !pass.replay || broke.offset >= size) break;
  }
  return broke;
}
