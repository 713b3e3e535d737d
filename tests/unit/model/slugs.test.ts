import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderCollections } from '../../../src/model/collections.ts';
import { formatProblems } from '../../../src/model/errors.ts';
import { loadContent } from '../../../src/model/load.ts';
import { reservedSlugs } from '../../../src/model/slugs.ts';
import { validEntries, writeProgramme } from '../../lib/content-fixture.ts';
import { root } from '../../lib/paths.ts';

/** Slug clashes: two entries at one address, or an entry at a page's address, stop the build. */
const problemsOf = (changes: Parameters<typeof writeProgramme>[0]) =>
  formatProblems(loadContent(writeProgramme(changes)).problems);
const pages = join(root, 'src/pages');
const guideline = validEntries['guidelines/fr/volontariat.md'] ?? {};
const card = validEntries['cards/fr/salon.md'] ?? {};

describe('slug clashes', () => {
  it('a guideline named like the printable charter names both files, in each language', () => {
    expect(problemsOf({ 'guidelines/fr/imprimer.md': guideline, 'guidelines/en/imprimer.md': guideline })).toBe(
      [
        'content/guidelines/fr/imprimer.md: le slug « imprimer » est déjà l’adresse de la page src/pages/[...lang]/charte/imprimer (/charte/imprimer/) : renommez le fichier',
        'content/guidelines/en/imprimer.md: le slug « imprimer » est déjà l’adresse de la page src/pages/[...lang]/charte/imprimer (/en/charte/imprimer/) : renommez le fichier',
      ].join('\n'),
    );
  });

  it('a card named like a static route of its section, or index, is refused', () => {
    expect(problemsOf({ 'cards/fr/theme.md': card })).toContain(
      'content/cards/fr/theme.md: le slug « theme » est déjà l’adresse de la page src/pages/[...lang]/cartes/theme (/cartes/theme/)',
    );
    expect(problemsOf({ 'cards/fr/index.md': card })).toContain(
      'content/cards/fr/index.md: le slug « index » est déjà l’adresse de la page src/pages/[...lang]/cartes/index.astro',
    );
  });

  it('a slug field that takes another card’s address names both files', () => {
    expect(problemsOf({ 'cards/fr/autre-salon.md': { ...card, slug: 'fr/salon' } })).toBe(
      'content/cards/fr/salon.md: le slug « salon » est déjà celui de content/cards/fr/autre-salon.md : deux entrées à la même adresse',
    );
  });

  it('a slug field outside its language, or a file name that is no slug, is refused', () => {
    expect(problemsOf({ 'cards/fr/autre.md': { ...card, slug: 'salon' } })).toBe(
      'content/cards/fr/autre.md: **slug**: « salon » : l’adresse d’une entrée est le nom de son fichier ; retirez ce champ (ou écrivez « fr/<minuscules-chiffres-tirets> »)',
    );
    expect(problemsOf({ 'cards/fr/Salon été.md': card })).toBe(
      'content/cards/fr/Salon été.md: nom de fichier « Salon été » : il fait l’adresse de la page, attendu minuscules, chiffres et tirets',
    );
  });

  it('the same slug in another collection or language is no clash', () => {
    expect(problemsOf({ 'capsules/fr/salon.md': validEntries['capsules/fr/premiers-pas.md'] ?? {} })).toContain(
      'le code « premiers-pas » est déjà pris',
    );
    expect(problemsOf({ 'cards/en/salon.md': card })).toBe('');
  });
});

describe('reserved slugs come from src/pages', () => {
  it('every collection’s route is a folder of entry pages', () => {
    for (const [name, c] of Object.entries(folderCollections))
      expect(existsSync(join(pages, '[...lang]', c.route, '[slug].astro')), `${name} → ${c.route}`).toBe(true);
  });

  it('lists the static routes of a section, not its parameters', () => {
    expect([...reservedSlugs(pages, 'charte').keys()].sort()).toEqual(['imprimer', 'index']);
    expect([...reservedSlugs(pages, 'cartes').keys()].sort()).toEqual(['flux.xml', 'index', 'theme']);
    expect([...reservedSlugs(pages, 'agenda').keys()].sort()).toEqual(['index']);
  });

  it('a page added to a section reserves its name at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relais-pages-'));
    const pagesDir = join(dir, 'src/pages');
    mkdirSync(join(pagesDir, '[...lang]/temoignages/carte'), { recursive: true });
    writeFileSync(join(pagesDir, '[...lang]/temoignages/[slug].astro'), '');
    writeFileSync(join(pagesDir, '[...lang]/temoignages/_brouillon.astro'), '');
    writeFileSync(join(pagesDir, '[...lang]/temoignages/lea.astro'), '');
    expect(reservedSlugs(pagesDir, 'temoignages')).toEqual(
      new Map([
        ['carte', 'src/pages/[...lang]/temoignages/carte'],
        ['lea', 'src/pages/[...lang]/temoignages/lea.astro'],
      ]),
    );
    const { problems } = loadContent(writeProgramme(), 'content', pagesDir);
    expect(formatProblems(problems)).toBe(
      'content/testimonials/fr/lea.md: le slug « lea » est déjà l’adresse de la page src/pages/[...lang]/temoignages/lea.astro (/temoignages/lea/) : renommez le fichier',
    );
  });

  it('a missing routes folder is an error, not a skipped check', () => {
    expect(() => loadContent(writeProgramme(), 'content', join(tmpdir(), 'nowhere'))).toThrow(
      'dossier des routes introuvable',
    );
  });
});
