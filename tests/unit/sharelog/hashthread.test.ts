/**
 * The SHA-1 thread of a full read (store/hashthread.ts): the digest of exactly the bytes the main
 * thread says it read, through the main thread's descriptor; a file that shrinks under it answers
 * a shorter length; a failure is an error, never a hang.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listInputs } from '../../../src/sharelog/read.ts';
import { startHashThread } from '../../../src/sharelog/store/hashthread.ts';
import { readPart, THREAD_FROM } from '../../../src/sharelog/store/readpart.ts';
import { createZone } from '../../../src/sharelog/timestamp.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'relais-hashthread-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha1 = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');
const count = (b: Uint8Array, byte: number) => b.reduce((n, x) => n + (x === byte ? 1 : 0), 0);

describe('startHashThread', () => {
  it('hashes exactly the announced prefix, in steps larger than its buffer', async () => {
    const bytes = randomBytes((9 << 20) + 12345);
    const path = join(dir, 'a.log');
    writeFileSync(path, bytes);
    const handle = await open(path, 'r');
    try {
      const t = startHashThread(handle.fd);
      t.upTo(1000);
      t.upTo(5 << 20);
      t.upTo(bytes.length - 7); // the last 7 bytes are not the main thread's: never hashed
      const answer = await t.finish();
      const read = bytes.subarray(0, bytes.length - 7);
      expect(answer).toEqual({ hash: sha1(read), length: read.length, newlines: count(read, 10), quotes: 0 });
    } finally {
      await handle.close();
    }
  });

  it('answers the empty digest for an empty read', async () => {
    const path = join(dir, 'empty.log');
    writeFileSync(path, '');
    const handle = await open(path, 'r');
    try {
      expect(await startHashThread(handle.fd, true).finish()).toEqual({
        hash: sha1(new Uint8Array(0)),
        length: 0,
        newlines: 0,
        quotes: 0,
      });
    } finally {
      await handle.close();
    }
  });

  it('answers a shorter length when the file shrank under it', async () => {
    const bytes = randomBytes(100_000);
    const path = join(dir, 'b.log');
    writeFileSync(path, bytes);
    const handle = await open(path, 'r');
    try {
      truncateSync(path, 40_000);
      const t = startHashThread(handle.fd, true);
      t.upTo(bytes.length);
      const left = bytes.subarray(0, 40_000);
      expect(await t.finish()).toEqual({
        hash: sha1(left),
        length: 40_000,
        newlines: count(left, 10),
        quotes: count(left, 34),
      });
    } finally {
      await handle.close();
    }
  });

  it('rejects with the read error on a descriptor that is not open', async () => {
    const t = startHashThread(987_654);
    t.upTo(10);
    await expect(t.finish()).rejects.toThrow(/EBADF/);
  });
});

describe('readPart', () => {
  /** A JSON Lines file of `size` bytes: one visit that is no ambassador click, then blank lines. */
  async function readWhole(size: number) {
    const visit = '{"idSite":1,"idVisit":7,"serverTimestamp":1767225600,"campaignMedium":"email"}\n';
    const bytes = Buffer.alloc(size, '\n');
    bytes.write(visit, 0);
    const path = join(dir, `v${size}.jsonl`);
    writeFileSync(path, bytes);
    const partsDir = join(dir, 'parts');
    mkdirSync(partsDir, { recursive: true });
    const [file] = await listInputs([path]);
    const ctx = {
      zone: createZone('Europe/Paris'),
      from: Number.NEGATIVE_INFINITY,
      to: Number.POSITIVE_INFINITY,
      key: Buffer.alloc(32, 1),
      seeds: [1, 2] as [number, number],
      partsDir,
    };
    const { content } = await readPart(file as NonNullable<typeof file>, ctx);
    return { content, expected: { hash: sha1(bytes), length: size, lines: size - visit.length + 1 } };
  }

  it('records the same SHA-1 and length whether the file is hashed on the thread or here', async () => {
    for (const size of [THREAD_FROM + 4321, THREAD_FROM - 1]) {
      const { content, expected } = await readWhole(size);
      expect({ hash: content.hash, length: content.length, lines: content.lines }).toEqual(expected);
    }
  });
});
