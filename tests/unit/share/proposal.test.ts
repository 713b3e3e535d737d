import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/model/frontmatter.ts';
import { cardSchema } from '../../../src/model/schemas/card.ts';
import { cardFrontMatter, mailBody, mailtoHref, type Proposal } from '../../../src/share/proposal.ts';

const placeholders = {
  url: 'https://relais.intranet.exemple.fr/',
  secondVariant: 'Deuxième texte à écrire par l’équipe éditoriale.',
  why: 'À compléter : pourquoi partager ce contenu.',
};
const link: Proposal = {
  kind: 'link',
  title: 'Notre station de Gien: « 30 ans » #eau',
  url: 'https://www.exemple.fr/gien',
  theme: 'rse',
  text: 'Trente ans que la station de Gien traite l’eau de 40 000 habitants.\nBravo à l’équipe !',
  why: 'Un anniversaire dont la presse locale parle.',
};

/** The body of a mailto: link, decoded as a mail client does. */
const bodyOf = (href: string) => decodeURIComponent(href.split('&body=')[1] ?? '');

describe('a suggestion as a ready card', () => {
  it('its front matter, read back from the decoded mailto body, passes the card schema', () => {
    const href = mailtoHref(
      'propositions@exemple.fr',
      '[Relais] Proposition',
      mailBody(link, '2026-11-22', placeholders, 'Bonjour,'),
    );
    const body = bodyOf(href).replace(/\r\n/g, '\n');
    const fm = body.slice(body.indexOf('---'));
    const { data } = splitFrontmatter(fm);
    const parsed = cardSchema.safeParse(data);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toMatchObject({
      title: link.title,
      url: link.url,
      theme: 'rse',
      draft: true,
      variants: [{ text: link.text }, { text: placeholders.secondVariant }],
    });
    expect(parsed.data?.validFrom.toISOString().slice(0, 10)).toBe('2026-11-22');
  });

  it('an idea without a link or reason still gives a valid draft, with the placeholders to replace', () => {
    const idea: Proposal = {
      kind: 'idea',
      title: 'Visite',
      url: '',
      theme: 'marque-employeur',
      text: 'Portes ouvertes',
      why: '',
    };
    const { data } = splitFrontmatter(cardFrontMatter(idea, '2026-11-22', placeholders));
    const parsed = cardSchema.parse(data);
    expect(parsed.url).toBe(placeholders.url);
    expect(parsed.why).toBe(placeholders.why);
  });

  it('encodes subject and body for mail clients: CRLF line breaks, no raw spaces or ampersands', () => {
    const href = mailtoHref('a@exemple.fr', 'Idée & lien', 'ligne 1\nligne 2');
    expect(href).toBe('mailto:a@exemple.fr?subject=Id%C3%A9e%20%26%20lien&body=ligne%201%0D%0Aligne%202');
  });
});
