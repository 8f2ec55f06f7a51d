/**
 * Exact binomial / Poisson rate tests and control charts.
 *
 * Reference values (printed R output, with the number of digits R printed; see
 * tests/fixtures/stats-temporal/README.md for the full provenance):
 * - poisson.test(c(2, 13), c(5, 5)): count1 = 2, expected count1 = 7.5, p-value = 0.007385,
 *   95% CI 0.01685531 0.67955077, rate ratio 0.1538462 —
 *   https://stats.stackexchange.com/questions/547389
 * - binom.test(2, 12): p-value = 0.03857, 95% CI 0.02086253 0.48413775 —
 *   https://gist.github.com/johnmyleswhite/a5f5048a5249b9b91e90302c4e6f00df
 * - binom.test(9942, 10000, p = .993, alternative = "greater"): p-value = 0.08086,
 *   95% CI 0.9927874 1.0000000 — https://pastebin.com/Etam6UG8
 * - R's pbinom via the test suite of the ANSM5 package (Spencer, "Applied Nonparametric
 *   Statistical Methods", 5th ed.; github.com/neilhspencer/ANSM5,
 *   tests/testthat/test-binom.R), whose two-sided exact p-value uses the same
 *   minimum-likelihood definition: binom(15, 20, .5) 0.041389465, binom(13, 32, .25)
 *   0.062912758, binom(6, 18, .5) 0.23788452; Clopper-Pearson binom(3, 20) 0.03207–0.37893
 *   (found there on a 1e-5 grid, hence the tolerance).
 * Independent check: `directTwoSided` below sums the binomial mass in log space from
 * log-factorials (Kahan-summed logs), written separately from binomial.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  binomialCdf,
  binomialPmf,
  binomialTest,
  binomialUpperTail,
  clopperPearson,
  logBinomialPmf,
  logGamma,
  regularizedIncompleteBeta,
} from '../../src/lib/analysis/binomial';
import {
  classifyAgainstLimits,
  compareRates,
  computeCChartLimits,
  computeUChartLimits,
} from '../../src/lib/analysis/rate-test';

/** ln k! for k = 0..n, by Kahan-compensated summation of ln k. */
function logFactorials(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  let sum = 0;
  let carry = 0;
  for (let k = 1; k <= n; k++) {
    const y = Math.log(k) - carry;
    const t = sum + y;
    carry = t - sum - y;
    sum = t;
    out[k] = sum;
  }
  return out;
}

/** Two-sided exact p-value by summing every outcome's probability (R's definition). */
function directTwoSided(x: number, n: number, p: number): number {
  const lf = logFactorials(n);
  const logPmf = (k: number) =>
    lf[n] - lf[k] - lf[n - k] + k * Math.log(p) + (n - k) * Math.log1p(-p);
  const observed = logPmf(x);
  let total = 0;
  for (let k = 0; k <= n; k++) {
    const value = logPmf(k);
    if (value <= observed + 1e-7) total += Math.exp(value);
  }
  return Math.min(1, total);
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('special functions', () => {
  it('logGamma matches ln √π, ln (n−1)! and a Kahan sum of logs up to 170', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    // Small arguments go up to 15 by recurrence: ~1e-14 absolute error from cancellation.
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 13);
    const lf = logFactorials(170);
    for (let n = 1; n <= 170; n++)
      expect(Math.abs(logGamma(n + 1) - lf[n])).toBeLessThan(1e-13 * Math.max(1, lf[n]));
  });

  it('the pmf sums to 1 and follows P(k+1)/P(k) = (n−k)/(k+1) · p/q, also at n = 10^6', () => {
    let total = 0;
    for (let k = 0; k <= 10_000; k++) total += binomialPmf(k, 10_000, 0.3);
    expect(total).toBeCloseTo(1, 12);
    const n = 1_000_000;
    const p = 0.37;
    for (let k = 360_000; k < 380_000; k += 997) {
      const step = logBinomialPmf(k + 1, n, p) - logBinomialPmf(k, n, p);
      expect(step).toBeCloseTo(Math.log(((n - k) / (k + 1)) * (p / (1 - p))), 11);
    }
  });

  it('tails from the incomplete beta equal direct sums of the mass', () => {
    for (const [n, p] of [
      [40, 0.5],
      [1000, 0.02],
      [20_000, 0.7],
    ] as const) {
      for (const k of [0, 1, Math.floor(n * p) - 3, Math.floor(n * p), n - 1]) {
        let below = 0;
        for (let i = 0; i <= k; i++) below += binomialPmf(i, n, p);
        let above = 0;
        for (let i = n; i >= k; i--) above += binomialPmf(i, n, p);
        if (below > 1e-300) expect(relative(binomialCdf(k, n, p), below)).toBeLessThan(1e-10);
        if (above > 1e-300) expect(relative(binomialUpperTail(k, n, p), above)).toBeLessThan(1e-10);
      }
    }
  });

  it('I_x(a, b) is symmetric: I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    for (const [x, a, b] of [
      [0.3, 2.5, 7],
      [0.9, 100, 3],
      [0.5, 5e5, 5e5 + 10],
    ]) {
      const left = regularizedIncompleteBeta(x, a, b);
      expect(left + regularizedIncompleteBeta(1 - x, b, a)).toBeCloseTo(1, 12);
    }
  });
});

