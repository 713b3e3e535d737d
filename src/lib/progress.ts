/**
 * Training progress, kept in the browser only (localStorage): which capsules the visitor marked
 * as done. Nothing is sent anywhere: the programme is voluntary and never evaluates anyone.
 * Pure functions over a `Storage`-like object, so the logic is tested without a browser.
 */

/** The localStorage key; versioned so that a future format can ignore the old one. */
export const progressKey = 'relais:progress:v1';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The slugs of the capsules marked as done (an empty set when nothing or garbage is stored). */
export function readDone(store: KeyValueStore): Set<string> {
  try {
    const value: unknown = JSON.parse(store.getItem(progressKey) ?? '[]');
    return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Marks a capsule as done or not done; returns the new set. */
export function setDone(store: KeyValueStore, slug: string, done: boolean): Set<string> {
  const set = readDone(store);
  if (done) set.add(slug);
  else set.delete(slug);
  store.setItem(progressKey, JSON.stringify([...set].sort()));
  return set;
}

/** Forgets all progress. */
export function clearProgress(store: KeyValueStore): void {
  store.removeItem(progressKey);
}

/** How many of a path's capsules are done. */
export function pathProgress(capsules: readonly string[], done: ReadonlySet<string>): { done: number; total: number } {
  return { done: capsules.filter((c) => done.has(c)).length, total: capsules.length };
}
