/**
 * SHA-1 (and the newline and quote counts) of a plain input on a second thread, so that a full
 * read's hashing (store/readpart.ts) runs beside the parsing instead of on the main thread. Both
 * halves live in this file: the main thread's handle (`startHashThread`) and the thread itself
 * (the code at the bottom, run when this module is a worker's entry).
 *
 * The thread reads the bytes itself, through the main thread's own file descriptor (threads
 * share the process's descriptors) with positioned reads, so both threads read the same inode,
 * and it reads exactly the range the main thread has read: after each chunk the main thread
 * publishes its length so far in a shared word (no message per chunk), the thread hashes up to it
 * (from the page cache, the main thread having just read those bytes) and sleeps until the word
 * changes; at the end it answers with the digest, the counts and the length it hashed. The
 * descriptor must stay open until `finish` or `stop` has returned.
 */
import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const ROLE = 'relais-sha1';

/**
 * The shared word: (bytes the main thread has read) · 2 + 1 once it has read them all. Every
 * store changes it (the last one sets the low bit), so the thread never sleeps through one.
 */
const state = (length: number, done: boolean) => (BigInt(length) << 1n) | (done ? 1n : 0n);

/**
 * Thread → main thread: the digest, the bytes hashed (fewer when the file shrank), the line feeds
 * and double quotes among them (quotes: 0 unless asked), or an error.
 */
type Counts = { hash: string; length: number; newlines: number; quotes: number };
type Answer = Counts | { error: string };

export interface HashThread {
  /** The main thread has read the first `length` bytes: hash them too. */
  upTo(length: number): void;
  /** Digest, counts and length of what was hashed; rejects with the thread's error, never hangs. */
  finish(): Promise<Counts>;
  /** Ends the thread without an answer (the read failed); resolves once it has stopped. */
  stop(): Promise<void>;
}

/** `quotes`: count double quotes too (a CSV's quote parity, store/readpart.ts). */
export function startHashThread(fd: number, quotes = false): HashThread {
  const shared = new BigInt64Array(new SharedArrayBuffer(8));
  const worker = new Worker(new URL(import.meta.url), { workerData: { role: ROLE, fd, quotes, shared } });
  const answer = new Promise<Counts>((resolve, reject) => {
    worker.once('message', (m: Answer) => ('error' in m ? reject(new Error(m.error)) : resolve(m)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the hashing thread stopped (exit code ${code}) before answering`)));
  });
  // Observed by `finish`; a read that fails first never asks.
  answer.catch(() => {});
  let read = 0;
  const publish = (done: boolean) => {
    Atomics.store(shared, 0, state(read, done));
    Atomics.notify(shared, 0);
  };
  return {
    upTo(length) {
      read = length;
      publish(false);
    },
    async finish() {
      publish(true);
      try {
        return await answer;
      } finally {
        await worker.terminate();
      }
    },
    async stop() {
      publish(true); // wakes a sleeping thread, so that it can be stopped
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === ROLE) {
  const port = parentPort;
  const { fd, quotes: countQuotes, shared } = workerData as { fd: number; quotes: boolean; shared: BigInt64Array };
  const hash = createHash('sha1');
  const buffer = Buffer.allocUnsafe(1 << 22);
  let length = 0;
  let newlines = 0;
  let quotes = 0;
  /** The file ended before what the main thread read: nothing more is read (the answer's length tells). */
  let short = false;
  const count = (bytes: Buffer, byte: number) => {
    let n = 0;
    for (let i = bytes.indexOf(byte); i !== -1; i = bytes.indexOf(byte, i + 1)) n++;
    return n;
  };
  try {
    for (;;) {
      const now = Atomics.load(shared, 0);
      const upTo = Number(now >> 1n);
      while (!short && length < upTo) {
        const n = readSync(fd, buffer, 0, Math.min(buffer.length, upTo - length), length);
        if (n === 0) short = true;
        const bytes = buffer.subarray(0, n);
        hash.update(bytes);
        newlines += count(bytes, 10);
        if (countQuotes) quotes += count(bytes, 34);
        length += n;
      }
      if ((now & 1n) === 1n) break;
      Atomics.wait(shared, 0, now);
    }
    port.postMessage({ hash: hash.digest('hex'), length, newlines, quotes } satisfies Answer);
  } catch (error) {
    port.postMessage({ error: (error as Error).message } satisfies Answer);
  }
  port.close();
}
