/**
 * Is a change in a count real, or noise? Two tools:
 *
 * 1. The exact conditional test for two Poisson counts (Przyborowski & Wilenski 1940; the
 *    "C-test"), as R's poisson.test(c(x1, x2), c(t1, t2)): under equal rates, x1 given
 *    x1 + x2 = n is Binomial(n, t1/(t1 + t2)). The two-sided p-value is that of the exact
 *    binomial test — the sum of the probabilities of all outcomes no more likely than the
 *    observed one (R's binom.test definition; see binomial.ts). The rate ratio's exact
 *    interval maps the Clopper-Pearson interval [pL, pU] of that binomial proportion through
 *    p/(1 − p) · t2/t1, as poisson.test does.
 * 2. Poisson control charts (Shewhart; e.g. Montgomery, Introduction to Statistical Quality
 *    Control, ch. 7): the c-chart for counts over equal exposure, limits c̄ ± 3√c̄, and the
 *    u-chart for rates over varying exposure n_i, limits ū ± 3√(ū/n_i). A lower limit below
 *    zero is reported as 0.
 */
import { binomialTest, clopperPearson, type Alternative } from './binomial';

export type { Alternative } from './binomial';

export interface RateComparison {
  count1: number;
  exposure1: number;
  count2: number;
  exposure2: number;
  /** (x1/t1) / (x2/t2); null when it is not a finite number (x2 = 0). */
  rateRatio: number | null;
  /** Expected x1 under the null hypothesis, given x1 + x2. */
  expectedCount1: number;
  pValue: number;
  alternative: Alternative;
  /**
   * Exact interval for the rate ratio; `upper` null means unbounded (x2 = 0). The whole
   * interval is null when not requested or when there are no events at all.
   */
  confidenceInterval: { level: number; lower: number; upper: number | null } | null;
}

export interface RateComparisonOptions {
  alternative?: Alternative;
  /** Rate ratio under the null hypothesis (default 1). */
  nullRatio?: number;
  /** Confidence level of the interval (default 0.95); null skips the interval (faster). */
  confidenceLevel?: number | null;
}

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

function assertPositive(value: number, name: string): void {
  if (!(value > 0 && Number.isFinite(value))) {
    throw new RangeError(`${name} must be a positive finite number, got ${value}`);
  }
}

/**
 * Compare the rate of count1 over exposure1 with count2 over exposure2 (e.g. this month
 * against the same month last year, exposures in days or person-days).
 */
export function compareRates(
  count1: number,
  exposure1: number,
  count2: number,
  exposure2: number,
  options: RateComparisonOptions = {},
): RateComparison {
  assertCount(count1, 'count1');
  assertCount(count2, 'count2');
  assertPositive(exposure1, 'exposure1');
  assertPositive(exposure2, 'exposure2');
  const nullRatio = options.nullRatio ?? 1;
  assertPositive(nullRatio, 'nullRatio');
  const alternative = options.alternative ?? 'two-sided';
  const level = options.confidenceLevel === undefined ? 0.95 : options.confidenceLevel;

  const total = count1 + count2;
  const p = (nullRatio * exposure1) / (nullRatio * exposure1 + exposure2);
  const rateRatio = count2 === 0 ? null : (count1 / exposure1 / count2) * exposure2;
  const base = { count1, exposure1, count2, exposure2, rateRatio, alternative };
  if (total === 0) {
    // No events at all: nothing speaks against equal rates (R refuses this case).
    return { ...base, expectedCount1: 0, pValue: 1, confidenceInterval: null };
  }
  const test = binomialTest(count1, total, p, { alternative, confidenceLevel: null });
  let confidenceInterval: RateComparison['confidenceInterval'] = null;
  if (level !== null) {
    const [pLower, pUpper] = clopperPearson(count1, total, level, alternative);
    const scale = exposure2 / exposure1;
    confidenceInterval = {
      level,
      lower: (pLower / (1 - pLower)) * scale,
      upper: pUpper >= 1 ? null : (pUpper / (1 - pUpper)) * scale,
    };
  }
  return { ...base, expectedCount1: total * p, pValue: test.pValue, confidenceInterval };
}

export interface ControlLimits {
  /** Centre line: mean count (c-chart) or mean rate (u-chart). */
  center: number;
  /** Lower control limit, at least 0. */
  lower: number;
  upper: number;
}

/** c-chart limits c̄ ± k√c̄ from baseline counts over equal exposure (k = 3 by default). */
export function computeCChartLimits(baselineCounts: readonly number[], sigmas = 3): ControlLimits {
  if (baselineCounts.length === 0) throw new RangeError('c-chart needs at least one count');
  let sum = 0;
  for (const count of baselineCounts) {
    if (!(count >= 0)) throw new RangeError(`counts must be non-negative, got ${count}`);
    sum += count;
  }
  const center = sum / baselineCounts.length;
  const spread = sigmas * Math.sqrt(center);
  return { center, lower: Math.max(0, center - spread), upper: center + spread };
}

/**
 * u-chart limits for the rate of a period with the given exposure: ū ± k√(ū/n), where
 * ū = Σ counts / Σ exposures over the baseline. Multiply by the exposure for counts.
 */
export function computeUChartLimits(
  baselineCounts: readonly number[],
  baselineExposures: readonly number[],
  exposure: number,
  sigmas = 3,
): ControlLimits {
  if (baselineCounts.length === 0 || baselineCounts.length !== baselineExposures.length) {
    throw new RangeError('u-chart needs equally many counts and exposures (at least one)');
  }
  assertPositive(exposure, 'exposure');
  let counts = 0;
  let exposures = 0;
  for (let i = 0; i < baselineCounts.length; i++) {
    if (!(baselineCounts[i] >= 0)) throw new RangeError('counts must be non-negative');
    assertPositive(baselineExposures[i], 'baseline exposure');
    counts += baselineCounts[i];
    exposures += baselineExposures[i];
  }
  const center = counts / exposures;
  const spread = sigmas * Math.sqrt(center / exposure);
  return { center, lower: Math.max(0, center - spread), upper: center + spread };
}

export type ControlSignal = 'above' | 'below' | 'within';

/** Where a value falls relative to control limits (on a limit counts as within). */
export function classifyAgainstLimits(value: number, limits: ControlLimits): ControlSignal {
  if (value > limits.upper) return 'above';
  if (value < limits.lower) return 'below';
  return 'within';
}
