/**
 * A personal challenge's leaderboard as the page shows it. The ingest only lists ambassadors
 * who opted in, under their chosen display name; this adds standard competition ranks
 * (1, 2, 2, 4: equal shares, equal rank) and, as a last guard, drops a display name that looks
 * like an address, since the hub never shows an identifier.
 */
import { looksLikeIdentifier } from './privacy.ts';

export interface LeaderboardEntry {
  displayName: string;
  shares: number;
}

/**
 * @example rankEntries([{ displayName: 'A', shares: 5 }, { displayName: 'B', shares: 5 }])
 * // [{ rank: 1, … }, { rank: 1, … }]
 */
export function rankEntries(entries: readonly LeaderboardEntry[]): (LeaderboardEntry & { rank: number })[] {
  const sorted = entries
    .filter((e) => !looksLikeIdentifier(e.displayName))
    .toSorted((a, b) => b.shares - a.shares || a.displayName.localeCompare(b.displayName));
  return sorted.map((e) => ({ ...e, rank: sorted.findIndex((o) => o.shares === e.shares) + 1 }));
}
