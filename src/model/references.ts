import { references } from './collections.ts';
import type { Problem } from './errors.ts';
import type { EntryId, LoadedEntry } from './types.ts';

/** Reads a dotted path (`scope.cards`) out of an entry's data. */
function at(data: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);
}

/**
 * Every reference (a path's capsules, an event's capsules, a challenge's cards) must name an
 * existing entry. Slugs are shared across locales, so a reference is checked against the
 * entries of the same locale, and of French (the fallback) for translations.
 */
export function checkReferences(entries: readonly LoadedEntry[], existing: readonly EntryId[] = entries): Problem[] {
  // Targets are every file present, valid or not: an invalid capsule is reported once, for
  // itself, not again by every path that lists it.
  const slugs = new Map<string, Set<string>>();
  for (const e of existing) {
    const key = `${e.collection}/${e.locale}`;
    if (!slugs.has(key)) slugs.set(key, new Set());
    slugs.get(key)?.add(e.slug);
  }
  const problems: Problem[] = [];
  for (const { from, field, to } of references) {
    for (const e of entries.filter((x) => x.collection === from)) {
      const value = at(e.data, field);
      if (!Array.isArray(value)) continue;
      value.forEach((target, i) => {
        const found = slugs.get(`${to}/${e.locale}`)?.has(target) || slugs.get(`${to}/fr`)?.has(target);
        if (!found)
          problems.push({
            file: e.file,
            field: `${field}.${i}`,
            message: `« ${target} » ne correspond à aucune entrée de ${to}`,
          });
      });
    }
  }
  return problems;
}
