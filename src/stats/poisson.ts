/**
 * Exact (Garwood, 1936) confidence interval for a Poisson count, and for a rate per exposure.
 * For k events observed, the two-sided 1 − α interval of the mean is
 *   lower = ½ χ²(α/2; 2k)        (0 when k = 0)
 *   upper = ½ χ²(1 − α/2; 2k + 2)
 * i.e. the α/2 quantile of gamma(k, 1) and the 1 − α/2 quantile of gamma(k + 1, 1). It is
 * "exact" in that its coverage is never below 1 − α (conservative, since counts are discrete).
 * Dividing by the exposure (here: shares) gives the interval of the rate (clicks per share).
 */

import { gammaQuantile } from './gamma.ts';

export interface Interval {
  lower: number;
  upper: number;
}

/** Garwood interval of a Poisson mean from `count` events; `level` is 1 − α (0.95 by default). */
export function poissonInterval(count: number, level = 0.95): Interval {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`poissonInterval: expected a whole count >= 0, got ${count}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`poissonInterval: expected 0 < level < 1, got ${level}`);
  const alpha = 1 - level;
  return {
    lower: count === 0 ? 0 : gammaQuantile(alpha / 2, count),
    upper: gammaQuantile(1 - alpha / 2, count + 1),
  };
}

/** Garwood interval of a rate: `count` events over `exposure` units (> 0). */
export function poissonRateInterval(count: number, exposure: number, level = 0.95): Interval {
  if (!(exposure > 0)) throw new RangeError(`poissonRateInterval: expected exposure > 0, got ${exposure}`);
  const { lower, upper } = poissonInterval(count, level);
  return { lower: lower / exposure, upper: upper / exposure };
}
