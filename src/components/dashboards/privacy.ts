/**
 * Defence in depth for what the dashboards show. The ingest already drops teams under k and
 * any value equal to an ambassador id; the pages check again, because a page that leaks a name
 * cannot be unpublished from everyone's cache, whereas a missing row costs nothing.
 */

/** Anything with an `@` could be an address or a handle: never a label on the hub. */
export const looksLikeIdentifier = (value: string) => value.includes('@');

/**
 * The teams a page may name: at least `k` active ambassadors and a name that is not an
 * identifier. Order is kept (the ingest sorts by shares).
 * @example visibleTeams([{ team: 'IT', shares: 9, activeAmbassadors: 4 }], 5) // []
 */
export function visibleTeams<T extends { team: string; activeAmbassadors: number }>(
  teams: readonly T[],
  k: number,
): T[] {
  return teams.filter((t) => t.activeAmbassadors >= k && t.team.trim() !== '' && !looksLikeIdentifier(t.team));
}

/**
 * Active ambassadors as a share of the headcount (0.175 for 17.5 %), or `null` when the
 * headcount is unknown. Not capped: a rate above 100 % says the headcount setting is stale.
 */
export function activeRate(active: number, headcount: number | undefined): number | null {
  if (!headcount || headcount <= 0 || !Number.isFinite(headcount)) return null;
  return active / headcount;
}
