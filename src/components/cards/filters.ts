import { cardThemes } from '../../model/schemas/card.ts';
import { locales } from '../../model/schemas/common.ts';
import { networks } from '../../model/schemas/networks.ts';

/**
 * The card list's filter dimensions. Each value has a static page (`/cartes/<dim>/<value>/`)
 * so filters work as plain links without JavaScript; with JavaScript, the same links filter
 * the full list in place and combine (see `card-filter.ts`).
 */
export const filterDims = {
  theme: { param: 'theme', values: cardThemes },
  reseau: { param: 'network', values: networks },
  langue: { param: 'lang', values: locales },
  nouveau: { param: 'new', values: ['cette-semaine'] as const },
} as const;
export type FilterDim = keyof typeof filterDims;

/** Whether a card (as its tile's data attributes) matches one filter. */
export function matches(
  card: { theme: string; networks: readonly string[]; lang: string; isNew: boolean },
  dim: FilterDim,
  value: string,
): boolean {
  switch (dim) {
    case 'theme':
      return card.theme === value;
    case 'reseau':
      return card.networks.includes(value);
    case 'langue':
      return card.lang === value;
    case 'nouveau':
      return card.isNew;
  }
}
