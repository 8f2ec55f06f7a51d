/**
 * Hotspots (Getis-Ord Gi*) and emerging hot spots for the Verkennen map: counts per hex
 * cell (per time step) in DuckDB under the shared filter, the statistics in TypeScript (the
 * permutations in a Web Worker), cells classified at 90/95/99% after FDR. The study area (all cells of the municipality,
 * empty ones included, with their neighbourhoods) is built once per cell size and
 * neighbourhood.
 */
import { cellPolygon } from '$lib/analysis/hex-grid';
import type { ConfidenceClass, HexNeighbourhood } from '$lib/analysis/gistar';
import type { EmergingCategory } from '$lib/analysis/emerging';
import {
  assembleEmergingStudy,
  assembleHotspotStudy,
  buildHexStudy,
  periodValues,
  studyValues,
  type HexStudy,
} from '$lib/analysis/hotspot-study';
import type { Connector } from '$lib/data/connector';
import {
  buildHexCellCountsQuery,
  buildHexCellPeriodCountsQuery,
  listTimeSteps,
} from '$lib/data/queries/hotspots';
import type { RecordFilter } from '$lib/data/queries/record-filter';
import type { RecordTable } from '$lib/data/schema';
import type { HotspotCell as MapHotspotCell } from '$lib/display/map-cells';
import type { EmergingMapCell } from '$lib/display/map-cells';
import type { Neighbourhood } from './explore-url';
import { getGridContext, type GridContext } from '../shared/grid-context';
import { HotspotRunner } from './hotspot-runner';
import { Latest, type ReadinessBegin } from '../shared/latest';

/** Problems, not enforcement activity: visits only count when they are all that is chosen. */
export function hotspotTables(tables: readonly RecordTable[]): RecordTable[] {
  const problems = tables.filter((t) => t !== 'visits');
  return problems.length ? problems : [...tables];
}

export interface HotspotSettings {
  tables: readonly RecordTable[];
  filter: RecordFilter;
  size: number;
  neighbourhood: Neighbourhood;
  dataVersion: number;
}

const emptyCounts = () =>
  ({ 3: 0, 2: 0, 1: 0, 0: 0, [-1]: 0, [-2]: 0, [-3]: 0 }) as Record<ConfidenceClass, number>;

