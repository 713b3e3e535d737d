import { HubLinks } from './links.ts';
import { type DigestContent, mainNetwork } from './select.ts';
import { digestStrings, formatDay, formatWhen, networkNames } from './strings.ts';

/** One line of a section: a card, an event, the capsule… */
export interface DigestItem {
  title: string;
  text: string;
  /** Page of the hub the title links to. */
  url: string;
  /** Small print under the text (dates, duration). */
  meta?: string;
  image?: { url: string; alt: string };
  /** The card's share button, through the hub's share route. */
  button?: { label: string; url: string };
}
export interface DigestSection {
  title: string;
  /** A sentence shown before the items (e.g. "no new card this week"). */
  note?: string;
  items: DigestItem[];
}
/**
 * The digest laid out once, in words and links, for every channel: the HTML e-mail, its plain
 * text, the Teams card and the Slack message all render this and nothing else, so they carry
 * the same content.
 */
export interface DigestView {
  week: string;
  locale: DigestContent['locale'];
  subject: string;
  preheader: string;
  intro: string;
  programme: string;
  color: string;
  logo?: { url: string; alt: string };
  sections: DigestSection[];
  footer: string;
  hubUrl: string;
  archiveUrl: string;
  archiveLabel: string;
  hubLabel: string;
}

const sunday = (d: Date) => new Date(d.getTime() - 86_400_000);

export function digestView(c: DigestContent): DigestView {
  const s = digestStrings[c.locale];
  const links = new HubLinks(c.settings, c.locale);
  const card = (x: DigestContent['newCards'][number]): DigestItem => {
    const network = mainNetwork(x.data);
    return {
      title: x.data.title,
      text: x.data.why,
      url: links.card(x.slug),
      ...(x.data.validUntil ? { meta: s.until(formatDay(x.data.validUntil, c.locale)) } : {}),
      image: {
        url: x.data.image ? links.asset(x.data.image) : links.cardImage(x.slug),
        alt: x.data.imageAlt ?? s.imageAlt(x.data.title),
      },
      button: { label: s.share(networkNames[network]), url: links.share(x.slug, network) },
    };
  };
  const sections: DigestSection[] = [];
  if (c.newCards.length) sections.push({ title: s.newCards, items: c.newCards.map(card) });
  sections.push({
    title: s.stillValid,
    ...(c.newCards.length ? {} : { note: c.validCards.length ? s.noNewCard : s.noCard }),
    items: c.validCards.map(card),
  });
  sections.push({
    title: s.events,
    ...(c.events.length ? {} : { note: s.noEvent }),
    items: c.events.map((e) => ({
      title: e.data.title,
      text: e.data.summary,
      url: links.event(e.slug),
      meta: [formatWhen(e.data.start, c.locale), e.data.place].filter(Boolean).join(' · '),
    })),
  });
  if (c.capsule)
    sections.push({
      title: s.capsule,
      items: [
        {
          title: c.capsule.data.title,
          text: c.capsule.data.summary,
          url: links.capsule(c.capsule.slug),
          meta: s.minutes(c.capsule.data.duration),
        },
      ],
    });
  if (c.challenge) {
    const { shares } = c.challenge;
    const goal = c.challenge.data.goal;
    sections.push({
      title: s.challenge,
      items: [
        {
          title: c.challenge.data.title,
          text:
            shares === undefined
              ? s.noProgress
              : `${s.progress(shares, goal)} (${Math.min(100, Math.round((100 * shares) / goal))} %)`,
          url: links.challenge(c.challenge.slug),
          meta: `${formatDay(c.challenge.data.start, c.locale)} – ${formatDay(c.challenge.data.end, c.locale)}`,
        },
      ],
    });
  }
  if (c.testimonial)
    sections.push({
      title: s.testimonial,
      items: [
        {
          title: `${c.testimonial.data.name}, ${c.testimonial.data.role}`,
          text: c.locale === 'fr' ? `« ${c.testimonial.data.quote} »` : `“${c.testimonial.data.quote}”`,
          url: links.testimonial(c.testimonial.slug),
          meta: c.testimonial.data.team,
        },
      ],
    });
  const logo = c.settings.logo && !c.settings.logo.endsWith('.svg') ? c.settings.logo : undefined;
  return {
    week: c.week.id,
    locale: c.locale,
    subject: s.subject(c.settings.name, c.week.id),
    preheader: s.preheader(c.newCards.length),
    intro: s.intro(c.week.id, formatDay(c.week.start, c.locale), formatDay(sunday(c.week.end), c.locale)),
    programme: c.settings.name,
    color: c.settings.colors.primary,
    ...(logo ? { logo: { url: links.asset(logo), alt: s.logoAlt(c.settings.name) } } : {}),
    sections,
    footer: s.footer,
    hubUrl: links.page(),
    archiveUrl: links.archive(c.week.id),
    archiveLabel: s.archive,
    hubLabel: s.hub,
  };
}
