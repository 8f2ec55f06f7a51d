/**
 * How meldingen are handled (issue 26, Management "afhandeling van meldingen"): the norm the
 * user sets, and the figures of data/queries/melding-handling.ts put together per category,
 * per wijk and per month.
 *
 * The norm is in kalenderdagen (default 14, the usual Signalen afhandeltermijn), one for
 * every category unless a category has its own. A melding is handled within the norm when
 * its doorlooptijd (closed_at − reported_at, on the wall clock: see the builder) is at most
 * the norm; an open melding is over the norm when it is older than the norm.
 */
import { shiftMonth, type MonthPeriod } from './management-kpis';

/** Kalenderdagen when the user set nothing (two weeks). */
export const DEFAULT_NORM_DAYS = 14;
/** The longest norm the user can set (a year). */
export const MAX_NORM_DAYS = 365;

/** The norm in kalenderdagen: one default, and per category (sub or main slug) its own. */
export interface HandlingNorms {
  defaultDays: number;
  byCategory: Readonly<Record<string, number>>;
}

export const DEFAULT_NORMS: HandlingNorms = { defaultDays: DEFAULT_NORM_DAYS, byCategory: {} };

/** True for a norm the user may set: whole days, 1 to MAX_NORM_DAYS. */
export function isNormDays(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_NORM_DAYS;
}

/** The norm of a category (the default when it has none of its own). */
export function normDaysFor(norms: HandlingNorms, category: string | null): number {
  return (category !== null ? norms.byCategory[category] : undefined) ?? norms.defaultDays;
}

/** Norms read from storage or a link: anything odd falls back to the default. */
export function readNorms(raw: unknown): HandlingNorms {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const defaultDays = isNormDays(value.defaultDays) ? value.defaultDays : DEFAULT_NORM_DAYS;
  const byCategory: Record<string, number> = {};
  if (value.byCategory && typeof value.byCategory === 'object') {
    for (const [category, days] of Object.entries(value.byCategory)) {
      if (category !== '' && isNormDays(days) && days !== defaultDays) byCategory[category] = days;
    }
  }
  return { defaultDays, byCategory };
}

/** The norms with a category's own norm set (null, or the default: back to the default). */
export function withCategoryNorm(
  norms: HandlingNorms,
  category: string,
  days: number | null,
): HandlingNorms {
  const byCategory = { ...norms.byCategory };
  if (days === null || days === norms.defaultDays) delete byCategory[category];
  else if (isNormDays(days)) byCategory[category] = days;
  else return norms;
  return { defaultDays: norms.defaultDays, byCategory };
}

/** The norms with another default (categories with their own norm keep it). */
export function withDefaultNorm(norms: HandlingNorms, days: number): HandlingNorms {
  if (!isNormDays(days)) return norms;
  return readNorms({ defaultDays: days, byCategory: norms.byCategory });
}

/** Handled meldingen of one group (builder: buildClosedHandlingQuery). */
export interface ClosedStatsRow {
  /** Category (sub, else main), wijkcode, month 'YYYY-MM' or null (the total; no wijk). */
  key: string | null;
  main_category: string | null;
  closed: number;
  median_days: number | null;
  p90_days: number | null;
  within_norm: number;
}

/** Open meldingen of one group at one moment (builder: buildOpenHandlingQuery). */
export interface OpenStatsRow {
  key: string | null;
  main_category: string | null;
  /** 'YYYY-MM-DD HH:MM:SS', local. */
  moment: string;
  open: number;
  over_norm: number;
  oldest_days: number | null;
}

/** One line of a table: handled meldingen in the period and open ones at its end. */
export interface HandlingRow {
  key: string | null;
  main: string | null;
  closed: number;
  medianDays: number | null;
  p90Days: number | null;
  withinNorm: number;
  open: number;
  overNorm: number;
  oldestDays: number | null;
}

