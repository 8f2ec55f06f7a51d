/**
 * Gathers the figures of "Afhandeling van meldingen" (Management) for a period, a theme and
 * the norms: handled in the period per category, per wijk and per month, open at the end of
 * the period (or of the data, when that comes first) and at each month's end. Plain
 * TypeScript, so the tests run exactly what the page runs.
 */
import { periodDates, type MonthPeriod } from '$lib/analysis/management-kpis';
import {
  handlingMonths,
  handlingTotal,
  mergeHandlingRows,
  monthEndMoments,
  type ClosedStatsRow,
  type HandlingMonth,
  type HandlingNorms,
  type HandlingRow,
  type OpenStatsRow,
} from '$lib/analysis/melding-handling';
import type { Connector } from '$lib/data/connector';
import { buildDataPeriodQuery } from '$lib/data/queries/filter-options';
import {
  buildClosedHandlingQuery,
  buildOpenHandlingQuery,
} from '$lib/data/queries/melding-handling';
import type { RecordFilter } from '$lib/data/sql/record-filter';

export interface HandlingRequest {
  period: MonthPeriod;
  /** null: every theme. */
  theme: string | null;
}

export interface HandlingFigures {
  /** The moment the open meldingen are counted at ('YYYY-MM-DD HH:MM:SS', local). */
  asOf: string;
  /** The last day before it ('YYYY-MM-DD'): "open at the end of" that day. */
  lastDay: string;
  total: HandlingRow;
  byCategory: HandlingRow[];
  byWijk: HandlingRow[];
  months: HandlingMonth[];
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const nextDay = (day: string) => addDays(day, 1);

/**
 * When open meldingen are counted: the midnight after the period's last day, or after the
 * data's last day when that comes first (the demo's "now"; the Overzicht counts there too).
 * Null when there is no data.
 */
export async function handlingMoment(conn: Connector, period: MonthPeriod): Promise<string | null> {
  const [data] = await conn.query<{ last: string | null }>(buildDataPeriodQuery());
  if (!data?.last) return null;
  const end = nextDay(data.last < periodDates(period).to ? data.last : periodDates(period).to);
  return `${end} 00:00:00`;
}

export async function loadHandlingFigures(
  conn: Connector,
  request: HandlingRequest,
  norms: HandlingNorms,
): Promise<HandlingFigures | null> {
  const asOf = await handlingMoment(conn, request.period);
  if (asOf === null) return null;
  const { from } = periodDates(request.period);
  const filter: RecordFilter = {
    from: `${from} 00:00:00`,
    to: `${nextDay(periodDates(request.period).to)} 00:00:00`,
    themes: request.theme === null ? [] : [request.theme],
  };
  const moments = monthEndMoments(request.period, asOf);
  const closed = (group: 'total' | 'category' | 'wijk' | 'month') =>
    conn.query<ClosedStatsRow>(buildClosedHandlingQuery(filter, norms, group));
  const open = (group: 'category' | 'wijk' | 'total', at: string[]) =>
    conn.query<OpenStatsRow>(buildOpenHandlingQuery(filter, norms, at, group));
  const [total, categories, wijken, months, openCategories, openWijken, openMonths] =
    await Promise.all([
      closed('total'),
      closed('category'),
      closed('wijk'),
      closed('month'),
      open('category', [asOf]),
      open('wijk', [asOf]),
      moments.length > 0
        ? open(
            'total',
            moments.map((m) => m.moment),
          )
        : [],
    ]);
  const byCategory = mergeHandlingRows(categories, openCategories);
  return {
    asOf,
    lastDay: addDays(asOf.slice(0, 10), -1),
    total: handlingTotal(total[0] ?? null, byCategory),
    byCategory,
    byWijk: mergeHandlingRows(wijken, openWijken),
    months: handlingMonths(moments, months, openMonths),
  };
}
