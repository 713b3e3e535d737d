import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { root } from '../../lib/paths.ts';

const settings = `name: Relais
purpose: Un programme d’exemple pour tester les images de partage, avec assez de texte pour deux lignes.
sponsor:
  name: Claire Dumas
  role: Directrice générale
  message: Merci à celles et ceux qui partagent ce que nous faisons de bien.
headcount: 100
colors:
  primary: "#1d4ed8"
  accent: "#9a3412"
logo: /media/logo.svg
siteUrl: https://relais.exemple.fr
`;

const card = (title: string) => `---
title: ${JSON.stringify(title)}
theme: rse
url: https://www.exemple.fr/
variants:
  - text: Une première façon de le dire, assez longue.
  - text: Une deuxième façon de le dire, assez longue.
validFrom: 2026-11-01
why: Parce que c’est une bonne nouvelle à partager.
---
`;

const capsule = `---
title: "Œuvrer à l’écoute : « répondre aux critiques » sans s’énerver"
summary: Une capsule pour apprendre à garder son calme quand un fil s’emballe.
level: debutant
duration: 12
themes: [commentaires]
code: critiques
published: 2026-03-02
---
`;

const event = `---
title: Web-café « commentaires » à Orléans
summary: Trente minutes pour s’entraîner à commenter avec valeur.
start: 2026-12-03T09:30:00+01:00
end: 2026-12-03T10:00:00+01:00
kind: web-cafe
place: Siège d’Orléans
uid: 0b6f3c1e-7a2d-4e5f-8a9b-1c2d3e4f5a6b
code: web-cafe
---
`;

/**
 * A tiny project in a temp folder: settings, the real logo, two French cards (one translated),
 * a draft card, a capsule and an event. Returns its root and a helper to rewrite a file.
 */
export function makeProject() {
  const dir = mkdtempSync(join(tmpdir(), 'relais-og-'));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  write('content/settings/programme.yaml', settings);
  cpSync(join(root, 'public/media/logo.svg'), join(dir, 'public/media/logo.svg'));
  write('content/cards/fr/bilan.md', card('Notre bilan carbone 2026 : –18 % en deux ans'));
  write('content/cards/en/bilan.md', card('Our 2026 carbon report: –18% in two years'));
  write('content/cards/fr/portes.md', card('Portes ouvertes à Gien'));
  write('content/cards/fr/brouillon.md', `${card('Un brouillon')}`.replace('---\n', '---\ndraft: true\n'));
  write('content/capsules/fr/critiques.md', capsule);
  write('content/events/fr/web-cafe.md', event);
  return { dir, write, card };
}
