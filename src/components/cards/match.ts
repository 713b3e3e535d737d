/**
 * The filter test shared by the static filter pages and the in-browser filter. Kept apart
 * from `filters.ts` so that the browser bundle does not pull in the content schemas.
 */
export type FilterDim = 'theme' | 'reseau' | 'langue' | 'nouveau';

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
