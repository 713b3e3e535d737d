import type { Problem } from './errors.ts';
import type { LoadedEntry } from './types.ts';

/**
 * An event's `uid` is its identity in every subscriber's calendar: two events sharing one would
 * merge into a single calendar entry (a copied file keeps its uid), and a translation with
 * another uid would show as a second event in English calendars. The French entry owns it.
 */
export function checkEventUids(entries: readonly LoadedEntry[]): Problem[] {
  const events = entries.filter((e) => e.collection === 'events');
  const uidOf = (e: LoadedEntry) => (e.data as { uid?: string }).uid?.toLowerCase();
  const french = new Map(events.filter((e) => e.locale === 'fr').map((e) => [e.slug, e]));
  const owners = new Map<string, LoadedEntry>();
  const problems: Problem[] = [];
  for (const e of french.values()) {
    const uid = uidOf(e);
    if (!uid) continue;
    const owner = owners.get(uid);
    if (owner)
      problems.push({
        file: e.file,
        field: 'uid',
        message: `l’identifiant « ${uid} » est déjà celui de ${owner.file} : chaque événement a le sien (créez-le dans le CMS plutôt que de copier un fichier)`,
      });
    else owners.set(uid, e);
  }
  for (const e of events.filter((x) => x.locale !== 'fr')) {
    const source = french.get(e.slug);
    const uid = uidOf(e);
    if (source && uid && uid !== uidOf(source))
      problems.push({
        file: e.file,
        field: 'uid',
        message: `attendu « ${uidOf(source)} », l’identifiant de ${source.file} (une traduction est le même événement)`,
      });
  }
  return problems;
}
