import type { Problem } from './errors.ts';
import type { LoadedEntry } from './types.ts';

/** Collections whose entries get a trainer short link `/c/<code>/`. */
export const shortLinked = ['capsules', 'paths', 'events'] as const;

/**
 * A short code (or alias) must point to one entry only, forever: two entries claiming the same
 * code would make a link printed on a slide ambiguous. Translations of one entry share codes.
 */
export function checkShortCodes(entries: readonly LoadedEntry[]): Problem[] {
  const owners = new Map<string, { file: string; id: string; field: string }>();
  const problems: Problem[] = [];
  for (const e of entries) {
    if (!(shortLinked as readonly string[]).includes(e.collection)) continue;
    const data = e.data as { code?: string; aliases?: string[] };
    const claims = [['code', data.code], ...(data.aliases ?? []).map((a, i) => [`aliases.${i}`, a])];
    for (const [field, code] of claims) {
      if (!code || !field) continue;
      const id = `${e.collection}/${e.slug}`;
      const owner = owners.get(code);
      if (owner && owner.id !== id)
        problems.push({
          file: e.file,
          field,
          message: `le code « ${code} » est déjà pris par ${owner.file} (${owner.field})`,
        });
      else if (!owner) owners.set(code, { file: e.file, id, field });
    }
  }
  return problems;
}
