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
export type { FilterDim } from './match.ts';
export { matches } from './match.ts';
