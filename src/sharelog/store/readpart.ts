/**
 * Reads a file (or its tail from `start`) into a new part, and notes what the next build needs
 * to continue it: total length and SHA-1, newline count, whether it ends with a newline, CSV
 * quote parity and header line. One pass: the bytes are hashed and scanned as they are parsed.
 * A plain file read whole, from THREAD_FROM bytes, is hashed (and its newlines and quotes
 * counted) on a second thread reading the same descriptor (store/hashthread.ts), whatever its format; a smaller file (starting a thread costs
 * about what hashing 16 MB does), a tail (which continues a known hash) and a gzip input are
 * hashed here, on the main thread.
 */
import { createHash, type Hash, randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { isBlank } from '../csv.ts';
import { ArchiveError, InputError, type InputFile, isPlain, readInput } from '../read.ts';
import { type HashThread, startHashThread } from './hashthread.ts';
import type { FileEntry } from './manifest.ts';
import { openPart, type PartContext, type PartMeta } from './part.ts';

const NL = 10;
const QUOTE = 34;
const MAX_HEADER = 1 << 16;
/** Plain files from this size (bytes) on are hashed on a second thread. */
export const THREAD_FROM = 1 << 24;

function count(chunk: Buffer, byte: number): number {
  let n = 0;
  for (let i = chunk.indexOf(byte); i !== -1; i = chunk.indexOf(byte, i + 1)) n++;
  return n;
}

type Continuation = Pick<
  FileEntry,
  'length' | 'hash' | 'lines' | 'endsWithNewline' | 'quotesEven' | 'header' | 'broken'
>;

/**
 * `prev` (with `hasher` fed with its bytes) continues a known file from its length; without it
 * the file is read from the start.
 */
export async function readPart(
  file: InputFile,
  ctx: PartContext,
  prev?: { entry: FileEntry; hasher: Hash },
): Promise<{ part: PartMeta; content: Continuation }> {
  const start = prev?.entry.length ?? 0;
  const lines0 = prev?.entry.lines ?? 0;
  // A tail's reader first sees one line standing for what it follows: the CSV header, else a
  // blank line (skipped by the JSON Lines and access-log readers). Either way the reader is past
  // the start of its input, so a byte-order mark opening the tail stays part of its first line,
  // as in a full read. That line is line 1: the tail's first line is lines0 + 1.
  const lead = prev === undefined ? null : file.kind === 'csv' ? (prev.entry.header as Buffer) : Buffer.from('\n');
  const part = openPart(randomBytes(12).toString('hex'), file.name, file.kind, lead ? lines0 - 1 : lines0, ctx);
  const hasher = prev?.hasher ?? createHash('sha1');
  let length = start;
  let lines = lines0;
  let quotes = prev && !prev.entry.quotesEven ? 1 : 0;
  let header: Buffer | null = prev?.entry.header ?? null;
  let headerBytes: Buffer[] | null = prev ? null : [];
  let last = -1;
  let broken: FileEntry['broken'] = null;
  let hash: string;
  const handle = await open(file.path, 'r');
  let thread: HashThread | null = null;
  try {
    if (prev === undefined && file.size >= THREAD_FROM && (await isPlain(file, handle)))
      thread = startHashThread(handle.fd, file.kind === 'csv');
    if (lead) part.source.push(lead);
    try {
      await read();
    } catch (error) {
      // A broken archive: what was decoded before the break counts (read.ts); it is reported
      // on every build that reads this content, so it is kept with the file's entry.
      if (!(error instanceof ArchiveError)) throw error;
      broken = error.broken;
    }
    part.source.end();
    hash = thread ? await threadCounts(thread) : hasher.digest('hex');
  } catch (error) {
    await thread?.stop();
    part.abort();
    throw error;
  } finally {
    await handle.close();
  }
  /**
   * The thread's digest, with its newline (and CSV quote) counts, checked to cover exactly the
   * bytes read here: it reads only as far as told, so it hashed fewer only when the file shrank
   * under the read; the build cannot vouch for those bytes and stops.
   */
  async function threadCounts(t: HashThread): Promise<string> {
    thread = null; // finished here, whatever happens: nothing left to stop
    let answer: Awaited<ReturnType<HashThread['finish']>>;
    try {
      answer = await t.finish();
    } catch (error) {
      throw new Error(`${file.name}: the hashing thread failed: ${(error as Error).message}`);
    }
    if (answer.length !== length)
      throw new InputError(
        `${file.name}: the file shrank while it was read (${length} bytes parsed, ${answer.length} left); run the build again`,
      );
    lines += answer.newlines;
    quotes += answer.quotes;
    return answer.hash;
  }
  async function read(): Promise<void> {
    for await (const chunk of readInput(file, start, handle)) {
      length += chunk.length;
      if (thread) thread.upTo(length);
      else {
        hasher.update(chunk);
        lines += count(chunk, NL);
        if (file.kind === 'csv') quotes += count(chunk, QUOTE);
      }
      last = chunk[chunk.length - 1] as number;
      if (headerBytes !== null) {
        const nl = chunk.indexOf(NL);
        headerBytes.push(Buffer.from(nl === -1 ? chunk : chunk.subarray(0, nl + 1)));
        if (nl !== -1 || headerBytes.reduce((s, b) => s + b.length, 0) > MAX_HEADER) {
          const line = Buffer.concat(headerBytes);
          // A header with quotes could span lines, and a blank first line is skipped (the header
          // comes later): such a file is always read whole.
          header =
            nl !== -1 && !line.includes(QUOTE) && !isBlank(line.toString('utf8').replace(/^\ufeff/, '')) ? line : null;
          headerBytes = null;
        }
      }
      part.source.push(chunk);
    }
  }
  return {
    part: part.finish(),
    content: {
      length,
      hash,
      lines,
      endsWithNewline: length > start ? last === NL : (prev?.entry.endsWithNewline ?? false),
      // Even quotes are not enough (a `"` inside a field is no quote to the CSV reader): the
      // reader itself tells whether the content ended inside a record.
      quotesEven: quotes % 2 === 0 && part.source.endsBetweenRecords?.() !== false,
      header,
      broken,
    },
  };
}
