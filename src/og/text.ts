/**
 * Scripts the shipped Inter draws: Latin with its extensions and diacritics, Greek, Cyrillic,
 * punctuation, currency and arrows. Anything else (an emoji, a CJK character) would make
 * @vercel/og fetch a fallback font or emoji from the network in the middle of the build: it is
 * dropped instead.
 */
const covered: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x250, 0x36f],
  [0x370, 0x52f],
  [0x1e00, 0x1eff],
  [0x2000, 0x205f],
  [0x20a0, 0x20c0],
  [0x2100, 0x21ff],
];

const isCovered = (cp: number) => covered.some(([from, to]) => cp >= from && cp <= to);

/**
 * Text ready for the fonts: runs of white space collapsed (a narrow no-break space U+202F or
 * a no-break space U+00A0 is kept as it is, so `Ligéral :` never breaks before the colon),
 * characters the fonts lack dropped.
 * @example fitText('Prêts ? 🚀  Partez') // "Prêts ? Partez"
 */
export function fitText(text: string): string {
  return [...text.normalize('NFC')]
    .filter((c) => isCovered(c.codePointAt(0) ?? 0) || c === '\n')
    .join('')
    .replace(/[ \t\n]+/g, ' ')
    .trim();
}

/**
 * French spacing made right: the plain space an editor types before `: ; ! ? » %` and after `«`
 * becomes a narrow no-break space (U+202F), so a line never starts with a colon or a lone
 * guillemet (nor with `%` cut from its number). Other languages are left as they are.
 * @example frenchSpacing('Prêts ? « Oui »') // "Prêts ? « Oui »"
 */
export function frenchSpacing(text: string, lang: string): string {
  if (lang !== 'fr') return text;
  return text.replace(/[  ]+([:;!?»])/g, ' $1').replace(/«[  ]+/g, '« ');
}

/**
 * Wraps a quotation the way each language does: French « guillemets » with narrow no-break
 * spaces inside, English “curly quotes”.
 */
export function quoted(text: string, lang: string): string {
  return lang === 'fr' ? `«\u202f${text}\u202f»` : `“${text}”`;
}
