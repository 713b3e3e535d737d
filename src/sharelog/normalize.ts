/**
 * Validation and normalisation of one raw row into a ShareEvent, or a reject reason.
 * Checks run in a fixed order (timestamp, event, network, content) so that a row with several
 * problems always gets the same reason.
 */
import type { Dictionaries } from './intern.ts';
import { parseTimestamp, type Zone } from './timestamp.ts';
import { NETWORKS, type RawRow, type Reason, type ShareEvent } from './types.ts';

const EVENT_ALIASES: Record<string, number> = {
  '': 0,
  share: 0,
  partage: 0,
  click: 1,
  clic: 1,
  reaction: 2,
  réaction: 2,
  comment: 3,
  commentaire: 3,
};

const NETWORK_INDEX: Record<string, number> = Object.fromEntries(NETWORKS.map((n, i) => [n, i]));
const OTHER = NETWORKS.indexOf('other');
const NETWORK_ALIASES: Record<string, string> = {
  twitter: 'x',
  'x.com': 'x',
  li: 'linkedin',
  fb: 'facebook',
  ig: 'instagram',
  mail: 'email',
  'e-mail': 'email',
  courriel: 'email',
  msteams: 'teams',
  'microsoft teams': 'teams',
  wa: 'whatsapp',
};

export function eventIndex(value: string): number {
  const v = value.trim().toLowerCase();
  return Object.hasOwn(EVENT_ALIASES, v) ? (EVENT_ALIASES[v] ?? -1) : -1;
}

/** Network index; -1 when empty. */
export function networkIndex(value: string): number {
  const v = value.trim().toLowerCase();
  if (v === '') return -1;
  const name = Object.hasOwn(NETWORK_ALIASES, v) ? (NETWORK_ALIASES[v] ?? v) : v;
  return Object.hasOwn(NETWORK_INDEX, name) ? (NETWORK_INDEX[name] ?? OTHER) : OTHER;
}

/**
 * Fills `out` from `row` (interning ambassador, content, team and variant) and returns null, or
 * returns the reject reason. Ambassadors are compared case-insensitively (logins and e-mail
 * addresses are, in practice). The CSV fast path (csvsource.ts) applies these same functions,
 * once per distinct raw value.
 */
export function normalize(row: RawRow, zone: Zone, dicts: Dictionaries, out: ShareEvent): Reason | null {
  const ms = parseTimestamp(row.timestamp.trim(), zone);
  if (Number.isNaN(ms)) return 'bad timestamp';
  const event = eventIndex(row.event);
  if (event < 0) return 'unknown event';
  const network = networkIndex(row.network);
  if (network < 0) return 'missing network';
  const contentId = contentIdOf(row.content, dicts);
  if (contentId < 0) return 'missing content';
  out.ms = ms;
  out.day = zone.dayOf(ms);
  out.event = event;
  out.network = network;
  out.contentId = contentId;
  out.content = dicts.contents.names[contentId] as string;
  out.ambId = ambassadorIdOf(row.ambassador, dicts);
  out.ambassador = out.ambId < 0 ? '' : (dicts.ambassadors.names[out.ambId] as string);
  out.teamId = teamIdOf(row.team, dicts);
  out.variantId = variantIdOf(row.variant, dicts);
  return null;
}

/** Interned trimmed content, or -1 when empty (`missing content`). */
export function contentIdOf(value: string, dicts: Dictionaries): number {
  const content = value.trim();
  return content === '' ? -1 : dicts.contents.id(content);
}

/** Interned trimmed, lower-cased ambassador, or -1 (anonymous). */
export function ambassadorIdOf(value: string, dicts: Dictionaries): number {
  const ambassador = value.trim().toLowerCase();
  return ambassador === '' ? -1 : dicts.ambassadors.id(ambassador);
}

/** Interned trimmed team, or -1 (no team). */
export function teamIdOf(value: string, dicts: Dictionaries): number {
  const team = value.trim();
  return team === '' ? -1 : dicts.teams.id(team);
}

export function variantIdOf(value: string, dicts: Dictionaries): number {
  return dicts.variants.id(value.trim());
}
