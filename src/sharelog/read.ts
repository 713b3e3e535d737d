/**
 * Input discovery and streaming. `--in` paths (files or folders, searched recursively) become a
 * sorted, de-duplicated list, so the order of `--in` arguments never changes the result.
 * Files are read as raw bytes in large chunks (readers decode what they need); gzip files are
 * decompressed on the way (archive.ts), so every reader sees plain bytes.
 */
import { type FileHandle, open, readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { gunzipFile, gzipSizeHint } from './archive.ts';
import type { BrokenArchive } from './types.ts';

export type InputKind = 'csv' | 'jsonl' | 'log';
export interface InputFile {
  /** Path shown in rejects and messages: relative to the working directory when inside it. */
  name: string;
  path: string;
  kind: InputKind;
  /**
   * Bytes of content: the file's size, or for a `.gz` the uncompressed size its trailer records
   * (archive.ts gzipSizeHint). Sizes tables and decides on progress output; never trusted.
   */
  size: number;
  /** Named `*.gz`: must hold gzip data. (Content is gunzipped by its magic bytes, whatever the name.) */
  compressed: boolean;
}

const KINDS: Record<string, InputKind> = {
  '.csv': 'csv',
  '.tsv': 'csv', // tab-separated (Matomo's format=tsv): the CSV reader detects the separator
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.log': 'log',
};

export class InputError extends Error {}
/** A path that exists but is not a log file: an unusable argument rather than an I/O problem. */
export class UnsupportedInput extends InputError {}

/** logrotate's suffixes: `.gz` (compress) after `.N` (rotation number), e.g. `access.log.2.gz`. */
const GZ = /\.gz$/i;
const ROTATED = /\.\d+$/;

/** The kind from the extension before any rotation number and `.gz`: `x.csv.1`, `x.log.10.gz`. */
export function kindOf(path: string): InputKind | undefined {
  return KINDS[extname(path.replace(GZ, '').replace(ROTATED, '')).toLowerCase()];
}

function displayName(path: string): string {
  const rel = relative(process.cwd(), path);
  const shown = rel === '' || rel.startsWith('..') ? path : rel;
  return shown.split(sep).join('/');
}

async function walk(dir: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (kindOf(entry.name) && (entry.isFile() || (await stat(full)).isFile())) out.push(full);
  }
}

/** Resolves `--in` paths; throws InputError naming the path that cannot be used. */
export async function listInputs(paths: readonly string[]): Promise<InputFile[]> {
  const found = new Set<string>();
  for (const p of paths) {
    const full = resolve(p);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(`--in ${p}: ${code === 'ENOENT' ? 'no such file or directory' : code}`);
    }
    if (info.isDirectory()) {
      const files: string[] = [];
      try {
        await walk(full, files);
      } catch (error) {
        throw new InputError(`--in ${p}: cannot read folder (${(error as Error).message})`);
      }
      for (const f of files) found.add(f);
    } else if (kindOf(full)) found.add(full);
    else
      throw new UnsupportedInput(
        `--in ${p}: not a .csv, .tsv, .jsonl, .ndjson or .log file (or .1, .2.gz, .gz of one)`,
      );
  }
  const files: InputFile[] = [];
  for (const path of [...found].sort()) {
    const kind = kindOf(path) as InputKind;
    const compressed = GZ.test(path);
    const onDisk = (await stat(path)).size;
    const size = compressed ? await gzipSizeHint(path, onDisk).catch(() => onDisk) : onDisk;
    files.push({ name: displayName(path), path, kind, size, compressed });
  }
  return files;
}

const NOT_GZIP = 'not gzip data';

/** How a broken archive is reported on stderr: `logs/a.log.3.gz: gzip data broken at byte …`. */
export function describeBreak(b: BrokenArchive): string {
  if (b.message.startsWith(NOT_GZIP)) return `${b.file}: ${b.message}; no row read`;
  return `${b.file}: gzip data broken at byte ${b.offset} (${b.message}); rows before it were read`;
}

/**
 * A gzip input that could not be read to its end (truncated, corrupt, or not gzip at all), thrown
 * after every row before the break was handed out: the ingest records `broken` and goes on.
 */
export class ArchiveError extends InputError {
  readonly broken: BrokenArchive;
  constructor(broken: BrokenArchive) {
    super(describeBreak(broken));
    this.broken = broken;
  }
}

/**
 * Raw chunks from the handle's position on, read into two reused buffers (4 MB each: few system
 * calls, and small enough to stay out of the way of the aggregates in the heap): the next chunk
 * is read while the caller works on the current one, so parsing never waits for the disk or the
 * page cache between chunks (on a 1.1 GB file that wait was ~0.3 s of the main thread).
 */
