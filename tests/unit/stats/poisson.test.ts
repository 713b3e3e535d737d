import { describe, expect, it } from 'vitest';
import { chiSquareQuantile, gammaP, gammaQuantile, logGamma } from '../../../src/stats/gamma.ts';
import { poissonInterval, poissonRateInterval } from '../../../src/stats/poisson.ts';

describe('gamma functions', () => {
  it('ln Γ matches factorials and Γ(½) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9); // ln(100!)
  });

  it('P(a, x) matches closed forms', () => {
    // Integer shape: P(n, x) = 1 − e^−x Σ_{k<n} x^k / k!
    expect(gammaP(1, 0.7)).toBeCloseTo(1 - Math.exp(-0.7), 14);
    expect(gammaP(3, 2)).toBeCloseTo(1 - Math.exp(-2) * (1 + 2 + 2), 14);
    expect(gammaP(3, 10)).toBeCloseTo(1 - Math.exp(-10) * (1 + 10 + 50), 14); // continued-fraction branch
    expect(gammaP(2, 0)).toBe(0);
  });

  it('chi-square quantiles match the NIST/SEMATECH e-Handbook table 1.3.6.7.4', () => {
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(3.841, 3);
    expect(chiSquareQuantile(0.975, 2)).toBeCloseTo(7.378, 3);
    expect(chiSquareQuantile(0.99, 10)).toBeCloseTo(23.209, 3);
    expect(chiSquareQuantile(0.025, 20)).toBeCloseTo(9.591, 3);
    expect(chiSquareQuantile(0.975, 22)).toBeCloseTo(36.781, 3);
  });

  it('the quantile inverts P', () => {
    for (const a of [0.5, 1, 3.5, 40, 500]) {
      for (const p of [0.001, 0.025, 0.5, 0.975, 0.999]) expect(gammaP(a, gammaQuantile(p, a))).toBeCloseTo(p, 10);
    }
  });

  it('refuses impossible arguments with the value named', () => {
    expect(() => gammaQuantile(1, 2)).toThrow(/0 <= p < 1, got 1/);
    expect(() => gammaP(0, 1)).toThrow(/a > 0, got 0/);
  });
});

describe('Garwood interval', () => {
  // 95 % exact limits for an observed Poisson count, as tabulated by Garwood (1936) and
  // reprinted e.g. in Ulm, Am. J. Epidemiol. 131 (1990) 373-375, table 1; the same figures as
  // R's poisson.test(k)$conf.int. Each row: count, lower, upper.
  const TABLE: Array<[number, number, number]> = [
    [0, 0, 3.689],
    [1, 0.0253, 5.572],
    [2, 0.2422, 7.225],
    [3, 0.6187, 8.767],
    [5, 1.6235, 11.668],
    [10, 4.7954, 18.39],
    [20, 12.2165, 30.8884],
  ];
  it.each(TABLE)('count %i: [%f, %f]', (count, lower, upper) => {
    const got = poissonInterval(count);
    expect(got.lower).toBeCloseTo(lower, 3);
    expect(got.upper).toBeCloseTo(upper, 3);
  });

  it('narrows as the level falls', () => {
    const wide = poissonInterval(10, 0.99);
    const narrow = poissonInterval(10, 0.9);
    expect(wide.lower).toBeLessThan(narrow.lower);
    expect(wide.upper).toBeGreaterThan(narrow.upper);
  });

  it('a rate is the count interval over the exposure', () => {
    // 10 clicks over 40 shares: [4.7954, 18.390] / 40.
    const rate = poissonRateInterval(10, 40);
    expect(rate.lower).toBeCloseTo(4.7954 / 40, 4);
    expect(rate.upper).toBeCloseTo(18.39 / 40, 4);
  });

  it('refuses a fractional count or no exposure', () => {
    expect(() => poissonInterval(2.5)).toThrow(/whole count/);
    expect(() => poissonRateInterval(3, 0)).toThrow(/exposure > 0, got 0/);
  });
});
