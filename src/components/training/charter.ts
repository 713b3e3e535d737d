import { type GuidelineCategory, guidelineCategories } from '../../model/schemas/guideline.ts';

/**
 * The charter's reading order: categories in the order the schema lists them (rules first,
 * FAQ last), then each guideline's `order`, then its title so that ties stay stable.
 */
export function charterOrder<T extends { data: { category: GuidelineCategory; order: number; title: string } }>(
  guidelines: readonly T[],
): T[] {
  const rank = (c: GuidelineCategory) => guidelineCategories.indexOf(c);
  return [...guidelines].sort(
    (a, b) =>
      rank(a.data.category) - rank(b.data.category) ||
      a.data.order - b.data.order ||
      a.data.title.localeCompare(b.data.title),
  );
}

/** The charter in sections: each category with its guidelines, empty categories left out. */
export function charterSections<T extends { data: { category: GuidelineCategory; order: number; title: string } }>(
  guidelines: readonly T[],
): { category: GuidelineCategory; items: T[] }[] {
  const ordered = charterOrder(guidelines);
  return guidelineCategories
    .map((category) => ({ category, items: ordered.filter((g) => g.data.category === category) }))
    .filter((s) => s.items.length > 0);
}
