import type { Network } from '../model/schemas/networks.ts';

export interface Variant {
  network?: Network | undefined;
  text: string;
}

/** The text as posted: the variant's words followed by the card's hashtags. */
export function postText(text: string, hashtags: readonly string[]): string {
  const tags = hashtags.map((h) => `#${h}`).filter((h) => !text.includes(h));
  return tags.length ? `${text}\n\n${tags.join(' ')}` : text;
}

/**
 * The variant a network gets when nothing else is known (no JavaScript, or no choice made):
 * its own variant if the card has one, else the first generic one. 0-based.
 */
export function defaultVariantFor(variants: readonly Variant[], network: Network): number {
  const own = variants.findIndex((v) => v.network === network);
  if (own >= 0) return own;
  const generic = variants.findIndex((v) => !v.network);
  return Math.max(generic, 0);
}

/**
 * The variant offered first to a visitor: a stable pick from the visitor's random seed and
 * the card id, so that colleagues opening the same card see different wordings (no
 * "parrot effect" of identical posts) while each visitor keeps seeing the same one.
 */
export function firstVariant(seed: number, cardId: string, count: number): number {
  // FNV-1a of the card id, mixed with the seed through MurmurHash3's finaliser: every bit of
  // the seed moves the result, so consecutive or patterned seeds still spread evenly.
  let h = 0x811c9dc5;
  for (let i = 0; i < cardId.length; i++) h = Math.imul(h ^ cardId.charCodeAt(i), 0x01000193);
  h = (h ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h = (h ^ (h >>> 16)) >>> 0;
  return count > 0 ? h % count : 0;
}
