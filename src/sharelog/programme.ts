/**
 * Programme content the aggregator needs: challenge definitions (`challenges/fr/*.md`), the
 * theme of each card (`cards/fr/*.md`) to resolve a challenge's themes into card ids, and the
 * leaderboard opt-in list (`settings/leaderboard.yaml`). Missing folders/files mean "none".
 * Problems in one file become warnings (the build goes on without that challenge).
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { splitFrontmatter } from '../model/frontmatter.ts';
import { parseYaml } from '../model/yaml.ts';
import { DAY, parseDay, parseTimestamp, type Zone } from './timestamp.ts';
import type { ChallengeDef } from './types.ts';

export interface Programme {
  challenges: ChallengeDef[];
  /**
   * Campaign names of analytics exports → card id: each card's id and each of its `oldSlugs`
   * (lower-cased); a current id wins over another card's old slug. Empty without cards.
   */
  campaigns: Map<string, string>;
  optIn: Map<string, string>;
  warnings: string[];
}

type Data = Record<string, unknown>;

/** A file's front matter ({} when absent or not a mapping). */
function frontMatter(text: string): Data {
  const { data } = splitFrontmatter(text);
  return data && typeof data === 'object' ? (data as Data) : {};
}

async function markdown(dir: string): Promise<Array<[string, Data]>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  } catch {
    return [];
  }
  const out: Array<[string, Data]> = [];
  for (const name of names) {
    out.push([basename(name, '.md'), frontMatter(await readFile(join(dir, name), 'utf8'))]);
  }
  return out;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** A date or datetime → instant; a bare date as `end` means the last millisecond of that day. */
function instant(value: unknown, zone: Zone, isEnd: boolean): number {
  if (value instanceof Date) return value.getTime();
  const s = String(value ?? '').trim();
  const day = parseDay(s);
  if (isEnd && !Number.isNaN(day)) return zone.localToUtc((day + 1) * DAY) - 1;
  return parseTimestamp(s, zone);
}

export async function loadProgramme(contentDir: string, zone: Zone): Promise<Programme> {
  const warnings: string[] = [];
  const themes = new Map<string, string[]>();
  const campaigns = new Map<string, string>();
  const cards = await markdown(join(contentDir, 'cards', 'fr'));
  for (const [id, data] of cards) {
    const theme = typeof data.theme === 'string' ? data.theme : '';
    themes.set(theme, [...(themes.get(theme) ?? []), id]);
    for (const old of strings(data.oldSlugs)) {
      const key = old.trim().toLowerCase();
      const owner = campaigns.get(key);
      if (owner !== undefined && owner !== id) warnings.push(`card ${id}: old slug ${old} is also claimed by ${owner}`);
      else campaigns.set(key, id);
    }
  }
  for (const [id] of cards) campaigns.set(id.toLowerCase(), id);
  const challenges: ChallengeDef[] = [];
  for (const [id, data] of await markdown(join(contentDir, 'challenges', 'fr'))) {
    const start = instant(data.start, zone, false);
    const end = instant(data.end, zone, true);
    if (Number.isNaN(start) || Number.isNaN(end) || end < start) {
      warnings.push(`challenge ${id}: unusable start/end (${String(data.start)} → ${String(data.end)})`);
      continue;
    }
    const scope = (data.scope ?? {}) as Data;
    const cards = strings(scope.cards);
    const themed = strings(scope.themes).flatMap((t) => themes.get(t) ?? []);
    const contents = cards.length + strings(scope.themes).length ? new Set([...cards, ...themed]) : null;
    challenges.push({ id, start, end, contents });
  }
  const optIn = new Map<string, string>();
  try {
    const text = await readFile(join(contentDir, 'settings', 'leaderboard.yaml'), 'utf8');
    const entries = (parseYaml(text) as Data | null)?.entries;
    for (const e of Array.isArray(entries) ? (entries as Data[]) : []) {
      const who = String(e?.ambassador ?? '')
        .trim()
        .toLowerCase();
      const name = String(e?.displayName ?? '').trim();
      if (who && name) optIn.set(who, name);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      warnings.push(`settings/leaderboard.yaml: ${(error as Error).message}`);
    }
  }
  return { challenges, campaigns, optIn, warnings };
}