describe('exact binomial test against R', () => {
  it('binom.test(2, 12)', () => {
    const r = binomialTest(2, 12);
    expect(r.pValue).toBeCloseTo(0.03857, 5);
    expect(relative(r.confidenceInterval![0], 0.02086253)).toBeLessThan(5e-7);
    expect(relative(r.confidenceInterval![1], 0.48413775)).toBeLessThan(5e-8);
  });

  it('binom.test(9942, 10000, p = .993, alternative = "greater")', () => {
    const r = binomialTest(9942, 10_000, 0.993, { alternative: 'greater' });
    expect(r.pValue).toBeCloseTo(0.08086, 5);
    expect(relative(r.confidenceInterval![0], 0.9927874)).toBeLessThan(1e-7);
    expect(r.confidenceInterval![1]).toBe(1);
  });

  it('R pbinom values from the ANSM5 test suite', () => {
    expect(binomialTest(15, 20, 0.5).pValue).toBeCloseTo(0.041389465, 9);
    expect(binomialTest(13, 32, 0.25).pValue).toBeCloseTo(0.062912758, 9);
    expect(binomialTest(6, 18, 0.5).pValue).toBeCloseTo(0.23788452, 8);
    const [lower, upper] = clopperPearson(3, 20);
    expect(Math.abs(lower - 0.03207)).toBeLessThan(1e-5);
    expect(Math.abs(upper - 0.37893)).toBeLessThan(1e-5);
  });

  it('agrees with direct summation for asymmetric cases (both tails, p ≠ 1/2)', () => {
    for (const [x, n, p] of [
      [0, 30, 0.1],
      [7, 30, 0.1],
      [1, 30, 0.1],
      [55, 400, 0.1],
      [27, 400, 0.1],
      [1990, 5000, 0.42],
    ]) {
      expect(relative(binomialTest(x, n, p).pValue, directTwoSided(x, n, p))).toBeLessThan(1e-9);
    }
  });
});

