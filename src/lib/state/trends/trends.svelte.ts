/**
 * The Wijken view's model: monthly counts per wijk and theme under the shared filter,
 * judged by analysis/wijk-trends.ts, and for each aandachtslocatie the records around it
 * and its visits per week against the target. Area lists and the data period are read
 * once per data version; the newest request wins.
 */
import { tick } from 'svelte';
import {
  computeVisitFrequency,
  geometryCentre,
  monthlyVisitsPerWeek,
  type VisitDay,
  type VisitFrequency,
} from '$lib/analysis/watch-locations';
import {
  computeWijkTrends,
  wholeMonthsBetween,
  type MonthRange,
  type TrendPanel,
  type WijkInfo,
  type WijkTrends,
} from '$lib/analysis/wijk-trends';
import type { Connector } from '$lib/data/connector';
import { buildDataPeriodQuery } from '$lib/data/queries/filter-options';
import type { RecordFilter } from '$lib/data/queries/record-filter';
import { queryFactsMonthlyCounts, withFacts } from '$lib/data/analysis-facts';
import {
  buildWatchLocationsQuery,
  buildWatchVisitsQuery,
  buildWijkenQuery,
  type LocationPoint,
} from '$lib/data/queries/trends';
import type { RecordTable } from '$lib/data/schema';
import { Latest, measureSince, type ReadinessBegin } from '../shared/latest';
import { perDataVersion } from '../shared/per-data-version';

/** Records within this distance of an aandachtslocatie's centre count as "at" it. */
export const WATCH_RADIUS_M = 250;
export const VISIT_WEEKS = 13;

export interface WijkenRequest {
  tables: readonly RecordTable[];
  filter: RecordFilter;
  /** The filter's first and last day ('YYYY-MM-DD'), null = open. */
  from: string | null;
  to: string | null;
  periodMonths: number;
  dataVersion: number;
}

export interface WatchLocationTrend {
  id: string;
  name: string;
  reason: string | null;
  target: number | null;
  panel: TrendPanel;
  visitsPerWeek: number[];
  frequency: VisitFrequency;
}

interface StaticData {
  period: { first: string | null; last: string | null };
  wijken: WijkInfo[];
  locations: (LocationPoint & { name: string; reason: string | null; target: number | null })[];
}

type VisitRow = VisitDay & { target: string };

const endOfRange = (range: MonthRange) => Date.UTC(range.last.year, range.last.month, 1);

export class WijkenModel {
  trends = $state.raw<WijkTrends | null>(null);
  locations = $state.raw<WatchLocationTrend[] | null>(null);
  range = $state.raw<MonthRange | null>(null);
  /** Filtered records with a wijk known to the year only: in no monthly series. */
  yearOnly = $state(0);
  error = $state<string | null>(null);
  /** Area lists, the data period and the aandachtslocaties, read once per data version. */
  readonly #staticData = perDataVersion((conn) => readStaticData(conn));
  #visitCache: { key: string; rows: VisitRow[] } | null = null;
  /** A URL change that leaves the request equal does not recompute. */
  readonly #latest: Latest;

  constructor(readiness: ReadinessBegin) {
    this.#latest = new Latest(readiness);
  }

