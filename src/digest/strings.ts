import type { Locale } from '../model/schemas/common.ts';
import type { Network } from '../model/schemas/networks.ts';

/** The digest's words in each locale (e-mail, plain text, Teams, Slack, archive pages). */
const fr = {
  subject: (name: string, week: string) => `${name} · la lettre de la semaine ${week}`,
  preheader: (n: number) =>
    n === 0
      ? 'Pas de nouvelle carte cette semaine : voici celles qui restent à partager.'
      : `${n} nouvelle${n > 1 ? 's' : ''} carte${n > 1 ? 's' : ''} à partager cette semaine.`,
  intro: (week: string, from: string, to: string) => `Semaine ${week}, du ${from} au ${to}.`,
  newCards: 'Nouveau cette semaine',
  noNewCard: 'Pas de nouvelle carte cette semaine. Les cartes ci-dessous sont toujours d’actualité.',
  stillValid: 'Toujours à partager',
  noCard: 'Aucune carte n’est à partager cette semaine : la prochaine lettre en proposera.',
  share: (network: string) => `Partager sur ${network}`,
  see: 'Voir la carte',
  until: (d: string) => `jusqu’au ${d}`,
  events: 'Prochains rendez-vous',
  noEvent: 'Aucun rendez-vous programmé pour le moment.',
  capsule: 'La capsule de la semaine',
  minutes: (n: number) => `${n} min`,
  challenge: 'Défi collectif',
  progress: (shares: number, goal: number) => `${shares} partages sur ${goal}`,
  noProgress: 'progression pas encore mesurée',
  testimonial: 'Ils en parlent',
  footer: 'Vous recevez cette lettre parce que vous êtes inscrit au programme. Le partage reste toujours volontaire.',
  unsubscribe: 'Se désinscrire',
  hub: 'Ouvrir le hub',
  archive: 'Lettres précédentes',
  logoAlt: (name: string) => `Logo ${name}`,
  imageAlt: (title: string) => `Visuel de la carte : ${title}`,
};
type Strings = typeof fr;
const en: Strings = {
  subject: (name, week) => `${name} · this week’s digest ${week}`,
  preheader: (n) =>
    n === 0
      ? 'No new card this week: here are the ones still worth sharing.'
      : `${n} new card${n > 1 ? 's' : ''} to share this week.`,
  intro: (week, from, to) => `Week ${week}, ${from} to ${to}.`,
  newCards: 'New this week',
  noNewCard: 'No new card this week. The cards below are still current.',
  stillValid: 'Still worth sharing',
  noCard: 'No card is open for sharing this week: the next digest will bring some.',
  share: (network) => `Share on ${network}`,
  see: 'See the card',
  until: (d) => `until ${d}`,
  events: 'Coming up',
  noEvent: 'No event scheduled yet.',
  capsule: 'Capsule of the week',
  minutes: (n) => `${n} min`,
  challenge: 'Collective challenge',
  progress: (shares, goal) => `${shares} shares out of ${goal}`,
  noProgress: 'progress not measured yet',
  testimonial: 'In their words',
  footer: 'You receive this digest because you joined the programme. Sharing always stays voluntary.',
  unsubscribe: 'Unsubscribe',
  hub: 'Open the hub',
  archive: 'Past digests',
  logoAlt: (name) => `${name} logo`,
  imageAlt: (title) => `Visual of the card: ${title}`,
};
export const digestStrings: Record<Locale, Strings> = { fr, en };

/** Network names as readers know them. */
export const networkNames: Record<Network, string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  email: 'e-mail',
  teams: 'Teams',
  whatsapp: 'WhatsApp',
};

/** `7 décembre 2026` / `7 December 2026`, in UTC. */
export const formatDay = (d: Date, locale: Locale) =>
  d.toLocaleDateString(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** `mar. 8 déc., 10:00` in the programme's time zone (Europe/Paris). */
export const formatWhen = (d: Date, locale: Locale) =>
  d.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Paris',
  });
