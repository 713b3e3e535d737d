/**
 * The store's global dictionaries: every ambassador (by pseudonym), content, team and variant
 * any part ever named, with ids that stay fixed from build to build, so that cached weekly
 * aggregates (sets of ambassador ids, counts per content) keep their meaning. Append-only: a name
 * whose files are gone keeps its id but has no figure, so it never reaches the dashboards.
 */
import type { PartMeta } from './part.ts';

export interface DictData {
  amb: string[];
  contents: string[];
  teams: string[];
  variants: string[];
}

export interface Remap {
  amb: Int32Array;
  content: Int32Array;
  team: Int32Array;
  variant: Int32Array;
}

function table(names: string[]) {
  const ids = new Map<string, number>();
  for (const [i, n] of names.entries()) ids.set(n, i);
  return {
    names,
    find: (name: string) => ids.get(name) ?? -1,
    id(name: string): number {
      let id = ids.get(name);
      if (id === undefined) {
        id = names.length;
        names.push(name);
        ids.set(name, id);
      }
      return id;
    },
  };
}

export type GlobalDict = ReturnType<typeof openDict>;

export function openDict(data: DictData = { amb: [], contents: [], teams: [], variants: [] }) {
  const amb = table(data.amb);
  const contents = table(data.contents);
  const teams = table(data.teams);
  const variants = table(data.variants);
  const map = (t: ReturnType<typeof table>, names: string[]) => Int32Array.from(names, (n) => t.id(n));
  return {
    amb,
    contents,
    teams,
    variants,
    data: (): DictData => ({ amb: amb.names, contents: contents.names, teams: teams.names, variants: variants.names }),
    /** Local ids of a part → global ids (new names get new ids). */
    remap(part: PartMeta): Remap {
      return {
        amb: map(amb, part.dict.amb),
        content: map(contents, part.dict.contents),
        team: map(teams, part.dict.teams),
        variant: map(variants, part.dict.variants),
      };
    },
  };
}
