import { describe, expect, it } from 'vitest';
import { clearProgress, pathProgress, progressKey, readDone, setDone } from '../../../src/lib/progress.ts';

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
  removeItem = (k: string) => void this.data.delete(k);
}

describe('training progress', () => {
  it('marks, unmarks and counts a path’s capsules', () => {
    const store = new MemoryStorage();
    setDone(store, 'b', true);
    setDone(store, 'a', true);
    setDone(store, 'z', true);
    expect(store.getItem(progressKey)).toBe('["a","b","z"]');
    expect(pathProgress(['a', 'b', 'c'], readDone(store))).toEqual({ done: 2, total: 3 });
    setDone(store, 'a', false);
    expect(pathProgress(['a', 'b', 'c'], readDone(store))).toEqual({ done: 1, total: 3 });
  });

  it('clears everything', () => {
    const store = new MemoryStorage();
    setDone(store, 'a', true);
    clearProgress(store);
    expect(readDone(store).size).toBe(0);
  });

  it('survives garbage in storage', () => {
    const store = new MemoryStorage();
    store.setItem(progressKey, '{not json');
    expect(readDone(store).size).toBe(0);
    store.setItem(progressKey, '{"a":1}');
    expect(readDone(store).size).toBe(0);
    store.setItem(progressKey, '["a",3,null]');
    expect([...readDone(store)]).toEqual(['a']);
  });
});
