/**
 * Duplicate detection across all inputs. A row with an `event_id` is a duplicate when an earlier
 * row had that id; a row without one when an earlier row without one had the same instant (to the
 * second), ambassador, network, content, event and variant. (Rows that carry ids are compared by
 * id only: two distinct ids are two events, even within the same second.) Keys are compact strings: ambassador
 * and content are interned to small integers, so the Set grows with distinct events only and
 * each entry costs a few dozen bytes.
 */
import type { ShareEvent } from './types.ts';

/**
 * A copy of `s` that does not point into the chunk it was cut from. V8 substrings are views of
 * their parent string, so storing a field as a Map key would keep a whole 1 MB read chunk alive.
 */
export function own(s: string): string {
  return `${s}\0`.slice(0, -1);
}

export function createInterner() {
  const ids = new Map<string, number>();
  const names: string[] = [];
  return {
    names,
    has: (name: string) => ids.has(name),
    id(name: string): number {
      let id = ids.get(name);
      if (id === undefined) {
        id = names.length;
        const copy = own(name);
        ids.set(copy, id);
        names.push(copy);
      }
      return id;
    },
  };
}

export function createDeduper() {
  const ids = new Set<string>();
  const composites = new Set<string>();
  /** True when `ev` (with ambId/contentId set) repeats an earlier event; records it otherwise. */
  return function isDuplicate(ev: ShareEvent): boolean {
    if (ev.eventId !== '') {
      if (ids.has(ev.eventId)) return true;
      ids.add(own(ev.eventId));
      return false;
    }
    const key = `${Math.floor(ev.ms / 1000)}|${ev.ambId}|${ev.network}|${ev.contentId}|${ev.event}|${ev.variant}`;
    if (composites.has(key)) return true;
    composites.add(key);
    return false;
  };
}
