import { rmSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { loadContent } from '../../../src/model/load.ts';
import { settingsSchema } from '../../../src/model/schemas/settings.ts';
import { entryContent } from '../../../src/og/describe.ts';
import { ogJobs } from '../../../src/og/jobs.ts';
import { makeProject } from './fixture.ts';

const project = makeProject();
afterAll(() => rmSync(project.dir, { recursive: true, force: true }));
const settings = settingsSchema.parse({
  name: 'Relais',
  purpose: 'Un programme d’exemple, assez long pour le schéma.',
  sponsor: { name: 'Claire', role: 'DG', message: 'Un message assez long.' },
  headcount: 10,
  siteUrl: 'https://relais.exemple.fr',
});

describe('which images a build produces', () => {
  const { entries, problems } = loadContent(project.dir);
  const jobs = ogJobs(entries, settings);
  const byFile = new Map(jobs.map((j) => [j.file, j]));

  test('the fixture is valid', () => {
    expect(problems).toEqual([]);
  });

  test('every entry in both locales, square visuals for cards, a default per locale, no drafts', () => {
    expect(jobs.map((j) => j.file).sort()).toEqual([
      'og/capsule/en/critiques.png',
      'og/capsule/fr/critiques.png',
      'og/card-square/en/bilan.png',
      'og/card-square/en/portes.png',
      'og/card-square/fr/bilan.png',
      'og/card-square/fr/portes.png',
      'og/card/en/bilan.png',
      'og/card/en/portes.png',
      'og/card/fr/bilan.png',
      'og/card/fr/portes.png',
      'og/default/en/site.png',
      'og/default/fr/site.png',
      'og/event/en/web-cafe.png',
      'og/event/fr/web-cafe.png',
    ]);
    expect(byFile.get('og/card-square/fr/bilan.png')?.format).toBe('square');
  });

  test('an English page uses the translation, else the French text with French labels', () => {
    expect(byFile.get('og/card/en/bilan.png')?.content).toMatchObject({ lang: 'en', label: 'Card', details: ['CSR'] });
    expect(byFile.get('og/card/en/portes.png')?.content).toMatchObject({
      lang: 'fr',
      label: 'Carte',
      title: 'Portes ouvertes à Gien',
    });
    expect(byFile.get('og/card/en/portes.png')?.content).toEqual(byFile.get('og/card/fr/portes.png')?.content);
  });
});

describe('what an image shows', () => {
  test('a capsule: duration and level, French spacing fixed', () => {
    const content = entryContent(
      'capsules',
      { title: 'Prêts ? « Oui » : partez', summary: 'Un résumé.', duration: 12, level: 'debutant' },
      'fr',
    );
    expect(content).toMatchObject({ label: 'Capsule', title: 'Prêts\u202f? «\u202fOui\u202f»\u202f: partez' });
    expect(content.details).toEqual(['12 min', 'Débutant']);
  });

  test('an event: kind, date and time in Paris, place', () => {
    const data = {
      title: 'Web-café',
      summary: 'Un résumé.',
      kind: 'web-cafe',
      start: new Date('2026-12-03T08:30:00Z'),
      place: 'Orléans',
    };
    expect(entryContent('events', data, 'fr').details).toEqual([
      'Web-café',
      'jeudi 3 décembre 2026 à 09:30',
      'Orléans',
    ]);
    expect(entryContent('events', data, 'en').details).toEqual([
      'Web café',
      'Thursday, 3 December 2026 at 09:30',
      'Orléans',
    ]);
  });

  test('a testimonial is quoted the way its language quotes', () => {
    const data = { name: 'Karim', role: 'Technicien', team: 'Gien', quote: 'Je raconte mon métier.' };
    expect(entryContent('testimonials', data, 'fr').title).toBe('«\u202fJe raconte mon métier.\u202f»');
    expect(entryContent('testimonials', data, 'en').title).toBe('“Je raconte mon métier.”');
  });

  test('characters the fonts lack (emoji) are dropped, so nothing is fetched at build time', () => {
    const content = entryContent('cards', { title: 'Cap sur 2027 🚀  avec  nous', theme: 'rse' }, 'fr');
    expect(content.title).toBe('Cap sur 2027 avec nous');
  });
});
