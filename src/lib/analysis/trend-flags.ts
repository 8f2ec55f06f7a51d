/**
 * Trend flags per wijk and theme: is this month (or period) really higher or lower than the
 * same period last year, and than the wijk's own baseline (the months before)? A change is
 * flagged 'stijging' or 'daling' only when the exact Poisson rate test (rate-test.ts) gives
 * p < alpha; otherwise 'geen significante verandering' — so 3 → 6 is not "+100% alarm".
 * A view that shows many comparisons at once judges them as one family on Holm-adjusted
 * p-values (trend-family.ts); a comparison judged alone has familySize 1.
 *
 * Exposure of a month is its number of days, times the wijk's inhabitants when known, so
 * February is not read as a fall and a growing wijk not as a rise.
 */
import { MONTH_NAMES } from '$lib/format/nl';
import { compareRates, computeUChartLimits } from './rate-test';
import { explainComparison } from './trend-explain';

export { formatDutchNumber, formatPValue } from './trend-explain';

export interface YearMonth {
  year: number;
  /** 1–12 */
  month: number;
}

export interface MonthlyCount extends YearMonth {
  count: number;
}

export interface TrendOptions {
  /** Last month of the period judged (default: the latest month in the series). */
  at?: YearMonth;
  /** Length of the period judged, in months (default 1). */
  periodMonths?: number;
  /** Months before the period that form the baseline (default 12). */
  baselineMonths?: number;
  /** Significance level (default 0.05). */
  alpha?: number;
  /** First month the data covers (default: the earliest month in the series). Months from
   *  here on that are missing from the series count as zero. */
  coverageStart?: YearMonth;
  /** Inhabitants: one number, or per year (the nearest year is used when one is missing). */
  inhabitants?: number | Readonly<Record<number, number>>;
}

export type TrendFlag = 'stijging' | 'daling' | 'geen significante verandering';

export interface TrendComparison {
  available: true;
  /** Against the same period last year, or against the baseline months before. */
  kind: 'samePeriodLastYear' | 'baseline';
  /** Months in the reference: the period's length, or the baseline's. */
  referenceMonths: number;
  /** From `adjustedPValue` < alpha when the comparison is one of a family, else `pValue`. */
  flag: TrendFlag;
  currentCount: number;
  /** Count in the reference months (last year's period, or the whole baseline). */
  referenceCount: number;
  /** The reference rate applied to the current period's exposure. */
  expectedCount: number;
  /** (current / expected − 1) × 100; null when nothing was expected. */
  changePercent: number | null;
  rateRatio: number | null;
  pValue: number;
  /**
   * Comparisons judged together (trend-family.ts; 1 = judged alone) and the Holm-adjusted
   * p-value within them (equal to pValue when alone).
   */
  familySize: number;
  adjustedPValue: number;
  /** Per 1,000 inhabitants over the period; null without inhabitants. */
  currentPer1000: number | null;
  referencePer1000: number | null;
  /** Plain Dutch, e.g. "Van 3 naar 6: dat kan toeval zijn (p = 0,51)". */
  explanation: string;
}

export interface UnavailableComparison {
  available: false;
  reason: string;
}

export interface BaselineComparison extends TrendComparison {
  /** u-chart limits (3σ) for the current period's count, from the baseline months. */
  controlLimits: { lower: number; upper: number };
}

export interface TrendAssessment {
  from: YearMonth;
  to: YearMonth;
  samePeriodLastYear: TrendComparison | UnavailableComparison;
  baseline: BaselineComparison | UnavailableComparison;
}

const toIndex = (ym: YearMonth): number => ym.year * 12 + ym.month - 1;
const fromIndex = (i: number): YearMonth => ({ year: Math.floor(i / 12), month: (i % 12) + 1 });
const monthName = (i: number): string => `${MONTH_NAMES[i % 12]} ${Math.floor(i / 12)}`;
const daysInMonth = (i: number): number =>
  new Date(Date.UTC(Math.floor(i / 12), (i % 12) + 1, 0)).getUTCDate();

function inhabitantsIn(options: TrendOptions, year: number): number | null {
  const { inhabitants } = options;
  if (inhabitants == null) return null;
  if (typeof inhabitants === 'number') return inhabitants > 0 ? inhabitants : null;
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const [key, value] of Object.entries(inhabitants)) {
    const distance = Math.abs(Number(key) - year);
    if (value > 0 && distance < bestDistance) [best, bestDistance] = [value, distance];
  }
  return best;
}

/** Counts and exposure of a run of months; months missing from the series count as zero. */
interface Span {
  months: number;
  count: number;
  exposure: number;
  /** Mean inhabitants over the span, null when unknown. */
  inhabitants: number | null;
  monthCounts: number[];
  monthExposures: number[];
}

function collectSpan(
  counts: ReadonlyMap<number, number>,
  start: number,
  months: number,
  options: TrendOptions,
): Span {
  const span: Span = {
    months,
    count: 0,
    exposure: 0,
    inhabitants: null,
    monthCounts: [],
    monthExposures: [],
  };
  let inhabitantSum = 0;
  for (let i = start; i < start + months; i++) {
    const people = inhabitantsIn(options, Math.floor(i / 12));
    const count = counts.get(i) ?? 0;
    const exposure = daysInMonth(i) * (people ?? 1);
    span.count += count;
    span.exposure += exposure;
    span.monthCounts.push(count);
    span.monthExposures.push(exposure);
    inhabitantSum += people ?? NaN;
  }
  span.inhabitants = Number.isNaN(inhabitantSum) ? null : inhabitantSum / months;
  return span;
}

const per1000 = (count: number, people: number | null): number | null =>
  people === null ? null : (count / people) * 1000;

