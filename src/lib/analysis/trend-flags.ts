/**
 * Trend flags per wijk and theme: is this month (or period) really higher or lower than the
 * same period last year, and than the wijk's own baseline (the months before)? A change is
 * flagged 'stijging' or 'daling' only when the exact Poisson rate test (rate-test.ts) gives
 * p < alpha; otherwise 'geen significante verandering' — so 3 → 6 is not "+100% alarm".
 *
 * Exposure of a month is its number of days, times the wijk's inhabitants when known, so
 * February is not read as a fall and a growing wijk not as a rise.
 */
import { compareRates, computeUChartLimits } from './rate-test';

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

const MONTH_NAMES = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

const toIndex = (ym: YearMonth): number => ym.year * 12 + ym.month - 1;
const fromIndex = (i: number): YearMonth => ({ year: Math.floor(i / 12), month: (i % 12) + 1 });
const monthName = (i: number): string => `${MONTH_NAMES[i % 12]} ${Math.floor(i / 12)}`;
const daysInMonth = (i: number): number =>
  new Date(Date.UTC(Math.floor(i / 12), (i % 12) + 1, 0)).getUTCDate();

/** Dutch number: thousands with '.', decimals with ','. */
export function formatDutchNumber(value: number, decimals = 0): string {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = value < 0 && Number(whole + '.' + (fraction ?? '0')) !== 0 ? '−' : '';
  return sign + grouped + (fraction ? ',' + fraction : '');
}

const formatCount = (n: number): string => formatDutchNumber(n, Number.isInteger(n) ? 0 : 1);

/**
 * "p = 0,51", "p = 0,032", "p < 0,001" — with extra decimals when rounding would put the
 * shown value on the other side of alpha than the real one.
 */
export function formatPValue(p: number, alpha = 0.05): string {
  if (p < 0.001) return 'p < 0,001';
  if (p > 0.995) return 'p = 1';
  let decimals = p < 0.1 ? 3 : 2;
  while (decimals < 6 && Number(p.toFixed(decimals)) < alpha !== p < alpha) decimals++;
  return `p = ${formatDutchNumber(p, decimals)}`;
}

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

/** The rate test of `current` against `reference`, without the explanation. */
function judgeChange(current: Span, reference: Span, alpha: number): TrendComparison {
  const test = compareRates(current.count, current.exposure, reference.count, reference.exposure, {
    confidenceLevel: null,
  });
  const expected = (reference.count * current.exposure) / reference.exposure;
  const significant = test.pValue < alpha && current.count !== expected;
  return {
    available: true,
    flag: !significant
      ? 'geen significante verandering'
      : current.count > expected
        ? 'stijging'
        : 'daling',
    currentCount: current.count,
    referenceCount: reference.count,
    expectedCount: expected,
    changePercent: expected === 0 ? null : (current.count / expected - 1) * 100,
    rateRatio: test.rateRatio,
    pValue: test.pValue,
    currentPer1000: per1000(current.count, current.inhabitants),
    // Scaled to the current period's length, so both rates are "per period".
    referencePer1000: per1000(
      (reference.count * current.months) / reference.months,
      reference.inhabitants,
    ),
    explanation: '',
  };
}

/** "…: dat kan toeval zijn (p = 0,51)" and the like. */
function verdict(c: TrendComparison, alpha: number): string {
  const text =
    c.currentCount === 0 && c.referenceCount === 0
      ? 'geen verandering'
      : c.flag === 'geen significante verandering'
        ? 'dat kan toeval zijn'
        : `een ${c.flag} die waarschijnlijk geen toeval is`;
  return `${text} (${formatPValue(c.pValue, alpha)})`;
}

function describeRates(c: TrendComparison): string {
  if (c.currentPer1000 === null || c.referencePer1000 === null) return '';
  const before = formatDutchNumber(c.referencePer1000, 1);
  return ` (${before} → ${formatDutchNumber(c.currentPer1000, 1)} per 1.000 inwoners)`;
}

function explainLastYear(c: TrendComparison, alpha: number): string {
  const change = `Van ${formatCount(c.referenceCount)} naar ${formatCount(c.currentCount)}`;
  return `${change}${describeRates(c)}: ${verdict(c, alpha)}`;
}

function explainBaseline(c: TrendComparison, baselineMonths: number, alpha: number): string {
  const expected = formatDutchNumber(c.expectedCount, 1);
  const intro = `Verwacht ${expected} op basis van de ${baselineMonths} maanden ervoor`;
  return `${intro}, nu ${formatCount(c.currentCount)}${describeRates(c)}: ${verdict(c, alpha)}`;
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
    const judged = judgeChange(current, reference, alpha);
    samePeriodLastYear = { ...judged, explanation: explainLastYear(judged, alpha) };
  }

  let baseline: TrendAssessment['baseline'] = unavailable(first - baselineMonths);
  if (first - baselineMonths >= coverage) {
    const reference = collectSpan(counts, first - baselineMonths, baselineMonths, options);
    const judged = judgeChange(current, reference, alpha);
    const limits = computeUChartLimits(
      reference.monthCounts,
      reference.monthExposures,
      current.exposure,
    );
    baseline = {
      ...judged,
      explanation: explainBaseline(judged, baselineMonths, alpha),
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
