/**
 * The gamma distribution's quantile, for exact Poisson intervals (poisson.ts). No package in
 * node_modules provides it, so it is written here from a cited algorithm:
 * - ln Γ(a): Lanczos approximation, g = 7, n = 9 coefficients (the set published with
 *   Godfrey's note, also in Numerical Recipes 3rd ed. §6.1); relative error below 1e-15;
 * - P(a, x), the regularised lower incomplete gamma: Numerical Recipes 3rd ed. (Press et al.,
 *   2007) §6.2: its series for x < a + 1, Lentz's continued fraction for Q = 1 − P otherwise;
 * - the quantile: P is increasing in x, so it is inverted by Newton steps (dP/dx is the gamma
 *   density) kept inside a bisection bracket, to 1e-13 relative (NR §6.2.1 does the same with
 *   Halley steps).
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(a) for a > 0. */
export function logGamma(a: number): number {
  if (!(a > 0)) throw new RangeError(`logGamma: expected a > 0, got ${a}`);
  if (a < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a); // reflection
  const z = a - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPS = 1e-16;
const MAX_STEPS = 10_000;

/** P(a, x) = γ(a, x) / Γ(a), the gamma(a, 1) distribution function, for a > 0, x ≥ 0. */
export function gammaP(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`gammaP: expected a > 0, got ${a}`);
  if (!(x >= 0)) throw new RangeError(`gammaP: expected x >= 0, got ${x}`);
  if (x === 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    // Series: γ(a,x) e^x x^-a = Σ Γ(a) / Γ(a+1+n) x^n.
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let n = 0; n < MAX_STEPS; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) return Math.min(1, sum * front);
    }
    throw new Error(`gammaP: series did not converge for a=${a}, x=${x}`);
  }
  // Continued fraction for Q(a, x), modified Lentz.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_STEPS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) return Math.max(0, 1 - front * h);
  }
  throw new Error(`gammaP: continued fraction did not converge for a=${a}, x=${x}`);
}

/** The x with P(a, x) = p: the p-quantile of gamma(shape a, scale 1), for a > 0, 0 ≤ p < 1. */
export function gammaQuantile(p: number, a: number): number {
  if (!(p >= 0 && p < 1)) throw new RangeError(`gammaQuantile: expected 0 <= p < 1, got ${p}`);
  if (!(a > 0)) throw new RangeError(`gammaQuantile: expected a > 0, got ${a}`);
  if (p === 0) return 0;
  // Bracket [lo, hi] with P(lo) < p <= P(hi).
  let lo = 0;
  let hi = Math.max(1, a);
  while (gammaP(a, hi) < p) {
    lo = hi;
    hi *= 2;
  }
  const lga = logGamma(a);
  let x = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const f = gammaP(a, x) - p;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp(-x + (a - 1) * Math.log(x) - lga);
    let next = density > 0 ? x - f / density : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2; // Newton left the bracket: bisect
    if (Math.abs(next - x) <= 1e-13 * Math.max(1, next) || hi - lo <= 1e-15 * Math.max(1, hi)) return next;
    x = next;
  }
  return x;
}

/** The p-quantile of the chi-square distribution with `df` degrees of freedom (= 2 × gamma(df/2)). */
export const chiSquareQuantile = (p: number, df: number) => 2 * gammaQuantile(p, df / 2);
