/**
 * String → dense integer id dictionaries. Ambassadors, contents, teams and variants are
 * low-cardinality, so the hot path carries small integers (array indexes, dedupe key parts) and
 * the names are only looked up for the output.
 */

/**
 * A copy of `s` that does not point into the text it was cut from. V8 substrings are views of
 * their parent string, so storing a field as a Map key would keep a whole decoded chunk alive.
 */
export function own(s: string): string {
  return `${s}\0`.slice(0, -1);
}

export interface Interner {
  /** names[id] is the string of an id (owned copies). */
  readonly names: string[];
  has(name: string): boolean;
  /** The id of `name`, or -1 when it was never interned. */
  find(name: string): number;
  /** The id of `name`, allocating the next id when new. */
  id(name: string): number;
}

export function createInterner(): Interner {
  const ids = new Map<string, number>();
  const names: string[] = [];
  return {
    names,
    has: (name) => ids.has(name),
    find: (name) => ids.get(name) ?? -1,
    id(name) {
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

/** The dictionaries shared by every reader of one run (ids are stable across input files). */
export interface Dictionaries {
  /** Trimmed, lower-cased ambassador ids ('' never interned: anonymous is -1). */
  ambassadors: Interner;
  /** Trimmed content ids (never ''). */
  contents: Interner;
  /** Trimmed team names ('' never interned: no team is -1). */
  teams: Interner;
  /** Trimmed variants ('' included: variants only matter as part of a dedupe key). */
  variants: Interner;
}

export function createDictionaries(): Dictionaries {
  return {
    ambassadors: createInterner(),
    contents: createInterner(),
    teams: createInterner(),
    variants: createInterner(),
  };
}
