/**
 * An exact hash set of byte strings that hands out dense ids (0, 1, 2, … in insertion order):
 * the dedupe set of event ids and the per-column caches of raw CSV values are both this table.
 *
 * Why not a `Set<string>`: a million event ids as strings cost ~60 bytes each (string header,
 * hash-table entry, and a fresh heap object the GC must trace on every young collection), and each
 * needs a string to be cut from the line first. Here a key costs its bytes in one arena plus 12
 * bytes of typed arrays, nothing is a JS object, and lookups read straight from the read buffer.
 *
 * Exactness: the (30-bit) hash only chooses where to look. Every hash match is confirmed by
 * comparing the stored bytes, so two different keys with the same hash are simply two entries
 * (a collision costs one comparison, never a wrong answer).
 *
 * Layout: open addressing with linear probing, kept at most half full so probe chains stay
 * short. Each slot holds the full hash beside the id, so a probe compares hashes without
 * a second random memory access, mismatches never touch the keys, and growing re-places entries
 * without rehashing. Per id, the key's start offset in the arena (its end is the next key's
 * start). Everything doubles when full, so memory follows the number of DISTINCT keys only:
 * ~8 bytes of slots per key at worst + 4 of offset + the key bytes (~30 bytes for a 10-byte id).
 */

export const FNV_SEED = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/**
 * FNV-1a state over bytes [start, end): one xor and one multiply per byte, so callers that walk
 * the bytes anyway (the CSV scanner) can fold it into their own loop. `mix` finishes it.
 */
export function fnv(src: Uint8Array, start: number, end: number, seed = FNV_SEED): number {
  let h = seed;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (src[i] as number), FNV_PRIME);
  return h;
}

/**
 * Final avalanche (murmur3 fmix32), so the low bits used as the slot index depend on every byte,
 * cut to 30 bits: V8 keeps integers up to 2^30 unboxed ("Smi"), while a larger hash passed
 * between functions becomes a heap number — a 16-byte allocation for every cell of every row.
 */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) & 0x3fffffff;
}

/** The table's hash of bytes [start, end). */
export function hashBytes(src: Uint8Array, start: number, end: number): number {
  return mix(fnv(src, start, end));
}

export class ByteTable {
  /** Number of distinct keys, which is also the id the next new key will get. */
  size = 0;
  /** Pairs [hash, id + 1] per slot (id + 1 = 0: empty): a probe reads one cache line, not two. */
  private table: Int32Array;
  private mask: number;
  /** Key `id` is arena[starts[id], starts[id + 1]). */
  private starts: Uint32Array;
  private arena: Uint8Array;
  private used = 0;

  constructor(capacity = 16) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.table = new Int32Array(2 * slots);
    this.mask = slots - 1;
    this.starts = new Uint32Array(slots / 2 + 1);
    this.arena = new Uint8Array(Math.max(64, capacity * 8));
  }

  /** The id of key src[start, end), adding it when new (then `size` grows by one). */
  add(src: Uint8Array, start: number, end: number, hash = hashBytes(src, start, end)): number {
    const table = this.table;
    const mask = this.mask;
    const h = hash;
    let s = hash & mask;
    for (;;) {
      const slot = table[2 * s + 1] as number;
      if (slot === 0) break;
      if (table[2 * s] === h && this.equals(slot - 1, src, start, end)) return slot - 1;
      s = (s + 1) & mask;
    }
    return this.insert(src, start, end, h, s);
  }

  /** The id of key src[start, end), or -1 when absent. */
  find(src: Uint8Array, start: number, end: number, hash = hashBytes(src, start, end)): number {
    const table = this.table;
    const mask = this.mask;
    const h = hash;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const slot = table[2 * s + 1] as number;
      if (slot === 0) return -1;
      if (table[2 * s] === h && this.equals(slot - 1, src, start, end)) return slot - 1;
    }
  }

  /** Bytes of key `id` (a view into the arena: copy it if you keep it across `add` calls). */
  key(id: number): Uint8Array {
    return this.arena.subarray(this.starts[id], this.starts[id + 1]);
  }

  /** Bytes held by the typed arrays (for tests and reports). */
  get bytes(): number {
    return this.table.byteLength + this.starts.byteLength + this.arena.byteLength;
  }

  private equals(id: number, src: Uint8Array, start: number, end: number): boolean {
    const from = this.starts[id] as number;
    const len = (this.starts[id + 1] as number) - from;
    if (len !== end - start) return false;
    const arena = this.arena;
    for (let i = 0; i < len; i++) if (arena[from + i] !== src[start + i]) return false;
    return true;
  }

  /** Appends the key to the arena and claims slot `s` (the empty slot its probe ended on). */
  private insert(src: Uint8Array, start: number, end: number, h: number, s: number): number {
    const id = this.size;
    const len = end - start;
    if (this.used + len > this.arena.length) {
      let n = this.arena.length * 2;
      while (this.used + len > n) n *= 2;
      const arena = new Uint8Array(n);
      arena.set(this.arena.subarray(0, this.used));
      this.arena = arena;
    }
    const arena = this.arena;
    const at = this.used;
    for (let i = 0; i < len; i++) arena[at + i] = src[start + i] as number; // subarray() would allocate
    this.used += len;
    this.starts[id + 1] = this.used;
    this.table[2 * s] = h;
    this.table[2 * s + 1] = id + 1;
    this.size = id + 1;
    if (this.size + 1 >= this.starts.length) this.grow();
    return id;
  }

  /** Doubles the slots (keeping the table at most half full) and re-places every entry by its hash. */
  private grow(): void {
    const old = this.table;
    const slots = this.mask + 1;
    this.table = new Int32Array(4 * slots);
    this.mask = 2 * slots - 1;
    const starts = new Uint32Array(slots + 1);
    starts.set(this.starts);
    this.starts = starts;
    const { table, mask } = this;
    for (let i = 0; i < slots; i++) {
      const slot = old[2 * i + 1] as number;
      if (slot === 0) continue;
      const h = old[2 * i] as number;
      let s = h & mask;
      while (table[2 * s + 1] !== 0) s = (s + 1) & mask;
      table[2 * s] = h;
      table[2 * s + 1] = slot;
    }
  }
}