  compute(conn: Connector, request: WijkenRequest, dataVersion = 0): Promise<void> {
    const fail = (message: string) => (this.error = message);
    return this.#latest.run(
      [request, dataVersion],
      (current) => this.#run(conn, request, current),
      fail,
    );
  }

  async #run(conn: Connector, request: WijkenRequest, current: () => boolean): Promise<void> {
    const started = performance.now();
    const base = await this.#staticData(conn, request.dataVersion);
    const first = [base.period.first, request.from]
      .filter((d) => d !== null)
      .sort()
      .at(-1);
    const last = [base.period.last, request.to].filter((d) => d !== null).sort()[0];
    const range = first && last ? wholeMonthsBetween(first, last) : null;
    if (!range) {
      if (!current()) return;
      [this.trends, this.locations, this.range] = [null, null, null];
      this.error = 'De gekozen periode bevat geen hele maand: kies een langere periode.';
      return;
    }
    // Wijk series and the records around each aandachtslocatie, from the analysis facts
    // (queries/facts.ts; the counts of buildWijkMonthlyCountsQuery and
    // buildNearbyMonthlyCountsQuery on the source tables).
    const countsStart = performance.now();
    const { rows, nearby, yearOnly } = await withFacts(conn, request.dataVersion, (codes) =>
      queryFactsMonthlyCounts(
        conn,
        {
          tables: request.tables,
          filter: request.filter,
          locations: base.locations,
          radiusM: WATCH_RADIUS_M,
        },
        codes,
      ),
    );
    if (!current()) return;
    const visitsStart = performance.now();
    const visits = await this.#visits(conn, request);
    measureSince('wijken.query_counts', countsStart, visitsStart);
    measureSince('wijken.query_visits', visitsStart);
    if (!current()) return;
    const queried = performance.now();
    const options = { periodMonths: request.periodMonths };
    const trends = computeWijkTrends(rows, base.wijken, range, options);
    this.locations = this.#locationTrends(base, nearby, visits, range, options);
    this.trends = trends;
    this.range = range;
    this.yearOnly = yearOnly;
    this.error = null;
    const computed = performance.now();
    await tick();
    // For the benchmark's breakdown (scripts/bench/times.ts).
    measureSince('wijken.query', started, queried);
    measureSince('wijken.draw', measureSince('wijken.compute', queried, computed));
  }

  #locationTrends(
    base: StaticData,
    nearby: Parameters<typeof computeWijkTrends>[0],
    visits: VisitRow[],
    range: MonthRange,
    options: { periodMonths: number },
  ): WatchLocationTrend[] {
    const locationInfo = base.locations.map((l) => ({
      code: l.id,
      name: l.name,
      inhabitants: null,
    }));
    const locationTrends = computeWijkTrends(nearby, locationInfo, range, {
      ...options,
      perTheme: false,
    });
    return base.locations.map((l) => {
      const days = visits.filter((v) => v.target === l.id);
      return {
        id: l.id,
        name: l.name,
        reason: l.reason,
        target: l.target,
        panel: locationTrends.panels.find((p) => p.key === `${l.id}|*`)!,
        visitsPerWeek: monthlyVisitsPerWeek(days, range),
        frequency: computeVisitFrequency(days, endOfRange(range), l.target, VISIT_WEEKS),
      };
    });
  }

  /** Visits follow only the filter's period, hours and weekdays: kept while those stay. */
  async #visits(conn: Connector, request: WijkenRequest): Promise<VisitRow[]> {
    const { from, to, hours, weekdays } = request.filter;
    const key = JSON.stringify([request.dataVersion, from, to, hours, weekdays]);
    if (this.#visitCache?.key !== key) {
      const rows = await conn.query<VisitRow>(buildWatchVisitsQuery(request.filter));
      this.#visitCache = { key, rows };
    }
    return this.#visitCache.rows;
  }
}

async function readStaticData(conn: Connector): Promise<StaticData> {
  const [period] = await conn.query<StaticData['period']>(buildDataPeriodQuery());
  const wijken = await conn.query<WijkInfo>(buildWijkenQuery());
  const rows = await conn.query<{
    id: string;
    name: string;
    reason: string | null;
    visits_per_week: number | null;
    geometry: string;
  }>(buildWatchLocationsQuery());
  const locations = rows.map((r) => {
    const [lon, lat] = geometryCentre(JSON.parse(r.geometry));
    return { id: r.id, name: r.name, reason: r.reason, target: r.visits_per_week, lon, lat };
  });
  return { period: period ?? { first: null, last: null }, wijken, locations };
}
