/**
 * KPIs per wijk and theme from monthly rows: totals over a period of whole months, the
 * demand (meldingen + incidents) trend judged by the Wijken view's test (trend-flags.ts:
 * exact Poisson rate test against the same period a year earlier), and small-count
 * suppression for shared outputs (PRODUCT.md, Privacy: counts below 5 show as "<5").
 */
import { correctComparisons } from './trend-family';
import { assessTrend, type MonthlyCount, type TrendComparison } from './trend-flags';

export interface KpiMonthRow {
  wijkcode: string;
  theme: string;
  year: number;
  month: number;
  meldingen: number;
  incidents: number;
  visits: number;
  visit_hours: number;
  /**
   * Of its meldingen and incidents, those known to the year only (stored in January):
   * counted in totals, left out of monthly comparisons (demandSeries).
   */
  year_level?: number;
  /** The same, per table (for the monthly chart, monthlyTotals). */
  year_level_meldingen?: number;
  year_level_incidents?: number;
}

/** Whole months 'YYYY-MM', both inclusive. */
export interface MonthPeriod {
  from: string;
  to: string;
}

export interface KpiTotals {
  meldingen: number;
  incidents: number;
  visits: number;
  visitHours: number;
}

// Small-count suppression lives in analysis/suppression.ts; 0 now reads "0" there too.
export { SUPPRESSION_THRESHOLD, formatCount as suppressCount } from './suppression';

const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
const parseMonth = (ym: string) => {
  const [year, month] = ym.split('-').map(Number);
  return { year, month };
};

/** Number of months from `from` to `to`, inclusive. */
export function monthsIn(period: MonthPeriod): number {
  const a = parseMonth(period.from);
  const b = parseMonth(period.to);
  return (b.year - a.year) * 12 + b.month - a.month + 1;
}

/** 'YYYY-MM' shifted by whole months. */
export function shiftMonth(ym: string, months: number): string {
  const { year, month } = parseMonth(ym);
  const index = year * 12 + month - 1 + months;
  return monthKey(Math.floor(index / 12), (index % 12) + 1);
}

/** First and last local date of a month period ('YYYY-MM-DD'). */
export function periodDates(period: MonthPeriod): { from: string; to: string } {
  const { year, month } = parseMonth(period.to);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${period.from}-01`, to: `${period.to}-${String(last).padStart(2, '0')}` };
}

const inPeriod = (row: KpiMonthRow, period: MonthPeriod) => {
  const key = monthKey(row.year, row.month);
  return key >= period.from && key <= period.to;
};

const emptyTotals = (): KpiTotals => ({ meldingen: 0, incidents: 0, visits: 0, visitHours: 0 });

function add(totals: KpiTotals, row: KpiMonthRow): void {
  totals.meldingen += row.meldingen;
  totals.incidents += row.incidents;
  totals.visits += row.visits;
  totals.visitHours += row.visit_hours;
}

/** Totals per key (e.g. wijk, or wijk × theme) over the period; theme null: all themes. */
export function sumKpis(
  rows: readonly KpiMonthRow[],
  period: MonthPeriod,
  keyOf: (row: KpiMonthRow) => string,
  theme: string | null = null,
): Map<string, KpiTotals> {
  const out = new Map<string, KpiTotals>();
  for (const row of rows) {
    if (!inPeriod(row, period) || (theme !== null && row.theme !== theme)) continue;
    const key = keyOf(row);
    let totals = out.get(key);
    if (!totals) out.set(key, (totals = emptyTotals()));
    add(totals, row);
  }
  return out;
}

/**
 * True when a period is whole calendar years (January to December): only then do records
 * known to the year only fall wholly inside or outside it, and so only then may a
 * comparison of such periods count them.
 */
export function coversWholeYears(period: MonthPeriod): boolean {
  return period.from.endsWith('-01') && period.to.endsWith('-12');
}

/**
 * Monthly demand (meldingen + incidents) per key, over every row given. Records known to
 * the year only are left out unless `withYearLevel` (for periods of whole calendar years,
 * coversWholeYears): stored in January, they would read as a January spike.
 */
export function demandSeries(
  rows: readonly KpiMonthRow[],
  keyOf: (row: KpiMonthRow) => string,
  theme: string | null = null,
  withYearLevel = false,
): Map<string, MonthlyCount[]> {
  const byKey = new Map<string, Map<string, MonthlyCount>>();
  for (const row of rows) {
    if (theme !== null && row.theme !== theme) continue;
    const key = keyOf(row);
    let months = byKey.get(key);
    if (!months) byKey.set(key, (months = new Map()));
    const mk = monthKey(row.year, row.month);
    const entry = months.get(mk);
    const count = row.meldingen + row.incidents - (withYearLevel ? 0 : (row.year_level ?? 0));
    if (entry) entry.count += count;
    else months.set(mk, { year: row.year, month: row.month, count });
  }
  return new Map([...byKey].map(([key, months]) => [key, [...months.values()]]));
}

export interface DemandTrend {
  key: string;
  current: number;
  previous: number;
  /** The rate test against the same period a year earlier; null when data are too short. */
  comparison: TrendComparison | null;
  /** Plain Dutch: the comparison's explanation, or why it is missing. */
  explanation: string;
}

/**
 * Demand in the period against the same period a year earlier, per key, with the exact
 * Poisson rate test of trend-flags.ts. The keys are one table, so one family: their flags
 * are corrected together with Holm (trend-family.ts). `coverageStart`: the first month
 * the data cover.
 */
export function assessDemandTrends(
  series: ReadonlyMap<string, readonly MonthlyCount[]>,
  period: MonthPeriod,
  coverageStart: string,
): DemandTrend[] {
  const judged = [...series].map(([key, months]) => {
    const c = assessTrend(months, {
      at: parseMonth(period.to),
      periodMonths: monthsIn(period),
      coverageStart: parseMonth(coverageStart),
    }).samePeriodLastYear;
    return { key, c, comparison: c.available ? c : null, same: key };
  });
  const corrected = correctComparisons(judged, 0.05);
  return judged.map(({ key, c }, i) => {
    const comparison = corrected[i];
    return {
      key,
      current: comparison ? comparison.currentCount : 0,
      previous: comparison ? comparison.referenceCount : 0,
      comparison,
      explanation: comparison ? comparison.explanation : c.available ? '' : c.reason,
    };
  });
}

export interface KpiMonth extends KpiTotals {
  /** 'YYYY-MM' */
  month: string;
}

/**
 * Monthly totals from `from` to `to` (zero-filled), for one wijk or all (null) and one
 * theme or all (null): the KPIs over time.
 */
export function monthlyTotals(
  rows: readonly KpiMonthRow[],
  span: MonthPeriod,
  wijk: string | null,
  theme: string | null,
): KpiMonth[] {
  // Records known to the year only are stored in January: a monthly chart leaves them
  // out, or January would show a spike of a whole year's records.
  const monthly = rows
    .filter((r) => wijk === null || r.wijkcode === wijk)
    .map((r) => ({
      ...r,
      meldingen: r.meldingen - (r.year_level_meldingen ?? 0),
      incidents: r.incidents - (r.year_level_incidents ?? 0),
    }));
  const sums = sumKpis(monthly, span, (r) => monthKey(r.year, r.month), theme);
  const out: KpiMonth[] = [];
  for (let m = span.from; m <= span.to; m = shiftMonth(m, 1)) {
    out.push({ month: m, ...(sums.get(m) ?? emptyTotals()) });
  }
  return out;
}
