/**
 * 64-bit keys for the store's dedupe, and the set that holds them.
 *
 * An event id is kept only as two 32-bit hashes of its bytes, both seeded from the
 * pseudonymisation key (so the cache cannot be searched for a known id without the key). Two
 * distinct ids collide with a probability of about n²/2^65 per week: for 10^6 events in a week,
 * 3·10^-8. The incremental and the full run use these same keys, so their results are identical
 * whatever happens; only the comparison with an exact byte-for-byte dedupe carries that chance.
 */
import { createHash } from 'node:crypto';

/** Seeds derived from the key (not the key): one per hash lane. */
export function hashSeeds(key: Buffer): [number, number] {
  const d = createHash('sha256').update('relais dedupe seeds\0').update(key).digest();
  return [d.readInt32LE(0), d.readInt32LE(4)];
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** One 32-bit lane over bytes [start, end) (multiply-rotate per byte, murmur3's finaliser). */
export function lane(src: Uint8Array, start: number, end: number, seed: number): number {
  let h = seed ^ (end - start);
  for (let i = start; i < end; i++) {
    h = Math.imul(h ^ (src[i] as number), 0x5bd1e995);
    h = (h << 13) | (h >>> 19);
  }
  return fmix(h);
}

/** Lane over int32 words (the composite key of rows without an event id). */
export function laneWords(words: Int32Array, seed: number): number {
  let h = seed ^ words.length;
  for (let i = 0; i < words.length; i++) {
    h = Math.imul(h ^ (words[i] as number), 0xcc9e2d51);
    h = Math.imul((h << 15) | (h >>> 17), 0x1b873593);
  }
  return fmix(h);
}

/** A set of 64-bit keys (hi, lo), open addressing, at most half full. `clear` keeps the memory. */
export class Set64 {
  private slots: Int32Array;
  private used: Uint8Array;
  private mask: number;
  size = 0;
  constructor(capacity = 1 << 12) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.slots = new Int32Array(2 * n);
    this.used = new Uint8Array(n);
    this.mask = n - 1;
  }
  /** Adds the key; false when it was already there. */
  add(hi: number, lo: number): boolean {
    if (this.size * 2 >= this.mask) this.grow();
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    while (this.used[i] === 1) {
      if (this.slots[2 * i] === hi && this.slots[2 * i + 1] === lo) return false;
      i = (i + 1) & this.mask;
    }
    this.used[i] = 1;
    this.slots[2 * i] = hi;
    this.slots[2 * i + 1] = lo;
    this.size++;
    return true;
  }
  clear(): void {
    this.used.fill(0);
    this.size = 0;
  }
  private grow(): void {
    const { slots, used } = this;
    const n = used.length * 2;
    this.slots = new Int32Array(2 * n);
    this.used = new Uint8Array(n);
    this.mask = n - 1;
    this.size = 0;
    for (let i = 0; i < used.length; i++)
      if (used[i] === 1) this.add(slots[2 * i] as number, slots[2 * i + 1] as number);
  }
}