const emptyRow = (key: string | null, main: string | null): HandlingRow => ({
  key,
  main,
  closed: 0,
  medianDays: null,
  p90Days: null,
  withinNorm: 0,
  open: 0,
  overNorm: 0,
  oldestDays: null,
});

/** Closed and open figures of the same groups side by side, most meldingen first. */
export function mergeHandlingRows(
  closed: readonly ClosedStatsRow[],
  open: readonly OpenStatsRow[],
): HandlingRow[] {
  const rows = new Map<string | null, HandlingRow>();
  const row = (key: string | null, main: string | null) => {
    let found = rows.get(key);
    if (!found) rows.set(key, (found = emptyRow(key, main)));
    found.main ??= main;
    return found;
  };
  for (const c of closed) {
    Object.assign(row(c.key, c.main_category), {
      closed: c.closed,
      medianDays: c.median_days,
      p90Days: c.p90_days,
      withinNorm: c.within_norm,
    });
  }
  for (const o of open) {
    Object.assign(row(o.key, o.main_category), {
      open: o.open,
      overNorm: o.over_norm,
      oldestDays: o.oldest_days,
    });
  }
  return [...rows.values()].sort(
    (a, b) =>
      b.closed + b.open - (a.closed + a.open) ||
      (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff'),
  );
}

/**
 * All meldingen together: the handled ones from their own row (a median is not a sum of
 * medians), the open ones summed over the categories (each melding has one category).
 */
export function handlingTotal(
  closed: ClosedStatsRow | null,
  byCategory: readonly HandlingRow[],
): HandlingRow {
  const total = emptyRow(null, null);
  if (closed) {
    Object.assign(total, {
      closed: closed.closed,
      medianDays: closed.median_days,
      p90Days: closed.p90_days,
      withinNorm: closed.within_norm,
    });
  }
  for (const row of byCategory) {
    total.open += row.open;
    total.overNorm += row.overNorm;
    if (row.oldestDays !== null) total.oldestDays = Math.max(total.oldestDays ?? 0, row.oldestDays);
  }
  return total;
}

/** The share of handled meldingen within the norm (0–1); null when none were handled. */
export function shareWithinNorm(row: Pick<HandlingRow, 'closed' | 'withinNorm'>): number | null {
  return row.closed > 0 ? row.withinNorm / row.closed : null;
}

/** One month of the chart: handled in the month, open at its end. */
export interface HandlingMonth {
  /** 'YYYY-MM'. */
  month: string;
  closed: number;
  medianDays: number | null;
  withinNorm: number;
  open: number;
  overNorm: number;
}

/**
 * The moment each month of the period is measured at: the midnight its next month begins,
 * or `asOf` (the end of the data) when that comes first. Months that begin at or after
 * `asOf` are left out.
 */
export function monthEndMoments(
  period: MonthPeriod,
  asOf: string,
): { month: string; moment: string }[] {
  const out: { month: string; moment: string }[] = [];
  for (let month = period.from; month <= period.to; month = shiftMonth(month, 1)) {
    if (`${month}-01 00:00:00` >= asOf) break;
    const next = `${shiftMonth(month, 1)}-01 00:00:00`;
    out.push({ month, moment: next < asOf ? next : asOf });
  }
  return out;
}

/** The months of the chart from the month rows and the open rows per moment. */
export function handlingMonths(
  moments: readonly { month: string; moment: string }[],
  closed: readonly ClosedStatsRow[],
  open: readonly OpenStatsRow[],
): HandlingMonth[] {
  const byMonth = new Map(closed.map((c) => [c.key, c]));
  const byMoment = new Map(open.map((o) => [o.moment, o]));
  return moments.map(({ month, moment }) => {
    const c = byMonth.get(month);
    const o = byMoment.get(moment);
    return {
      month,
      closed: c?.closed ?? 0,
      medianDays: c?.median_days ?? null,
      withinNorm: c?.within_norm ?? 0,
      open: o?.open ?? 0,
      overNorm: o?.over_norm ?? 0,
    };
  });
}
