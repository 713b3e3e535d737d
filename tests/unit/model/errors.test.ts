import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../../src/model/errors.ts';
import { loadContent } from '../../../src/model/load.ts';
import { writeProgramme } from '../../lib/content-fixture.ts';

/** Loads a programme with `changes` and returns its problems as the build prints them. */
const problemsOf = (changes: Parameters<typeof writeProgramme>[0]) =>
  formatProblems(loadContent(writeProgramme(changes)).problems);

describe('content errors name the file, the field and what was expected', () => {
  it('accepts the minimal valid programme', () => {
    const { entries, problems } = loadContent(writeProgramme());
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(7);
  });

  it('rejects a bad level', () => {
    expect(problemsOf({ 'capsules/fr/premiers-pas.md': { level: 'expert' } })).toMatchInlineSnapshot(
      `"content/capsules/fr/premiers-pas.md: **level**: attendu l’une des valeurs "debutant", "intermediaire", "avance""`,
    );
  });

  it('rejects a testimonial without recorded consent', () => {
    expect(problemsOf({ 'testimonials/fr/lea.md': { consent: null } })).toMatchInlineSnapshot(
      `"content/testimonials/fr/lea.md: **consent**: requis (date)"`,
    );
  });

  it('rejects a dangling reference', () => {
    expect(problemsOf({ 'paths/fr/demarrer.md': { capsules: ['premiers-pas', 'inconnue'] } })).toMatchInlineSnapshot(
      `"content/paths/fr/demarrer.md: **capsules.1**: « inconnue » ne correspond à aucune entrée de capsules"`,
    );
    expect(problemsOf({ 'challenges/fr/novembre.md': { scope: { cards: ['disparue'] } } })).toContain(
      'content/challenges/fr/novembre.md: **scope.cards.0**: « disparue »',
    );
  });

  it('rejects a text variant over its network’s limit', () => {
    const long = 'a'.repeat(257);
    expect(
      problemsOf({
        'cards/fr/salon.md': { variants: [{ network: 'x', text: long }, { text: 'Une autre formulation.' }] },
      }),
    ).toMatchInlineSnapshot(
      `"content/cards/fr/salon.md: **variants.0.text**: 257 caractères, au-delà de la limite de x (256)"`,
    );
  });

  it('holds a generic variant to the strictest network it serves', () => {
    const long = 'b'.repeat(300);
    const card = {
      networks: ['linkedin', 'x'],
      variants: [{ network: 'linkedin', text: 'Texte pour LinkedIn.' }, { text: long }],
    };
    expect(problemsOf({ 'cards/fr/salon.md': card })).toContain(
      '**variants.1.text**: 300 caractères, au-delà de la limite de x (256)',
    );
    // Once X has its own variant, the generic text only serves LinkedIn (3,000 characters).
    const covered = { ...card, variants: [...card.variants, { network: 'x', text: 'Court pour X.' }] };
    expect(problemsOf({ 'cards/fr/salon.md': covered })).toBe('');
  });

  it('rejects a short code used twice, naming both files', () => {
    expect(problemsOf({ 'events/fr/web-cafe.md': { aliases: ['demarrer'] } })).toMatchInlineSnapshot(
      `"content/events/fr/web-cafe.md: **aliases.0**: le code « demarrer » est déjà pris par content/paths/fr/demarrer.md (code)"`,
    );
  });

  it('lets translations of one entry share their codes', () => {
    const en = {
      title: 'First steps',
      summary: 'What the programme offers, in three minutes.',
      level: 'debutant',
      duration: 3,
      themes: ['programme'],
      code: 'premiers-pas',
      published: '2026-11-02',
    };
    expect(problemsOf({ 'capsules/en/premiers-pas.md': en })).toBe('');
  });

  it('reports unreadable YAML with its position', () => {
    const root = writeProgramme();
    writeFileSync(`${root}/content/guidelines/fr/cassee.md`, '---\ntitle: Deux : points\n  mal: indentés\n---\n');
    expect(formatProblems(loadContent(root).problems)).toMatch(
      /^content\/guidelines\/fr\/cassee\.md: front matter YAML illisible : ligne 2, colonne 13 : bad indentation of a mapping entry/,
    );
  });
});
