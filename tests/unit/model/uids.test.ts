import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../../src/model/errors.ts';
import { loadContent } from '../../../src/model/load.ts';
import { validEntries, writeProgramme } from '../../lib/content-fixture.ts';

/** Event uids, the events' identity in calendar apps: present, unique, shared by translations. */
const problemsOf = (changes: Parameters<typeof writeProgramme>[0]) =>
  formatProblems(loadContent(writeProgramme(changes)).problems);
const event = validEntries['events/fr/web-cafe.md'] ?? {};
const uid = String(event.uid);

describe('event uids', () => {
  it('an event without uid is reported with its file', () => {
    expect(problemsOf({ 'events/fr/web-cafe.md': { uid: null } })).toBe(
      'content/events/fr/web-cafe.md: **uid**: requis (string)',
    );
  });

  it('a uid that is not a UUID is reported', () => {
    expect(problemsOf({ 'events/fr/web-cafe.md': { uid: 'web-cafe@relais' } })).toMatch(
      /^content\/events\/fr\/web-cafe\.md: \*\*uid\*\*: .*UUID/i,
    );
  });

  it('a copied file keeping the uid names both files', () => {
    const copy = { ...event, code: 'cafe-bis' };
    expect(problemsOf({ 'events/fr/web-cafe-bis.md': copy })).toBe(
      `content/events/fr/web-cafe.md: **uid**: l’identifiant « ${uid} » est déjà celui de content/events/fr/web-cafe-bis.md : chaque événement a le sien (créez-le dans le CMS plutôt que de copier un fichier)`,
    );
  });

  it('a translation shares the French uid, and only that one', () => {
    const en = { ...event, title: 'Back-to-school web café', summary: 'Half an hour to talk about your first shares.' };
    expect(problemsOf({ 'events/en/web-cafe.md': en })).toBe('');
    expect(problemsOf({ 'events/en/web-cafe.md': { ...en, uid: uid.toUpperCase() } })).toBe('');
    const other = '7d3f1a2b-9c4e-4f6a-8b1d-2e3f4a5b6c7d';
    expect(problemsOf({ 'events/en/web-cafe.md': { ...en, uid: other } })).toBe(
      `content/events/en/web-cafe.md: **uid**: attendu « ${uid} », l’identifiant de content/events/fr/web-cafe.md (une traduction est le même événement)`,
    );
  });
});
