import { z } from 'astro/zod';

/** Networks an ambassador can share to from the hub (each has a share intent). */
export const networks = ['linkedin', 'x', 'facebook', 'email', 'teams', 'whatsapp'] as const;
export type Network = (typeof networks)[number];
export const network = () => z.enum(networks);

/**
 * Longest text each network accepts in a post, minus room for the link the hub appends.
 * X counts any URL as 23 characters plus a space, hence 280 - 24.
 */
export const textLimits: Record<Network, number> = {
  linkedin: 3000,
  x: 256,
  facebook: 5000,
  email: 2000,
  teams: 2000,
  whatsapp: 4000,
};

/**
 * The limit a text variant must fit: its own network's, or for a generic variant the
 * strictest among the card's networks that have no dedicated variant (the generic text is
 * what those networks get).
 */
export function variantLimit(
  variant: { network?: Network | undefined },
  cardNetworks: readonly Network[],
  variantNetworks: readonly (Network | undefined)[],
): { limit: number; network: Network } | undefined {
  if (variant.network) return { limit: textLimits[variant.network], network: variant.network };
  const uncovered = cardNetworks.filter((n) => !variantNetworks.includes(n));
  let strictest: { limit: number; network: Network } | undefined;
  for (const n of uncovered) {
    if (!strictest || textLimits[n] < strictest.limit) strictest = { limit: textLimits[n], network: n };
  }
  return strictest;
}
