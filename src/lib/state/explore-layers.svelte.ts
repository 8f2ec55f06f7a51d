/**
 * Data of the Verkennen map layers under the shared filter: points, counts per hexagon,
 * the kernel density surface, counts and rates per wijk/buurt, and the reference layers.
 * Only visible layers are computed; each recomputes when its own inputs change, and a
 * result that arrives after a newer request is dropped.
 */
import { approximateRd } from '$lib/analysis/rd-polynomial';
import { computeAreaRates, quantileBreaks, type AreaRate } from '$lib/analysis/area-rates';
import { cellPolygon } from '$lib/analysis/hex-grid';
import { computeKde, type KdeGrid } from '$lib/analysis/kde';
import { wgs84ToRd } from '$lib/analysis/rd';
import type { Connector } from '$lib/data/connector';
import {
  buildAreaCountsQuery,
  buildExplorePointsQuery,
  withoutFields,
} from '$lib/data/queries/explore';
import { buildHexCellCountsQuery } from '$lib/data/queries/hotspots';
import {
  areaRowsToFeatures,
  buildAreaGeometriesQuery,
  type AreaGeometryRow,
} from '$lib/data/queries/map';
import type { RecordFilter } from '$lib/data/queries/record-filter';
import {
  buildBuildingsQuery,
  buildInterventionsQuery,
  buildWatchLocationsQuery,
  type BuildingRow,
  type InterventionRow,
  type WatchLocationRow,
} from '$lib/data/queries/reference';
import type { RecordTable } from '$lib/data/schema';
import type { HexDensityCell } from '$lib/map/layers/hex-density';
import { buildPointColumns, type PointColumns } from '$lib/map/layers/record-points';
import type { FeatureCollection } from 'geojson';
import type { ExploreView } from './explore-url';
import { getGridContext } from './grid-context';
import { readiness } from './readiness.svelte';

export interface LayerInputs {
  view: ExploreView;
  tables: readonly RecordTable[];
  filter: RecordFilter;
  dataVersion: number;
}

export interface AreaLayerData {
  level: 'wijk' | 'buurt';
  features: FeatureCollection;
  rates: Map<string, AreaRate>;
  breaks: number[];
  measure: 'aantal' | 'per1000';
}

export interface ReferenceData {
  watch: WatchLocationRow[];
  interventions: InterventionRow[];
  buildings: BuildingRow[];
}

/** Grid cell of the density surface: a fifth of the bandwidth, at least 25 m. */
export function kdeCellSize(bandwidth: number): number {
  return Math.max(25, Math.round(bandwidth / 5));
}

export class ExploreLayersModel {
  points = $state.raw<PointColumns | null>(null);
  hex = $state.raw<{ cells: HexDensityCell[]; breaks: number[]; size: number } | null>(null);
  kde = $state.raw<{ grid: KdeGrid; max: number } | null>(null);
  areas = $state.raw<AreaLayerData | null>(null);
  reference = $state.raw<ReferenceData | null>(null);
  error = $state<string | null>(null);
  #keys: Record<string, string> = {};
  #pointsKey = '';
  // A private cache, not state: nothing renders from it.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #areaShapes = new Map<
    string,
    Promise<{ rows: AreaGeometryRow[]; features: FeatureCollection }>
  >();

