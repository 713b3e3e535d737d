/**
 * Which of a card's wordings (variants) brings more clicks per share. Rule (docs/sharelog.md,
 * "Verdicts"):
 * - a variant with fewer shares than `minShares` gets no figure: "too few shares to tell";
 * - otherwise its clicks per share gets the exact Poisson (Garwood) interval at `level`
 *   (clicks are counted over the shares as exposure, poisson.ts);
 * - among the variants with enough shares, one is "ahead" when its interval lies wholly above
 *   every other's, "behind" when some other's lies wholly above it, "level" when the intervals
 *   overlap, and "alone" when no other variant has enough shares to compare with.
 * Non-overlap of two 95 % intervals is a stricter test than a 5 % test of the difference: an
 * "ahead" is a strong signal, a "level" is not proof of a tie.
 */

import { type Interval, poissonRateInterval } from './poisson.ts';

export interface VariantCounts {
  variant: string;
  shares: number;
  clicks: number;
}

export type VerdictStatus = 'too-few' | 'alone' | 'ahead' | 'behind' | 'level';

export interface VariantVerdict extends VariantCounts {
  /** Clicks per share; null when there is no share. */
  clicksPerShare: number | null;
  /** The clicks-per-share interval; null under the threshold. */
  interval: Interval | null;
  status: VerdictStatus;
}

export interface VerdictOptions {
  /** Fewest shares for a variant to be judged (settings.minVariantShares). */
  minShares: number;
  /** Confidence level of the intervals, 0.95 by default. */
  level?: number;
}

/** Verdicts of a card's variants, in the order given. */
export function variantVerdicts(variants: readonly VariantCounts[], options: VerdictOptions): VariantVerdict[] {
  const { minShares, level = 0.95 } = options;
  if (!(Number.isInteger(minShares) && minShares >= 1)) {
    throw new RangeError(`variantVerdicts: minShares must be a whole number >= 1, got ${minShares}`);
  }
  const judged = variants.map((v) => ({
    ...v,
    clicksPerShare: v.shares > 0 ? v.clicks / v.shares : null,
    interval: v.shares >= minShares ? poissonRateInterval(v.clicks, v.shares, level) : null,
  }));
  return judged.map((v, i): VariantVerdict => {
    if (!v.interval) return { ...v, status: 'too-few' };
    const own = v.interval;
    const others = judged.filter((o, j) => j !== i && o.interval).map((o) => o.interval as Interval);
    if (others.length === 0) return { ...v, status: 'alone' };
    if (others.every((o) => own.lower > o.upper)) return { ...v, status: 'ahead' };
    if (others.some((o) => o.lower > own.upper)) return { ...v, status: 'behind' };
    return { ...v, status: 'level' };
  });
}
