/**
 * Trends per wijk and theme for the Wijken view: monthly counts over the covered months,
 * the rate per 1,000 inhabitants (only where the wijk's population is known — CBS
 * suppresses it for small areas), and the judgement of the latest period by trend-flags.ts
 * (exact Poisson rate test against the same period last year and against the wijk's own
 * baseline, with u-chart limits). A change is flagged only when the test says it is
 * unlikely to be noise.
 */
import { MIN_INHABITANTS_FOR_RATE } from './area-rates';
import { correctAssessments } from './trend-family';
import {
  assessTrend,
  type MonthlyCount,
  type TrendAssessment,
  type TrendFlag,
  type YearMonth,
} from './trend-flags';

export interface WijkMonthRow {
  wijkcode: string;
  /** null: records without a theme. */
  theme: string | null;
  year: number;
  month: number;
  n: number;
}

export interface WijkInfo {
  code: string;
  name: string;
  /** null where the population is unknown or suppressed. */
  inhabitants: number | null;
}

export interface MonthRange {
  first: YearMonth;
  last: YearMonth;
}

export interface WijkTrendOptions {
  /** Length of the judged period in months (default 12). */
  periodMonths?: number;
  /** Baseline months before the period (default: max(12, 2 × period)). */
  baselineMonths?: number;
  /** Family-wise error rate of the view's flags together (Holm; default 0.05). */
  alpha?: number;
  /** Also one panel per wijk and theme (default true). */
  perTheme?: boolean;
}

export interface TrendPanel {
  /** `${wijkcode}|${theme}`; theme '*' = all themes together. */
  key: string;
  wijk: WijkInfo;
  /** null = all themes of the current filter together. */
  theme: string | null;
  /** One count per month of `months`. */
  counts: number[];
  /** Count per 1,000 inhabitants per month; null when the population is unknown or below
   *  MIN_INHABITANTS_FOR_RATE. */
  per1000: number[] | null;
  total: number;
  assessment: TrendAssessment;
  /**
   * The headline: the flag against the same period last year, or (when that comparison is
   * not possible) against the baseline; null when neither can be judged.
   */
  flag: TrendFlag | null;
}

export interface WijkTrends {
  months: YearMonth[];
  periodMonths: number;
  baselineMonths: number;
  alpha: number;
  /** Distinct comparisons corrected together (Holm) over all panels. */
  familySize: number;
  panels: TrendPanel[];
}

const index = (ym: YearMonth): number => ym.year * 12 + ym.month - 1;
const fromIndex = (i: number): YearMonth => ({ year: Math.floor(i / 12), month: (i % 12) + 1 });

/** Every month from first to last, inclusive. */
export function monthsBetween(range: MonthRange): YearMonth[] {
  const months: YearMonth[] = [];
  for (let i = index(range.first); i <= index(range.last); i++) months.push(fromIndex(i));
  return months;
}

/** The headline flag of an assessment (see TrendPanel.flag). */
export function headlineFlag(assessment: TrendAssessment): TrendFlag | null {
  if (assessment.samePeriodLastYear.available) return assessment.samePeriodLastYear.flag;
  if (assessment.baseline.available) return assessment.baseline.flag;
  return null;
}

function buildPanel(
  wijk: WijkInfo,
  theme: string | null,
  byMonth: Map<number, number>,
  range: MonthRange,
  options: Omit<Required<WijkTrendOptions>, 'perTheme'>,
): TrendPanel {
  const months = monthsBetween(range);
  const counts = months.map((m) => byMonth.get(index(m)) ?? 0);
  // Rates (and exposure by population) only from MIN_INHABITANTS_FOR_RATE people on.
  const people =
    wijk.inhabitants !== null && wijk.inhabitants >= MIN_INHABITANTS_FOR_RATE
      ? wijk.inhabitants
      : null;
  const series: MonthlyCount[] = months.map((m, i) => ({ ...m, count: counts[i] }));
  const assessment = assessTrend(series, {
    at: range.last,
    coverageStart: range.first,
    periodMonths: options.periodMonths,
    baselineMonths: options.baselineMonths,
    alpha: options.alpha,
    inhabitants: people ?? undefined,
  });
  return {
    key: `${wijk.code}|${theme ?? '*'}`,
    wijk,
    theme,
    counts,
    per1000: people === null ? null : counts.map((n) => (n / people) * 1000),
    total: counts.reduce((a, b) => a + b, 0),
    assessment,
    flag: headlineFlag(assessment),
  };
}