  /** Recomputes what the visible layers need. */
  refresh(conn: Connector, inputs: LayerInputs): void {
    const { view } = inputs;
    const on = (layer: ExploreView['layers'][number]) => view.layers.includes(layer);
    const filterKey = JSON.stringify([inputs.dataVersion, inputs.tables, inputs.filter]);
    if (on('punten') || on('dichtheid')) {
      void this.#run('points', filterKey, () => this.#loadPoints(conn, inputs));
    }
    // The density waits for the points of the same filter.
    if (on('dichtheid') && this.#pointsKey === filterKey) {
      void this.#run('kde', JSON.stringify([filterKey, view.bandwidth]), () =>
        this.#loadKde(conn, inputs),
      );
    }
    if (on('zeshoeken')) {
      void this.#run('hex', JSON.stringify([filterKey, view.cell]), () =>
        this.#loadHex(conn, inputs),
      );
    }
    if (on('gebieden')) {
      const areaFilter = withoutFields(inputs.filter, ['wijkcodes', 'buurtcodes']);
      const key = JSON.stringify([
        inputs.dataVersion,
        inputs.tables,
        areaFilter,
        view.areaLevel,
        view.measure,
      ]);
      void this.#run('areas', key, () => this.#loadAreas(conn, inputs, areaFilter));
    }
    if (on('aandacht') || on('interventies') || on('panden')) {
      void this.#run('reference', String(inputs.dataVersion), () => this.#loadReference(conn));
    }
  }

  async #run(name: string, key: string, work: () => Promise<boolean>): Promise<void> {
    if (this.#keys[name] === key) return;
    this.#keys[name] = key;
    const done = readiness.begin();
    try {
      const stale = () => this.#keys[name] !== key;
      if (!(await work()) || stale()) return;
      this.error = null;
    } catch (error) {
      delete this.#keys[name];
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      done();
    }
  }

  async #loadPoints(conn: Connector, inputs: LayerInputs): Promise<boolean> {
    const key = this.#keys.points;
    const arrow = await conn.queryArrow(buildExplorePointsQuery(inputs.tables, inputs.filter));
    if (this.#keys.points !== key) return false;
    this.points = buildPointColumns(arrow);
    this.#pointsKey = key.slice(0);
    if (inputs.view.layers.includes('dichtheid')) this.refresh(conn, inputs);
    return true;
  }

  async #loadKde(conn: Connector, inputs: LayerInputs): Promise<boolean> {
    const points = this.points;
    if (!points) return false;
    const grid = await getGridContext(conn, inputs.dataVersion);
    const n = points.length;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      [x[i], y[i]] = approximateRd(
        grid.rd,
        points.origin[0] + points.positions[2 * i],
        points.origin[1] + points.positions[2 * i + 1],
      );
    }
    const b = grid.bounds;
    const [minX, minY] = wgs84ToRd(b.minLon, b.minLat);
    const [maxX, maxY] = wgs84ToRd(b.maxLon, b.maxLat);
    const cellSize = kdeCellSize(inputs.view.bandwidth);
    const result = computeKde(
      { x, y },
      { minX, minY, maxX, maxY, cellSize },
      inputs.view.bandwidth,
    );
    let max = 0;
    for (let i = 0; i < result.density.length; i++) max = Math.max(max, result.density[i]);
    this.kde = { grid: result, max };
    return true;
  }

  async #loadHex(conn: Connector, inputs: LayerInputs): Promise<boolean> {
    const grid = await getGridContext(conn, inputs.dataVersion);
    const size = inputs.view.cell;
    const rows = await conn.query<{ q: number; r: number; n: number }>(
      buildHexCellCountsQuery([...inputs.tables], { size, rd: grid.rd, filter: inputs.filter }),
    );
    const cells = rows.map((row) => ({
      polygon: cellPolygon(row.q, row.r, size),
      q: row.q,
      r: row.r,
      count: row.n,
    }));
    this.hex = {
      cells,
      size,
      breaks: quantileBreaks(
        cells.map((c) => c.count),
        5,
      ),
    };
    return true;
  }

  #shapes(conn: Connector, level: 'wijk' | 'buurt', dataVersion: number) {
    const key = `${dataVersion}:${level}`;
    let shapes = this.#areaShapes.get(key);
    if (!shapes) {
      shapes = conn.query<AreaGeometryRow>(buildAreaGeometriesQuery(level)).then((rows) => ({
        rows,
        features: areaRowsToFeatures(rows),
      }));
      this.#areaShapes.set(key, shapes);
    }
    return shapes;
  }

  async #loadAreas(conn: Connector, inputs: LayerInputs, filter: RecordFilter): Promise<boolean> {
    const level = inputs.view.areaLevel;
    const [shapes, counts] = await Promise.all([
      this.#shapes(conn, level, inputs.dataVersion),
      conn.query<{ code: string; n: number }>(buildAreaCountsQuery(inputs.tables, filter, level)),
    ]);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, not state
    const countByCode = new Map(counts.map((row) => [row.code, row.n] as const)) as ReadonlyMap<
      string,
      number
    >;
    const list = computeAreaRates(shapes.rows, countByCode);
    const measure = inputs.view.measure;
    const values = list
      .filter((a) => a.status !== 'water')
      .map((a) => (measure === 'aantal' ? a.count : a.rate))
      .filter((v): v is number => v !== null);
    this.areas = {
      level,
      features: shapes.features,
      // Built once and replaced whole ($state.raw), never mutated.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      rates: new Map(list.map((a) => [a.code, a])),
      breaks: quantileBreaks(values, 5),
      measure,
    };
    return true;
  }

  async #loadReference(conn: Connector): Promise<boolean> {
    const [watch, interventions, buildings] = await Promise.all([
      conn.query<WatchLocationRow>(buildWatchLocationsQuery()),
      conn.query<InterventionRow>(buildInterventionsQuery()),
      conn.query<BuildingRow>(buildBuildingsQuery()),
    ]);
    this.reference = { watch, interventions, buildings };
    return true;
  }
}
