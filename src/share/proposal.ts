/**
 * An ambassador's suggestion (`/proposer/`) in the shape editors need: a card front matter
 * ready to paste as a new card (`content/cards/<locale>/<slug>.md`), as a draft, and the
 * `mailto:` link whose body holds it. Runs in the browser (the page's island) and in the tests,
 * so it has no dependency: strings are written as JSON strings, which YAML reads as
 * double-quoted scalars.
 */

export interface Proposal {
  /** A link to share, or an idea of content. */
  kind: 'link' | 'idea';
  title: string;
  /** The public page (for a link); an idea may have none. */
  url: string;
  /** One of the card themes. */
  theme: string;
  /** The suggested post. */
  text: string;
  /** Why it is worth sharing. */
  why: string;
}

/** What an editor still has to write (a card needs two variants, a link and a reason). */
export interface Placeholders {
  /** Public page to put in a card without one (the hub's address). */
  url: string;
  /** Second variant of the text, for the editor to rewrite. */
  secondVariant: string;
  why: string;
}

const q = (s: string) => JSON.stringify(s.trim());

/**
 * The card front matter, between `---` lines: a draft, visible from `today` (YYYY-MM-DD),
 * with the suggestion's text as the first variant.
 * @example cardFrontMatter({ kind: 'link', title: 'Salon', … }, '2026-11-22', placeholders)
 */
export function cardFrontMatter(p: Proposal, today: string, placeholders: Placeholders): string {
  const url = /^https?:\/\/\S+$/.test(p.url.trim()) ? p.url.trim() : placeholders.url;
  const text = p.text.trim().length >= 10 ? p.text : `${p.text.trim()} ${placeholders.secondVariant}`;
  const why = p.why.trim().length >= 10 ? p.why : placeholders.why;
  return [
    '---',
    `title: ${q(p.title.slice(0, 120))}`,
    `theme: ${q(p.theme)}`,
    `url: ${q(url)}`,
    'variants:',
    `  - text: ${q(text)}`,
    `  - text: ${q(placeholders.secondVariant)}`,
    `validFrom: ${today}`,
    `why: ${q(why.slice(0, 400))}`,
    'draft: true',
    '---',
    '',
  ].join('\n');
}

/** The e-mail body: a few words for the editor, then the front matter to paste. */
export function mailBody(p: Proposal, today: string, placeholders: Placeholders, intro: string): string {
  return `${intro}\n\n${cardFrontMatter(p, today, placeholders)}`;
}

/** `mailto:` with subject and body, encoded as RFC 6068 asks (spaces as %20, line breaks CRLF). */
export function mailtoHref(to: string, subject: string, body: string): string {
  const enc = (s: string) =>
    encodeURIComponent(s)
      .replace(/%0A/g, '%0D%0A')
      .replace(/%0D%0D%0A/g, '%0D%0A');
  return `mailto:${to}?subject=${enc(subject)}&body=${enc(body)}`;
}
