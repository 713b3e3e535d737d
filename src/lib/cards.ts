import type { CardData } from '../model/schemas/card.ts';
import { isNewThisWeek, now } from './now.ts';

export type CardStatus = 'upcoming' | 'active' | 'expired';

/** Where a card stands today: not listed yet, listed, or past its `validUntil` day. */
export function cardStatus(card: Pick<CardData, 'validFrom' | 'validUntil'>, at: Date = now): CardStatus {
  if (card.validFrom > at) return 'upcoming';
  // `validUntil` is a day: the card stays listed until that day ends.
  if (card.validUntil && card.validUntil.getTime() + 24 * 3600 * 1000 <= at.getTime()) return 'expired';
  return 'active';
}

/** Listed cards are the active ones, newest first. */
export function listed<T extends { data: CardData }>(cards: readonly T[], at: Date = now): T[] {
  return cards
    .filter((c) => cardStatus(c.data, at) === 'active')
    .sort((a, b) => b.data.validFrom.getTime() - a.data.validFrom.getTime());
}

/** New this week: listed and made visible in the last seven days. */
export const isNewCard = (card: CardData, at: Date = now) =>
  cardStatus(card, at) === 'active' && isNewThisWeek(card.validFrom, at);