describe('comparing two Poisson rates', () => {
  it('poisson.test(c(2, 13), c(5, 5)) as printed by R', () => {
    const r = compareRates(2, 5, 13, 5);
    expect(r.expectedCount1).toBe(7.5);
    expect(r.pValue).toBeCloseTo(0.007385, 6);
    expect(r.rateRatio).toBeCloseTo(0.1538462, 7);
    expect(relative(r.confidenceInterval!.lower, 0.01685531)).toBeLessThan(5e-7);
    expect(relative(r.confidenceInterval!.upper!, 0.67955077)).toBeLessThan(5e-8);
  });

  it('3 → 6 in equal periods is not significant: p = 2 · 130/512 = 0.5078125', () => {
    // Under H0, 6 | 9 ~ Binomial(9, 1/2); P(X ≥ 6) = (84 + 36 + 9 + 1)/512, doubled by symmetry.
    const r = compareRates(6, 31, 3, 31);
    expect(r.pValue).toBeCloseTo(0.5078125, 12);
    expect(r.pValue).toBeGreaterThan(0.05);
    expect(r.rateRatio).toBe(2);
  });

  it('its interval limits are where the one-sided p-values reach 2.5%', () => {
    const r = compareRates(6, 31, 3, 31);
    const { lower, upper } = r.confidenceInterval!;
    expect(lower).toBeLessThan(1);
    expect(
      compareRates(6, 31, 3, 31, { nullRatio: lower, alternative: 'greater' }).pValue,
    ).toBeCloseTo(0.025, 10);
    expect(
      compareRates(6, 31, 3, 31, { nullRatio: upper!, alternative: 'less' }).pValue,
    ).toBeCloseTo(0.025, 10);
  });

  it('large counts: 100 → 200 and even 100,000 → 101,000 are significant', () => {
    const doubling = compareRates(200, 30, 100, 30);
    expect(relative(doubling.pValue, directTwoSided(200, 300, 0.5))).toBeLessThan(1e-9);
    expect(doubling.pValue).toBeLessThan(1e-7);
    const onePercent = compareRates(101_000, 30, 100_000, 30);
    expect(relative(onePercent.pValue, directTwoSided(101_000, 201_000, 0.5))).toBeLessThan(1e-8);
    expect(onePercent.pValue).toBeLessThan(0.05);
    expect(onePercent.pValue).toBeGreaterThan(0.01);
  });

  it('unequal exposures condition on t1 / (t1 + t2)', () => {
    // ISwR eba1977 example of ?poisson.test: Fredericia 11 over 800 vs 21 over 3011.
    const r = compareRates(11, 800, 6 + 8 + 7, 1083 + 1050 + 878);
    expect(r.expectedCount1).toBeCloseTo((32 * 800) / 3811, 12);
    expect(r.pValue).toBe(binomialTest(11, 32, 800 / 3811).pValue);
    expect(r.rateRatio).toBeCloseTo(11 / 800 / (21 / 3011), 12);
  });

  it('zero counts give p = 1 or an unbounded ratio, never NaN', () => {
    const none = compareRates(0, 31, 0, 31);
    expect(none).toMatchObject({ pValue: 1, rateRatio: null, confidenceInterval: null });
    const fromZero = compareRates(5, 31, 0, 31);
    expect(fromZero.rateRatio).toBeNull();
    expect(fromZero.pValue).toBeCloseTo(2 / 32, 12); // P(5 of 5) + P(0 of 5)
    expect(fromZero.confidenceInterval!.upper).toBeNull();
    expect(fromZero.confidenceInterval!.lower).toBeGreaterThan(0);
  });

  it('rejects counts that are not whole numbers and non-positive exposures', () => {
    expect(() => compareRates(2.5, 1, 3, 1)).toThrow(RangeError);
    expect(() => compareRates(2, 0, 3, 1)).toThrow(RangeError);
  });
});

describe('control charts', () => {
  it('c-chart: baseline mean 5 → 5 ± 3√5, lower limit clipped to 0', () => {
    const limits = computeCChartLimits([4, 6, 5, 5]);
    expect(limits.center).toBe(5);
    expect(limits.lower).toBe(0);
    expect(limits.upper).toBeCloseTo(5 + 3 * Math.sqrt(5), 12); // 11.708…
    expect(classifyAgainstLimits(12, limits)).toBe('above');
    expect(classifyAgainstLimits(11, limits)).toBe('within');
  });

  it('u-chart: ū = 200/20 = 10 per unit; at exposure 10, 10 ± 3√(10/10) = [7, 13]', () => {
    const limits = computeUChartLimits([100, 100], [10, 10], 10);
    expect(limits).toEqual({ center: 10, lower: 7, upper: 13 });
    expect(classifyAgainstLimits(6.9, limits)).toBe('below');
    const wider = computeUChartLimits([100, 100], [10, 10], 2.5); // 10 ± 3·2 = [4, 16]
    expect(wider.lower).toBeCloseTo(4, 12);
    expect(wider.upper).toBeCloseTo(16, 12);
  });
});