/**
 * One panel per wijk for all themes together, and one per wijk and theme for every theme
 * that occurs in the rows. Months outside `range` are ignored; rows of unknown wijken too.
 * The comparisons of all panels are one family, corrected together (trend-family.ts): a
 * view shows all their flags at once.
 */
export function computeWijkTrends(
  rows: readonly WijkMonthRow[],
  wijken: readonly WijkInfo[],
  range: MonthRange,
  options: WijkTrendOptions = {},
): WijkTrends {
  const periodMonths = options.periodMonths ?? 12;
  const settings = {
    periodMonths,
    baselineMonths: options.baselineMonths ?? Math.max(12, 2 * periodMonths),
    alpha: options.alpha ?? 0.05,
  };
  const lo = index(range.first);
  const hi = index(range.last);
  if (hi < lo) throw new RangeError('range.last lies before range.first');
  const known = new Set(wijken.map((w) => w.code));
  const all = new Map<string, Map<number, number>>();
  const perTheme = new Map<string, Map<number, number>>();
  const themes = new Set<string>();
  const add = (map: Map<string, Map<number, number>>, key: string, month: number, n: number) => {
    let inner = map.get(key);
    if (!inner) map.set(key, (inner = new Map()));
    inner.set(month, (inner.get(month) ?? 0) + n);
  };
  for (const row of rows) {
    const month = row.year * 12 + row.month - 1;
    if (month < lo || month > hi || !known.has(row.wijkcode)) continue;
    add(all, row.wijkcode, month, row.n);
    if (row.theme !== null) {
      themes.add(row.theme);
      add(perTheme, `${row.wijkcode}|${row.theme}`, month, row.n);
    }
  }
  const sortedThemes = options.perTheme === false ? [] : [...themes].sort();
  const panels: TrendPanel[] = [];
  for (const wijk of wijken) {
    panels.push(buildPanel(wijk, null, all.get(wijk.code) ?? new Map(), range, settings));
    for (const theme of sortedThemes) {
      const byMonth = perTheme.get(`${wijk.code}|${theme}`) ?? new Map();
      panels.push(buildPanel(wijk, theme, byMonth, range, settings));
    }
  }
  const corrected = correctAssessments(
    panels.map((p) => ({ assessment: p.assessment, same: `${p.wijk.code}|${p.counts.join(',')}` })),
    settings.alpha,
  );
  let familySize = 0;
  for (const { samePeriodLastYear: a, baseline: b } of corrected) {
    if (a.available) familySize = a.familySize;
    else if (b.available) familySize = b.familySize;
  }
  return {
    months: monthsBetween(range),
    ...settings,
    familySize,
    panels: panels.map((p, i) => ({
      ...p,
      assessment: corrected[i],
      flag: headlineFlag(corrected[i]),
    })),
  };
}

const parseDay = (day: string): [number, number, number] => {
  const [y, m, d] = day.split('-').map(Number);
  return [y, m, d];
};

/**
 * The whole months between two days ('YYYY-MM-DD', inclusive): a month the data covers only
 * partly at either end would read as a fall, so it is left out. Null when no whole month
 * remains.
 */
export function wholeMonthsBetween(firstDay: string, lastDay: string): MonthRange | null {
  const [y1, m1, d1] = parseDay(firstDay);
  const [y2, m2, d2] = parseDay(lastDay);
  let first = y1 * 12 + m1 - 1 + (d1 > 1 ? 1 : 0);
  const lastOfMonth = new Date(Date.UTC(y2, m2, 0)).getUTCDate();
  const last = y2 * 12 + m2 - 1 - (d2 < lastOfMonth ? 1 : 0);
  if (!Number.isFinite(first) || !Number.isFinite(last) || last < first) return null;
  first = Math.max(first, 0);
  return { first: fromIndex(first), last: fromIndex(last) };
}
