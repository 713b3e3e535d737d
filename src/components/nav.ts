import type { UIKey } from '../i18n/index.ts';

/** The main navigation: label key and path (locale-relative). */
export const navItems: { key: UIKey; path: string }[] = [
  { key: 'nav.cards', path: 'cartes/' },
  { key: 'nav.capsules', path: 'capsules/' },
  { key: 'nav.paths', path: 'parcours/' },
  { key: 'nav.guidelines', path: 'charte/' },
  { key: 'nav.testimonials', path: 'temoignages/' },
  { key: 'nav.agenda', path: 'agenda/' },
  { key: 'nav.challenges', path: 'defis/' },
  { key: 'nav.dashboard', path: 'tableau-de-bord/' },
];
