import { describe, expect, it } from 'vitest';
import { rankEntries } from '../../../src/components/dashboards/leaderboard.ts';

describe('leaderboard ranks', () => {
  it('gives equal shares an equal rank (1, 2, 2, 4), then orders by name', () => {
    const rows = rankEntries([
      { displayName: 'Lucie F.', shares: 4 },
      { displayName: 'Sophie M. (Gien)', shares: 9 },
      { displayName: 'Aurélie P.', shares: 4 },
      { displayName: 'Karim du SAV Nantes', shares: 2 },
    ]);
    expect(rows.map((r) => [r.rank, r.displayName])).toEqual([
      [1, 'Sophie M. (Gien)'],
      [2, 'Aurélie P.'],
      [2, 'Lucie F.'],
      [4, 'Karim du SAV Nantes'],
    ]);
  });

  it('drops a display name that looks like an address', () => {
    expect(rankEntries([{ displayName: 'moi@exemple.fr', shares: 3 }])).toEqual([]);
  });

  it('is empty for nobody', () => {
    expect(rankEntries([])).toEqual([]);
  });
});
