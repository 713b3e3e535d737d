import { describe, expect, it } from 'vitest';
import { intentUrl } from '../../../src/share/intents.ts';
import { withUtm } from '../../../src/share/utm.ts';
import { defaultVariantFor, firstVariant, postText } from '../../../src/share/variants.ts';

describe('share links', () => {
  it('tags the public link with the UTM parameters, keeping its own query', () => {
    const url = new URL(withUtm('https://www.exemple.fr/offre?ref=a#haut', 'linkedin', 'salon', 2));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      ref: 'a',
      utm_source: 'linkedin',
      utm_medium: 'ambassador',
      utm_campaign: 'salon',
      utm_content: 'v2',
    });
    expect(url.hash).toBe('#haut');
  });

  it('prefills the text where the network accepts it, and only the link elsewhere', () => {
    const input = { url: 'https://exemple.fr/a?b=1', text: 'Bonjour & à bientôt #eau', subject: 'Sujet' };
    const x = new URL(intentUrl('x', input));
    expect(x.origin + x.pathname).toBe('https://x.com/intent/post');
    expect(x.searchParams.get('text')).toBe(input.text);
    expect(x.searchParams.get('url')).toBe(input.url);
    const li = new URL(intentUrl('linkedin', input));
    expect([...li.searchParams.keys()]).toEqual(['url']);
    expect(new URL(intentUrl('facebook', input)).searchParams.get('u')).toBe(input.url);
    expect(new URL(intentUrl('whatsapp', input)).searchParams.get('text')).toBe(`${input.text} ${input.url}`);
    expect(new URL(intentUrl('teams', input)).searchParams.get('msgText')).toBe(input.text);
    const mail = intentUrl('email', input);
    expect(mail.startsWith('mailto:?subject=Sujet&body=')).toBe(true);
    expect(decodeURIComponent(mail.split('body=')[1] ?? '')).toBe(`${input.text}\n\n${input.url}`);
  });

  it('appends hashtags that the text does not already carry', () => {
    expect(postText('Un texte #eau', ['eau', 'innovation'])).toBe('Un texte #eau\n\n#innovation');
    expect(postText('Sans tags', [])).toBe('Sans tags');
  });

  it('gives each network its own variant, else the first generic one', () => {
    const variants = [{ network: 'linkedin' as const, text: 'L' }, { text: 'G' }, { network: 'x' as const, text: 'X' }];
    expect(defaultVariantFor(variants, 'x')).toBe(2);
    expect(defaultVariantFor(variants, 'email')).toBe(1);
  });

  it('spreads visitors over the variants, stably per visitor', () => {
    const counts = [0, 0, 0];
    for (let seed = 1; seed <= 3000; seed++) {
      const i = firstVariant(seed * 2654435761, 'salon', 3);
      counts[i] = (counts[i] ?? 0) + 1;
    }
    for (const c of counts) expect(c).toBeGreaterThan(800);
    expect(firstVariant(42, 'salon', 3)).toBe(firstVariant(42, 'salon', 3));
    // The same visitor does not get the same position on every card.
    const positions = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((card) => firstVariant(42, card, 3)));
    expect(positions.size).toBeGreaterThan(1);
  });
});
