/**
 * SHA-1 (and the newline and quote counts) of a plain input on a second thread, so a full read's hashing (store/readpart.ts) runs
 * beside the parsing instead of before it on the main thread. Both halves live in this file: the
 * main thread's handle (`startHashThread`) and the thread itself (the code at the bottom, run
 * when this module is a worker's entry).
 *
 * The thread reads the bytes itself, through the main thread's own file descriptor (threads
 * share the process's descriptors) with positioned reads, so both threads read the same inode,
 * and it reads exactly the range the main thread has read: after each chunk the main thread sends
 * its length so far, the thread hashes up to it (from the page cache, the main thread having just
 * read those bytes), and at the end it answers with the digest and the length it hashed. The
 * descriptor must stay open until `finish` or `stop` has returned.
 */
import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const ROLE = 'relais-sha1';

/** Main thread → thread: hash up to this many bytes; -1 = done, answer. */
type Request = number;
/**
 * Thread → main thread: the digest, the bytes hashed (fewer when the file shrank), the line feeds
 * and double quotes among them (quotes: 0 unless asked), or an error.
 */
type Counts = { hash: string; length: number; newlines: number; quotes: number };
type Answer = Counts | { error: string };

export interface HashThread {
  /** The main thread has read the first `length` bytes: hash them too. */
  upTo(length: number): void;
  /** Digest and length of what was hashed; rejects with the thread's error, never hangs. */
  finish(): Promise<Counts>;
  /** Ends the thread without an answer (the read failed); resolves once it has stopped. */
  stop(): Promise<void>;
}

/** `quotes`: count double quotes too (a CSV's quote parity, store/readpart.ts). */
export function startHashThread(fd: number, quotes = false): HashThread {
  const worker = new Worker(new URL(import.meta.url), { workerData: { role: ROLE, fd, quotes } });
  const answer = new Promise<Counts>((resolve, reject) => {
    worker.once('message', (m: Answer) => ('error' in m ? reject(new Error(m.error)) : resolve(m)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the hashing thread stopped (exit code ${code}) before answering`)));
  });
  // Observed by `finish`; a read that fails first never asks.
  answer.catch(() => {});
  return {
    upTo: (length) => worker.postMessage(length satisfies Request),
    async finish() {
      worker.postMessage(-1 satisfies Request);
      try {
        return await answer;
      } finally {
        await worker.terminate();
      }
    },
    async stop() {
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === ROLE) {
  const port = parentPort;
  const { fd, quotes: countQuotes } = workerData as { fd: number; quotes: boolean };
  const hash = createHash('sha1');
  const buffer = Buffer.allocUnsafe(1 << 22);
  let length = 0;
  let newlines = 0;
  let quotes = 0;
  const count = (bytes: Buffer, byte: number) => {
    let n = 0;
    for (let i = bytes.indexOf(byte); i !== -1; i = bytes.indexOf(byte, i + 1)) n++;
    return n;
  };
  let failed = false;
  /** The file ended before what the main thread read: nothing more is read (the answer's length tells). */
  let short = false;
  port.on('message', (upTo: Request) => {
    if (failed) return;
    try {
      if (upTo < 0) {
        port.postMessage({ hash: hash.digest('hex'), length, newlines, quotes } satisfies Answer);
        port.close();
        return;
      }
      while (!short && length < upTo) {
        const n = readSync(fd, buffer, 0, Math.min(buffer.length, upTo - length), length);
        if (n === 0) short = true;
        const bytes = buffer.subarray(0, n);
        hash.update(bytes);
        newlines += count(bytes, 10);
        if (countQuotes) quotes += count(bytes, 34);
        length += n;
      }
    } catch (error) {
      failed = true;
      port.postMessage({ error: (error as Error).message } satisfies Answer);
    }
  });
}
