/**
 * Column (CSV header) and key (JSON Lines) names → fields. Case-insensitive, trimmed, accents
 * ignored, so `Équipe`, `equipe` and ` EQUIPE ` all mean `team`.
 */
import type { Field } from './types.ts';

const ALIASES: Record<string, Field> = {
  timestamp: 'timestamp',
  date: 'timestamp',
  ambassador: 'ambassador',
  ambassadeur: 'ambassador',
  team: 'team',
  equipe: 'team',
  network: 'network',
  reseau: 'network',
  content: 'content',
  contenu: 'content',
  event: 'event',
  evenement: 'event',
  variant: 'variant',
  variante: 'variant',
  event_id: 'eventId',
};

/** The field a header/key names, or undefined for columns we ignore. */
export function fieldOf(name: string): Field | undefined {
  const key = name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
}

/** Header → list of [field, column index]. The first column naming a field wins. */
export function mapHeader(header: readonly string[]): Array<[Field, number]> {
  const seen = new Set<Field>();
  const out: Array<[Field, number]> = [];
  header.forEach((name, i) => {
    const field = fieldOf(name);
    if (field && !seen.has(field)) {
      seen.add(field);
      out.push([field, i]);
    }
  });
  return out;
}
