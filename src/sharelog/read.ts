/**
 * Input discovery and streaming. `--in` paths (files or folders, searched recursively) become a
 * sorted, de-duplicated list, so the order of `--in` arguments never changes the result.
 * Files are read as raw bytes in large chunks (readers decode what they need).
 */
import { open, readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

export type InputKind = 'csv' | 'jsonl' | 'log';
export interface InputFile {
  /** Path shown in rejects and messages: relative to the working directory when inside it. */
  name: string;
  path: string;
  kind: InputKind;
  size: number;
}

const KINDS: Record<string, InputKind> = {
  '.csv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.log': 'log',
};

export class InputError extends Error {}
/** A path that exists but is not a log file: an unusable argument rather than an I/O problem. */
export class UnsupportedInput extends InputError {}

export function kindOf(path: string): InputKind | undefined {
  return KINDS[extname(path).toLowerCase()];
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
    else throw new UnsupportedInput(`--in ${p}: not a .csv, .jsonl, .ndjson or .log file`);
  }
  const files: InputFile[] = [];
  for (const path of [...found].sort()) {
    const kind = kindOf(path) as InputKind;
    files.push({ name: displayName(path), path, kind, size: (await stat(path)).size });
  }
  return files;
}

/**
 * Raw chunks of a file, read with one reused buffer (4 MB: few system calls, and small enough to
 * stay out of the way of the aggregates in the heap). Each chunk is a view of that buffer, valid
 * until the next iteration: consumers copy or decode what they keep, synchronously. Readers drop
 * a UTF-8 BOM themselves. `start` skips bytes already read (an appended file's old part).
 */
export async function* readChunks(path: string, chunkBytes = 1 << 22, start = 0): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    let position = start;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, position);
      position += bytesRead;
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Splits pushed bytes (UTF-8; multi-byte characters may straddle chunks) or text into physical
 * lines (LF or CRLF) and calls `onLine(text, lineNumber)` for each, line numbers starting at 1;
 * a leading BOM is dropped. Used by the JSON Lines and access-log readers.
 */
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
      split(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    },
    end(): void {
      split(decoder.end());
      if (rest !== '') emit(rest);
      rest = '';
    },
  };
}