async function* chunks(handle: FileHandle, chunkBytes: number, start: number): AsyncGenerator<Buffer> {
  const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)] as const;
  let position = start;
  let next = 0;
  let pending: Promise<{ bytesRead: number }> | null = handle.read(buffers[0], 0, chunkBytes, position);
  try {
    for (;;) {
      const { bytesRead } = await pending;
      pending = null;
      if (bytesRead === 0) return;
      const current = (buffers[next] as Buffer).subarray(0, bytesRead);
      position += bytesRead;
      next ^= 1;
      pending = handle.read(buffers[next] as Buffer, 0, chunkBytes, position);
      yield current;
    }
  } finally {
    // A read still under way when the caller stops must end before the handle may close.
    await pending?.catch(() => {});
  }
}

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ');

/** Does the handle's content start with gzip's magic bytes 1f 8b? (A positioned read.) */
async function gzipMagic(handle: FileHandle): Promise<{ gzip: boolean; head: Buffer }> {
  const head = Buffer.alloc(2);
  const { bytesRead } = await handle.read(head, 0, 2, 0); // positioned: a plain read still starts at 0
  return { gzip: bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b, head: head.subarray(0, bytesRead) };
}

/** Is this input read as its own bytes (neither gzip data nor named `*.gz`)? */
export async function isPlain(file: InputFile, handle: FileHandle): Promise<boolean> {
  return !file.compressed && !(await gzipMagic(handle)).gzip;
}

/**
 * The uncompressed content of an input in large chunks: the one way every caller reads inputs.
 * A chunk may be a view of a reused buffer, valid until the next iteration: consumers copy or
 * decode what they keep, synchronously. Readers drop a UTF-8 BOM themselves. Gzip is recognised
 * by its magic bytes 1f 8b rather than by the name alone: a `.gz` that is not gzip is an
 * ArchiveError, not garbage rows. A broken archive throws ArchiveError once everything decoded
 * before the break was handed out. `start` skips the bytes of a plain file already read (the
 * store reads only what an appended file gained). `opened`: a handle of the file the caller
 * opened (and closes) itself, e.g. to share its descriptor with a hashing thread.
 */
export async function* readInput(file: InputFile, start = 0, opened?: FileHandle): AsyncGenerator<Buffer> {
  const handle = opened ?? (await open(file.path, 'r'));
  try {
    const { gzip, head } = await gzipMagic(handle);
    if (gzip) {
      if (start > 0) throw new Error(`${file.name}: a gzip file is read from its start`);
      const broke = yield* gunzipFile(handle, (await handle.stat()).size);
      if (broke) throw new ArchiveError({ file: file.name, ...broke });
    } else if (file.compressed) {
      const what = head.length === 0 ? 'empty file' : `starts with ${hex(head)}`;
      throw new ArchiveError({ file: file.name, offset: 0, message: `${NOT_GZIP} (${what}, expected 1f 8b)` });
    } else yield* chunks(handle, 1 << 22, start);
  } finally {
    if (!opened) await handle.close();
  }
}

/**
 * Splits pushed bytes (UTF-8; multi-byte characters may straddle chunks) or text into physical
 * lines (LF or CRLF) and calls `onLine(text, lineNumber)` for each, line numbers starting at 1;
 * a leading BOM is dropped. Used by the JSON Lines and access-log readers.
 */
const SLICE = 1 << 16;

export function lineSplitter(onLine: (text: string, line: number) => void) {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 1;
  let first = true;
  const emit = (text: string) => {
    onLine(text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text, line++);
  };
  const split = (text: string) => {
    if (first && text !== '') {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const buf = rest + text;
    let pos = 0;
    for (let nl = buf.indexOf('\n'); nl !== -1; nl = buf.indexOf('\n', pos)) {
      emit(buf.slice(pos, nl));
      pos = nl + 1;
    }
    rest = buf.slice(pos);
  };
  return {
    push(chunk: Uint8Array | string): void {
      if (typeof chunk === 'string') {
        split(chunk);
        return;
      }
      // Decoded in 64 KB slices: a string of a whole 4 MB chunk would be a "large object",
      // allocated straight in the old generation and freed only by a full GC, so a big log
      // left hundreds of MB of dead text behind (1M access-log lines: 305 MB peak before, 197 MB).
      for (let at = 0; at < chunk.length; at += SLICE) split(decoder.write(chunk.subarray(at, at + SLICE)));
    },
    end(): void {
      split(decoder.end());
      if (rest !== '') emit(rest);
      rest = '';
    },
  };
}