/** Flag of a comparison whose (adjusted) p-value is p. */
export function flagFor(
  c: Pick<TrendComparison, 'currentCount' | 'expectedCount'>,
  p: number,
  alpha: number,
): TrendFlag {
  if (!(p < alpha) || c.currentCount === c.expectedCount) return 'geen significante verandering';
  return c.currentCount > c.expectedCount ? 'stijging' : 'daling';
}

/** The rate test of `current` against `reference`, with its explanation. */
function judgeChange(
  kind: TrendComparison['kind'],
  current: Span,
  reference: Span,
  alpha: number,
): TrendComparison {
  const test = compareRates(current.count, current.exposure, reference.count, reference.exposure, {
    confidenceLevel: null,
  });
  const expected = (reference.count * current.exposure) / reference.exposure;
  const judged: TrendComparison = {
    available: true,
    kind,
    referenceMonths: reference.months,
    flag: flagFor({ currentCount: current.count, expectedCount: expected }, test.pValue, alpha),
    currentCount: current.count,
    referenceCount: reference.count,
    expectedCount: expected,
    changePercent: expected === 0 ? null : (current.count / expected - 1) * 100,
    rateRatio: test.rateRatio,
    pValue: test.pValue,
    familySize: 1,
    adjustedPValue: test.pValue,
    currentPer1000: per1000(current.count, current.inhabitants),
    // Scaled to the current period's length, so both rates are "per period".
    referencePer1000: per1000(
      (reference.count * current.months) / reference.months,
      reference.inhabitants,
    ),
    explanation: '',
  };
  return { ...judged, explanation: explainComparison(judged, alpha) };
}

function readSettings(options: TrendOptions) {
  const periodMonths = options.periodMonths ?? 1;
  const baselineMonths = options.baselineMonths ?? 12;
  const alpha = options.alpha ?? 0.05;
  if (!(Number.isInteger(periodMonths) && periodMonths >= 1)) {
    throw new RangeError(`periodMonths must be a whole number ≥ 1, got ${periodMonths}`);
  }
  if (!(Number.isInteger(baselineMonths) && baselineMonths >= 1)) {
    throw new RangeError(`baselineMonths must be a whole number ≥ 1, got ${baselineMonths}`);
  }
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${alpha}`);
  return { periodMonths, baselineMonths, alpha };
}

function indexSeries(series: readonly MonthlyCount[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const entry of series) {
    if (!(Number.isInteger(entry.month) && entry.month >= 1 && entry.month <= 12)) {
      throw new RangeError(`month must be 1–12, got ${entry.month}`);
    }
    const index = toIndex(entry);
    if (counts.has(index)) throw new RangeError(`${monthName(index)} occurs twice in the series`);
    counts.set(index, entry.count);
  }
  return counts;
}

/** Judge the latest period of one monthly series (one wijk, one theme). */
export function assessTrend(
  series: readonly MonthlyCount[],
  options: TrendOptions = {},
): TrendAssessment {
  const { periodMonths, baselineMonths, alpha } = readSettings(options);
  const counts = indexSeries(series);
  if (counts.size === 0 && !options.at) {
    const none: UnavailableComparison = { available: false, reason: 'Geen gegevens.' };
    return { from: fromIndex(0), to: fromIndex(0), samePeriodLastYear: none, baseline: none };
  }
  const last = options.at ? toIndex(options.at) : Math.max(...counts.keys());
  const first = last - periodMonths + 1;
  const coverage = options.coverageStart
    ? toIndex(options.coverageStart)
    : Math.min(first, ...counts.keys());
  const unavailable = (needed: number): UnavailableComparison => ({
    available: false,
    reason:
      `Onvoldoende gegevens: deze vergelijking heeft ${monthName(needed)} nodig, ` +
      `de gegevens beginnen in ${monthName(coverage)}.`,
  });
  const period = { from: fromIndex(first), to: fromIndex(last) };
  if (first < coverage) {
    return { ...period, samePeriodLastYear: unavailable(first), baseline: unavailable(first) };
  }
  const current = collectSpan(counts, first, periodMonths, options);

  let samePeriodLastYear: TrendAssessment['samePeriodLastYear'] = unavailable(first - 12);
  if (first - 12 >= coverage) {
    const reference = collectSpan(counts, first - 12, periodMonths, options);
    samePeriodLastYear = judgeChange('samePeriodLastYear', current, reference, alpha);
  }

  let baseline: TrendAssessment['baseline'] = unavailable(first - baselineMonths);
  if (first - baselineMonths >= coverage) {
    const reference = collectSpan(counts, first - baselineMonths, baselineMonths, options);
    const judged = judgeChange('baseline', current, reference, alpha);
    const limits = computeUChartLimits(
      reference.monthCounts,
      reference.monthExposures,
      current.exposure,
    );
    baseline = {
      ...judged,
      controlLimits: {
        lower: limits.lower * current.exposure,
        upper: limits.upper * current.exposure,
      },
    };
  }
  return { ...period, samePeriodLastYear, baseline };
}

/** assessTrend for many series at once (e.g. every wijk × theme), same options. */
export function assessTrends<K>(
  groups: Iterable<{
    key: K;
    series: readonly MonthlyCount[];
    inhabitants?: TrendOptions['inhabitants'];
  }>,
  options: TrendOptions = {},
): { key: K; assessment: TrendAssessment }[] {
  const results: { key: K; assessment: TrendAssessment }[] = [];
  for (const group of groups) {
    const groupOptions =
      group.inhabitants === undefined ? options : { ...options, inhabitants: group.inhabitants };
    results.push({ key: group.key, assessment: assessTrend(group.series, groupOptions) });
  }
  return results;
}
