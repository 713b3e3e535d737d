import { describe, expect, it } from 'vitest';
import { variantVerdicts } from '../../../src/stats/verdict.ts';

describe('variant verdicts', () => {
  it('says too few under the threshold, and gives no interval', () => {
    const [a, b] = variantVerdicts(
      [
        { variant: 'a', shares: 19, clicks: 30 },
        { variant: 'b', shares: 20, clicks: 2 },
      ],
      { minShares: 20 },
    );
    expect(a?.status).toBe('too-few');
    expect(a?.interval).toBeNull();
    expect(a?.clicksPerShare).toBeCloseTo(30 / 19, 12);
    // b alone has enough shares: an interval, nothing to compare with.
    expect(b?.status).toBe('alone');
    // 2 clicks: Garwood [0.2422, 7.225] (Ulm 1990 table 1), over 20 shares.
    expect(b?.interval?.lower).toBeCloseTo(0.2422 / 20, 4);
    expect(b?.interval?.upper).toBeCloseTo(7.225 / 20, 4);
  });

  it('puts a wording ahead when its interval lies above the others', () => {
    // a: 20 clicks / 20 shares → [12.2165, 30.888] / 20 = [0.611, 1.544]
    // b: 2 clicks / 20 shares  → [0.2422, 7.225] / 20  = [0.012, 0.361]
    // c: 3 clicks / 20 shares  → [0.6187, 8.767] / 20  = [0.031, 0.438]
    const got = variantVerdicts(
      [
        { variant: 'a', shares: 20, clicks: 20 },
        { variant: 'b', shares: 20, clicks: 2 },
        { variant: 'c', shares: 20, clicks: 3 },
      ],
      { minShares: 20 },
    );
    expect(got.map((v) => v.status)).toEqual(['ahead', 'behind', 'behind']);
    expect(got[0]?.interval?.lower).toBeCloseTo(12.2165 / 20, 4);
  });

  it('calls overlapping intervals level', () => {
    // 10 / 40 → [0.120, 0.460]; 5 / 40 → [0.041, 0.292]: they overlap.
    const got = variantVerdicts(
      [
        { variant: 'a', shares: 40, clicks: 10 },
        { variant: 'b', shares: 40, clicks: 5 },
      ],
      { minShares: 30 },
    );
    expect(got.map((v) => v.status)).toEqual(['level', 'level']);
  });

  it('is not ahead when only one of two others lies below', () => {
    // a [0.611, 1.544] is above b [0.012, 0.361] but overlaps d: 15 / 20 → [8.395, 24.74] / 20.
    const got = variantVerdicts(
      [
        { variant: 'a', shares: 20, clicks: 20 },
        { variant: 'b', shares: 20, clicks: 2 },
        { variant: 'd', shares: 20, clicks: 15 },
      ],
      { minShares: 20 },
    );
    expect(got.map((v) => v.status)).toEqual(['level', 'behind', 'level']);
  });

  it('refuses a threshold that is not a whole number >= 1', () => {
    expect(() => variantVerdicts([], { minShares: 0 })).toThrow(/minShares must be a whole number >= 1, got 0/);
  });
});