/** First of the month of a 'YYYY-MM-DD…' day, and the first of the month after another. */
function monthSpan(first: string, last: string): { from: string; to: string } {
  const [y, m] = last.slice(0, 7).split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${first.slice(0, 7)}-01 00:00:00`, to: `${next}-01 00:00:00` };
}

function dayBefore(timestamp: string): string {
  const ms = Date.parse(`${timestamp.slice(0, 10)}T00:00:00Z`) - 86_400_000;
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC' }).format(ms);
}

/** What every drawn cell has: its hexagon, its axial position and its count. */
function drawnCell(cell: { q: number; r: number; count: number }, size: number) {
  return { polygon: cellPolygon(cell.q, cell.r, size), q: cell.q, r: cell.r, count: cell.count };
}

type EmergingSettings = HotspotSettings & { step: number; period: { first: string; last: string } };

export class HotspotModel {
  size = $state(150);
  neighbourhoodText = $state('cel en directe buren');
  cells = $state.raw<MapHotspotCell[] | null>(null);
  counts = $state.raw<Record<ConfidenceClass, number> | null>(null);
  emerging = $state.raw<EmergingMapCell[] | null>(null);
  emergingCounts = $state.raw<Partial<Record<EmergingCategory, number>> | null>(null);
  emergingSteps = $state(0);
  /** Too few records for any significant cell: the legends say so instead of classes. */
  tooFew = $state(false);
  emergingTooFew = $state(false);
  total = $state(0);
  error = $state<string | null>(null);
  #study: { key: string; study: HexStudy } | null = null;
  readonly #hot: Latest;
  readonly #emerging: Latest;
  // Separate lifecycles and runners: a map and its emerging layer may be computed together.
  #hotRunner = new HotspotRunner();
  #emergingRunner = new HotspotRunner();

  constructor(readiness: ReadinessBegin) {
    this.#hot = new Latest(readiness);
    this.#emerging = new Latest(readiness);
  }

  compute(conn: Connector, settings: HotspotSettings): Promise<void> {
    const fail = (message: string) => (this.error = message);
    return this.#hot.run(settings, (current) => this.#compute(conn, settings, current), fail);
  }

  async #compute(
    conn: Connector,
    settings: HotspotSettings,
    current: () => boolean,
  ): Promise<void> {
    const { grid, study } = await this.#studyFor(conn, settings);
    const rows = await conn.query<{ q: number; r: number; n: number }>(
      buildHexCellCountsQuery(hotspotTables(settings.tables), {
        size: settings.size,
        rd: grid.rd,
        filter: settings.filter,
      }),
    );
    if (!current()) return;
    const { counts: values, rates, outside } = studyValues(study, rows);
    // Permutations in a worker; a newer filter change cancels this one.
    const permuted = await this.#hotRunner.hotspots(rates, study.index);
    if (!current()) return;
    const result = assembleHotspotStudy(study, values, permuted, outside);
    const counts = emptyCounts();
    this.cells = result.cells.map((cell) => {
      counts[cell.confidence]++;
      return {
        ...drawnCell(cell, settings.size),
        z: cell.z,
        klass: cell.confidence,
      };
    });
    this.counts = counts;
    this.tooFew = result.tooFew;
    this.total = result.total;
    this.size = settings.size;
    this.neighbourhoodText = describeNeighbourhood(settings.neighbourhood);
    this.error = null;
  }

  /**
   * Emerging hot spots over `step`-month periods: the filter's period, or else the data's
   * (`period`), widened to whole months.
   */
  computeEmerging(conn: Connector, settings: EmergingSettings): Promise<void> {
    const fail = (message: string) => (this.error = message);
    return this.#emerging.run(
      settings,
      (current) => this.#computeEmerging(conn, settings, current),
      fail,
    );
  }

  async #computeEmerging(
    conn: Connector,
    settings: EmergingSettings,
    current: () => boolean,
  ): Promise<void> {
    const { grid, study } = await this.#studyFor(conn, settings);
    const first = settings.filter.from ?? settings.period.first;
    // filter.to is exclusive: the last day is the day before.
    const last = settings.filter.to ? dayBefore(settings.filter.to) : settings.period.last;
    const span = monthSpan(first, last);
    const step = { months: settings.step };
    const steps = listTimeSteps(span.from, span.to, step);
    const rows = await conn.query<{ q: number; r: number; t: number; n: number }>(
      buildHexCellPeriodCountsQuery(hotspotTables(settings.tables), {
        size: settings.size,
        rd: grid.rd,
        filter: { ...settings.filter, from: span.from, to: span.to },
        step,
      }),
    );
    if (!current()) return;
    const values = periodValues(study, rows, steps.length);
    const permuted = await this.#emergingRunner.emerging(values.rates, study.index);
    if (!current()) return;
    const result = assembleEmergingStudy(study, values.counts, permuted, values.outside);
    const counts: Partial<Record<EmergingCategory, number>> = {};
    this.emerging = result.cells.map((cell) => {
      counts[cell.category] = (counts[cell.category] ?? 0) + 1;
      return {
        ...drawnCell(cell, settings.size),
        category: cell.category,
        trendZ: cell.trendZ,
      };
    });
    this.emergingCounts = counts;
    this.emergingTooFew = result.tooFew;
    this.emergingSteps = steps.length;
    this.error = null;
  }

  async #studyFor(
    conn: Connector,
    settings: HotspotSettings,
  ): Promise<{ grid: GridContext; study: HexStudy }> {
    const grid = await getGridContext(conn, settings.dataVersion);
    const key = JSON.stringify([settings.dataVersion, settings.size, settings.neighbourhood]);
    if (this.#study?.key !== key) {
      const n = settings.neighbourhood;
      const neighbourhood: HexNeighbourhood =
        'rings' in n ? n : { distance: n.distance, size: settings.size };
      this.#study = { key, study: buildHexStudy(grid.outline, settings.size, neighbourhood) };
    }
    return { grid, study: this.#study.study };
  }
}

export function describeNeighbourhood(n: Neighbourhood): string {
  if ('distance' in n) return `alle cellen binnen ${n.distance} m`;
  return n.rings === 1 ? 'cel en directe buren' : `cel en ${n.rings} ringen buren`;
}
