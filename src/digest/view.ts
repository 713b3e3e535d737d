import { formatDate, formatShortDateTime } from '../i18n/format.ts';
import { useTranslations } from '../i18n/index.ts';
import { HubLinks } from './links.ts';
import { type DigestContent, mainNetwork } from './select.ts';

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
  const t = useTranslations(c.locale);
  const day = (d: Date) => formatDate(d, c.locale);
  const links = new HubLinks(c.settings, c.locale);
  const card = (x: DigestContent['newCards'][number]): DigestItem => {
    const network = mainNetwork(x.data);
    return {
      title: x.data.title,
      text: x.data.why,
      url: links.card(x.slug),
      ...(x.data.validUntil ? { meta: t('digest.until', { date: day(x.data.validUntil) }) } : {}),
      image: {
        url: x.data.image ? links.asset(x.data.image) : links.cardImage(x.slug),
        alt: x.data.imageAlt ?? t('digest.imageAlt', { title: x.data.title }),
      },
      button: {
        label: t('digest.share', { network: t(`network.${network}`) }),
        url: links.share(x.slug, network),
      },
    };
  };
  const sections: DigestSection[] = [];
  if (c.newCards.length) sections.push({ title: t('digest.newCards'), items: c.newCards.map(card) });
  // Without new cards the section says so in words; with new cards and nothing older, it is left out.
  if (c.validCards.length || !c.newCards.length)
    sections.push({
      title: t('digest.stillValid'),
      ...(c.newCards.length ? {} : { note: t(c.validCards.length ? 'digest.noNewCard' : 'digest.noCard') }),
      items: c.validCards.map(card),
    });
  sections.push({
    title: t('digest.events'),
    ...(c.events.length ? {} : { note: t('digest.noEvent') }),
    items: c.events.map((e) => ({
      title: e.data.title,
      text: e.data.summary,
      url: links.event(e.slug),
      meta: [formatShortDateTime(e.data.start, c.locale), e.data.place].filter(Boolean).join(' · '),
    })),
  });
  if (c.capsule)
    sections.push({
      title: t('digest.capsule'),
      items: [
        {
          title: c.capsule.data.title,
          text: c.capsule.data.summary,
          url: links.capsule(c.capsule.slug),
          meta: t('digest.minutes', { n: c.capsule.data.duration }),
        },
      ],
    });
  if (c.challenge) {
    const { shares } = c.challenge;
    const goal = c.challenge.data.goal;
    sections.push({
      title: t('digest.challenge'),
      items: [
        {
          title: c.challenge.data.title,
          text:
            shares === undefined
              ? t('digest.noProgress')
              : t('digest.progress', {
                  shares,
                  goal,
                  percent: Math.min(100, Math.round((100 * shares) / goal)),
                }),
          url: links.challenge(c.challenge.slug),
          meta: `${day(c.challenge.data.start)} – ${day(c.challenge.data.end)}`,
        },
      ],
    });
  }
  if (c.testimonial)
    sections.push({
      title: t('digest.testimonial'),
      items: [
        {
          title: `${c.testimonial.data.name}, ${c.testimonial.data.role}`,
          text: t('digest.quote', { quote: c.testimonial.data.quote }),
          url: links.testimonial(c.testimonial.slug),
          meta: c.testimonial.data.team,
        },
      ],
    });
  const logo = c.settings.logo && !c.settings.logo.endsWith('.svg') ? c.settings.logo : undefined;
  return {
    week: c.week.id,
    locale: c.locale,
    subject: t('digest.subject', { name: c.settings.name, week: c.week.id }),
    preheader: c.newCards.length ? t('digest.preheader', { n: c.newCards.length }) : t('digest.preheaderNone'),
    intro: t('digest.intro', { week: c.week.id, from: day(c.week.start), to: day(sunday(c.week.end)) }),
    programme: c.settings.name,
    color: c.settings.colors.primary,
    ...(logo ? { logo: { url: links.asset(logo), alt: t('digest.logoAlt', { name: c.settings.name }) } } : {}),
    sections,
    footer: t('digest.footer'),
    hubUrl: links.page(),
    archiveUrl: links.archive(c.week.id),
    archiveLabel: t('digest.archive'),
    hubLabel: t('digest.hub'),
  };
}
