import { describe, expect, it } from 'vitest';
import { ByteTable, hashBytes } from '../../../src/sharelog/bytetable.ts';
import { FieldCache } from '../../../src/sharelog/fieldcache.ts';

const bytes = (s: string) => Buffer.from(s);
function mulberry(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('ByteTable', () => {
  it('gives dense ids in insertion order and finds them again', () => {
    const t = new ByteTable();
    const keys = ['a', 'bb', '', 'a\u00e9', 'bb ', 'x'.repeat(300)];
    const add = (k: string) => t.add(bytes(k), 0, Buffer.byteLength(k));
    expect(keys.map(add)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(keys.map(add)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(t.size).toBe(keys.length);
    expect(keys.map((_, i) => Buffer.from(t.key(i)).toString())).toEqual(keys);
    expect(t.find(bytes('zz'), 0, 2)).toBe(-1);
  });

  it('reads keys in place from a larger buffer', () => {
    const t = new ByteTable();
    const buf = bytes('xx,event-1,yy,event-1,event-2');
    expect(t.add(buf, 3, 10)).toBe(0);
    expect(t.add(buf, 14, 21)).toBe(0);
    expect(t.add(buf, 22, 29)).toBe(1);
  });

  it('stays exact when every key has the same hash (collisions never merge keys)', () => {
    const t = new ByteTable(4);
    const n = 2000;
    for (let i = 0; i < n; i++) {
      const k = bytes(`key-${i}`);
      expect(t.add(k, 0, k.length, 12345)).toBe(i);
    }
    for (let i = 0; i < n; i++) {
      const k = bytes(`key-${i}`);
      expect(t.find(k, 0, k.length, 12345)).toBe(i);
    }
    expect(t.find(bytes('key-x'), 0, 5, 12345)).toBe(-1);
  });

  it('grows from a tiny table and agrees with a Map on 200k random keys, duplicates included', () => {
    const rand = mulberry(7);
    const t = new ByteTable(1);
    const seen = new Map<string, number>();
    let wrong = 0;
    for (let i = 0; i < 200_000; i++) {
      const k = Math.floor(rand() * 120_000).toString(36) + (rand() < 0.1 ? '\u00e9' : '');
      const b = bytes(k);
      const before = t.size;
      const id = t.add(b, 0, b.length);
      const known = seen.get(k);
      if (known === undefined) {
        if (id !== before || t.size !== before + 1) wrong++;
        seen.set(k, id);
      } else if (id !== known || t.size !== before) wrong++;
    }
    expect(wrong).toBe(0);
    expect(t.size).toBe(seen.size);
    for (const [k, id] of seen) if (t.find(bytes(k), 0, Buffer.byteLength(k)) !== id) wrong++;
    expect(wrong).toBe(0);
  });

  it('uses memory for distinct keys only: the same keys added ten times cost what they cost once', () => {
    const once = new ByteTable();
    const tenTimes = new ByteTable();
    const keys = Array.from({ length: 50_000 }, (_, i) => bytes(`16-${i.toString(36)}`));
    for (const k of keys) once.add(k, 0, k.length);
    for (let r = 0; r < 10; r++) for (const k of keys) tenTimes.add(k, 0, k.length);
    expect(tenTimes.size).toBe(50_000);
    expect(tenTimes.bytes).toBe(once.bytes);
    expect(once.bytes).toBeLessThan(50_000 * 64);
  });

  it('hashes to 30-bit integers (small integers stay unboxed in V8)', () => {
    for (const k of ['', 'a', 'linkedin', 'x'.repeat(100)]) {
      const h = hashBytes(bytes(k), 0, Buffer.byteLength(k));
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 30).toBe(true);
    }
  });
});

describe('FieldCache', () => {
  it('derives once per distinct byte string, from the decoded text', () => {
    const calls: string[] = [];
    const cache = new FieldCache((text) => {
      calls.push(text);
      return text.trim().toLowerCase() === 'share' ? 0 : -1;
    });
    expect(calls).toEqual(['']); // `empty`
    const buf = bytes('share, SHARE ,share,like,\u00e9');
    expect(cache.get(buf, 0, 5)).toBe(0);
    expect(cache.get(buf, 6, 13)).toBe(0);
    expect(cache.get(buf, 14, 19)).toBe(0);
    expect(cache.get(buf, 20, 24)).toBe(-1);
    expect(cache.get(buf, 25, 27)).toBe(-1);
    expect(calls).toEqual(['', 'share', ' SHARE ', 'like', '\u00e9']);
  });
});
