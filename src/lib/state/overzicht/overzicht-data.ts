/**
 * Gathers what the Overzicht's attention items need (attention-items.ts), with the queries
 * and analysis of the views its links lead to: the Wijken view's trends and visit
 * frequency (no filter, last month), the briefing's schouw status, and the meldingen that
 * are still open. Plain TypeScript, so the integration tests run exactly what the page runs.
 */
import { selectSchouwDue, type BuildingSchouwRow } from '$lib/analysis/briefing';
import { MONTHS } from '$lib/analysis/times-tables';
import { computeVisitFrequency, type VisitDay } from '$lib/analysis/watch-locations';
import { computeWijkTrends, wholeMonthsBetween, type WijkInfo } from '$lib/analysis/wijk-trends';
import type { Connector } from '$lib/data/connector';
import { buildSchouwStatusQuery } from '$lib/data/queries/briefing';
import { buildDataPeriodQuery } from '$lib/data/queries/filter-options';
import { buildFreshnessQuery } from '$lib/data/queries/overview';
import {
  buildWatchLocationsQuery,
  buildWatchVisitsQuery,
  buildWijkenQuery,
  buildWijkMonthlyCountsQuery,
} from '$lib/data/queries/trends';
import type { RecordTable } from '$lib/data/schema';
import { storedNorms } from '../management/handling-norms';
import type { AttentionInput } from './attention-items';
import { loadOpenMeldingen } from './meldingen-item';

/** As on the Wijken view (trends.svelte.ts VISIT_WEEKS) and the briefing (schouwDays). */
export const OVERZICHT_VISIT_WEEKS = 13;
export const OVERZICHT_SCHOUW_DAYS = 90;
/**
 * The latest three whole months of the data against the same months a year earlier, judged
 * as the Wijken view does. One month is too short: with every panel's comparison corrected
 * together (Holm, trend-family.ts) a single month's rise of one wijk cannot reach
 * significance, and the planted rise in Oost would go unseen.
 */
export const OVERZICHT_PERIOD_MONTHS = 3;

/** "augustus–oktober 2026", "december 2025–februari 2026": the `months` up to `last`. */
export function monthsLabel(last: { year: number; month: number }, months: number): string {
  const end = last.year * 12 + last.month - 1;
  const start = end - months + 1;
  const name = (m: number) => MONTHS[m % 12];
  const year = (m: number) => Math.floor(m / 12);
  if (start === end) return `${name(end)} ${year(end)}`;
  const from = year(start) === year(end) ? name(start) : `${name(start)} ${year(start)}`;
  return `${from}–${name(end)} ${year(end)}`;
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Null when there are no records at all (the page then leads to Gegevens). */
export async function loadAttentionInput(
  conn: Connector,
  today: string,
  norms = storedNorms(),
): Promise<AttentionInput | null> {
  const [[period], freshness] = await Promise.all([
    conn.query<{ first: string | null; last: string | null }>(buildDataPeriodQuery()),
    conn.query<{ table_name: RecordTable; last: number | null }>(buildFreshnessQuery()),
  ]);
  if (!period?.first || !period.last) return null;
  const end = nextDay(period.last);
  const at = `${end} 00:00:00`;
  const endMs = Date.parse(`${end}T00:00:00Z`);
  const range = wholeMonthsBetween(period.first, period.last);
  const [counts, wijken, locations, visits, schouw, meldingen] = await Promise.all([
    range ? conn.query<WijkRow>(buildWijkMonthlyCountsQuery(['incidents', 'meldingen'], {})) : [],
    conn.query<WijkInfo>(buildWijkenQuery()),
    conn.query<{ id: string; name: string; visits_per_week: number | null }>(
      buildWatchLocationsQuery(),
    ),
    conn.query<VisitDay & { target: string }>(buildWatchVisitsQuery({})),
    conn.query<BuildingSchouwRow>(buildSchouwStatusQuery(at)),
    loadOpenMeldingen(conn, at, norms),
  ]);
  // The Wijken view measures visits up to the end of its last whole month.
  const visitsEnd = range ? Date.UTC(range.last.year, range.last.month, 1) : endMs;
  return {
    today,
    dataEnd: period.last,
    freshness: freshness.map((r) => ({ table: r.table_name, last: r.last })),
    trends: range
      ? {
          panels: computeWijkTrends(counts, wijken, range, {
            periodMonths: OVERZICHT_PERIOD_MONTHS,
          }).panels,
          periodMonths: OVERZICHT_PERIOD_MONTHS,
          periodLabel: monthsLabel(range.last, OVERZICHT_PERIOD_MONTHS),
        }
      : null,
    watch: locations.map((l) => ({
      id: l.id,
      name: l.name,
      frequency: computeVisitFrequency(
        visits.filter((v) => v.target === l.id),
        visitsEnd,
        l.visits_per_week,
        OVERZICHT_VISIT_WEEKS,
      ),
    })),
    schouw: {
      due: selectSchouwDue(schouw, endMs, OVERZICHT_SCHOUW_DAYS),
      vacant: schouw.length,
      days: OVERZICHT_SCHOUW_DAYS,
    },
    meldingen,
    norms,
  };
}

type WijkRow = { wijkcode: string; theme: string | null; year: number; month: number; n: number };
