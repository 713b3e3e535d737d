import { describe, expect, it, vi } from 'vitest';

// The lists come from Astro's content layer, which only exists inside a build: three capsules
// whose title order is not their slug order stand in for it.
vi.mock('astro:content', () => ({
  getCollection: async () => [
    { id: 'fr/b-second', data: { title: 'A' } },
    { id: 'fr/a-first', data: { title: 'C' } },
    { id: 'fr/c-third', data: { title: 'B' } },
  ],
}));
const { getLocalized } = await import('../../../src/lib/entries.ts');

describe('getLocalized', () => {
  it('hands every page the same list in slug order, which no page can reorder', async () => {
    const list = await getLocalized('capsules', 'fr');
    expect(list.map((c) => c.slug)).toEqual(['a-first', 'b-second', 'c-third']);
    // A page sorting the shared list in place (the trainer kit sorted it by title) would have
    // reordered the home page's list whenever it was rendered first.
    expect(() => (list as unknown as { sort: (f: unknown) => void }).sort(() => 0)).toThrow(TypeError);
    expect(list.toSorted((a, b) => a.data.title.localeCompare(b.data.title)).map((c) => c.slug)).toEqual([
      'b-second',
      'c-third',
      'a-first',
    ]);
    expect((await getLocalized('capsules', 'fr')).map((c) => c.slug)).toEqual(['a-first', 'b-second', 'c-third']);
  });
});
