import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';

/** A minimal valid programme: one entry per collection, each overridable. */
export const validEntries: Record<string, Record<string, unknown>> = {
  'capsules/fr/premiers-pas.md': {
    title: 'Premiers pas',
    summary: 'Ce que le programme propose, en trois minutes.',
    level: 'debutant',
    duration: 3,
    themes: ['programme'],
    code: 'premiers-pas',
    published: '2026-11-02',
    chapters: [
      { start: '0:00', title: 'Introduction' },
      { start: 75, title: 'La suite' },
    ],
  },
  'paths/fr/demarrer.md': {
    title: 'Démarrer',
    summary: 'Le parcours des nouveaux ambassadeurs.',
    capsules: ['premiers-pas'],
    audience: 'Nouveaux ambassadeurs',
    code: 'demarrer',
  },
  'guidelines/fr/volontariat.md': {
    title: 'Le volontariat',
    summary: 'Personne n’est obligé de participer.',
    category: 'regles',
    order: 1,
    do: ['Participer quand on en a envie'],
  },
  'testimonials/fr/lea.md': {
    name: 'Léa Martin',
    role: 'Technicienne',
    team: 'Maintenance',
    quote: 'Partager notre travail me rend fière de mon équipe.',
    consent: '2026-10-01',
  },
  'cards/fr/salon.md': {
    title: 'Le salon de l’eau',
    theme: 'evenements',
    url: 'https://www.exemple.fr/salon',
    networks: ['linkedin', 'x'],
    variants: [
      { network: 'x', text: 'Rendez-vous au salon de l’eau, stand B12 !' },
      { text: 'Toute l’équipe sera au salon de l’eau : venez nous rencontrer sur le stand B12.' },
    ],
    validFrom: '2026-11-01',
    why: 'Le salon est notre plus grand rendez-vous de l’année.',
  },
  'challenges/fr/novembre.md': {
    title: 'Défi de novembre',
    kind: 'collective',
    reward: 'consumable',
    rewardDescription: 'Un petit-déjeuner pour tous',
    start: '2026-11-01',
    end: '2026-11-30',
    goal: 100,
    scope: { cards: ['salon'] },
  },
  'events/fr/web-cafe.md': {
    title: 'Web-café de rentrée',
    summary: 'Une demi-heure pour échanger sur vos premiers partages.',
    start: '2026-12-03T09:30:00+01:00',
    end: '2026-12-03T10:00:00+01:00',
    kind: 'web-cafe',
    link: 'https://visio.exemple.fr/cafe',
    capsules: ['premiers-pas'],
    uid: '5f0c8d2e-3b1a-4c6e-9f7d-2a4b6c8d0e1f',
    code: 'cafe',
  },
};

export const validSettings = {
  name: 'Relais',
  purpose: 'Donner à chacun les moyens de parler de son métier, librement.',
  sponsor: { name: 'Claire Dumas', role: 'Directrice générale', message: 'Merci de faire vivre le programme.' },
  headcount: 1200,
  siteUrl: 'https://relais.exemple.fr',
};

/**
 * Writes a programme into a fresh temporary folder (`<root>/content/…`), with `changes`
 * applied: `{ 'cards/fr/salon.md': { theme: 'autre' } }` overrides fields; `null` as a field
 * value removes it; a new path adds an entry.
 */
export function writeProgramme(changes: Record<string, Record<string, unknown> | null> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'relais-content-'));
  const write = (rel: string, text: string) => {
    const file = join(root, 'content', rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  write('settings/programme.yaml', stringify(validSettings));
  const files = { ...validEntries };
  for (const [rel, change] of Object.entries(changes)) {
    if (change === null) {
      delete files[rel];
      continue;
    }
    const merged: Record<string, unknown> = { ...(files[rel] ?? {}), ...change };
    for (const [k, v] of Object.entries(change)) if (v === null) delete merged[k];
    files[rel] = merged;
  }
  for (const [rel, data] of Object.entries(files)) write(rel, `---\n${stringify(data)}---\n\nCorps du texte.\n`);
  return root;
}
