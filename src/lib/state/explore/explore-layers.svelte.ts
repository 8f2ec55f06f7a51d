/**
 * Data of the Verkennen map layers under the shared filter: points (or, for a selection
 * too large to draw point by point, their density per hexagon), counts per hexagon, the
 * kernel density surface, counts and rates per wijk/buurt, and the reference layers.
 * Only visible layers are computed; each recomputes when its own inputs change, and a
 * result that arrives after a newer request is dropped.
 */
import { errorText } from '$lib/data/engine-errors';
import { computeAreaRates, quantileBreaks } from '$lib/analysis/area-rates';
import type { KdeGrid } from '$lib/analysis/kde';
import type { Connector } from '$lib/data/connector';
import { withoutFields } from '$lib/data/queries/explore';
import { buildFactsAreaCountsQuery } from '$lib/data/queries/explore-facts';
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
import type { AreaLayerData, ReferenceData } from '$lib/display/map-cells';
import type { PointColumns } from '$lib/display/point-columns';
import type { FeatureCollection } from 'geojson';
import { ensureFacts, factsComputedPerQuery } from './explore-facts';
import {
  countPoints,
  loadHex,
  loadKde,
  loadPoints,
  type HexLayerData,
  type Selection,
} from './explore-layer-data';
import {
  choosePointMode,
  padBox,
  pointLimit,
  softwareLimited,
  type PointDisplay,
} from './explore-points';
import type { ExploreView } from './explore-url';
import { readiness } from '../shared/readiness.svelte';

export { kdeCellSize } from './explore-layer-data';

export interface LayerInputs {
  view: ExploreView;
  tables: readonly RecordTable[];
  filter: RecordFilter;
  dataVersion: number;
  /** The visible lon/lat box [west, south, east, north]; null before the map has one. */
  viewport: readonly [number, number, number, number] | null;
}

export type { AreaLayerData, ReferenceData } from '$lib/display/map-cells';

export class ExploreLayersModel {
  /** The drawn points; null while the records layer shows a density. */
  points = $state.raw<PointColumns | null>(null);
  /** What the records layer shows (every point, those around the view, or a density). */
  pointDisplay = $state.raw<PointDisplay | null>(null);
  /** Records per hexagon when there are too many points to draw. */
  pointDensity = $state.raw<HexLayerData | null>(null);
  hex = $state.raw<HexLayerData | null>(null);
  kde = $state.raw<{ grid: KdeGrid; max: number } | null>(null);
  areas = $state.raw<AreaLayerData | null>(null);
  reference = $state.raw<ReferenceData | null>(null);
  error = $state<string | null>(null);
  /** The projection is a view (memory full): every change recomputes from the records. */
  factsView = $state(false);
  #keys: Record<string, string> = {};
  /** The filter whose every point is drawn: a move of the map needs no query then. */
  #allPointsFor = '';
  /** Hexagon counts per (filter, size), shared by the hexagon layer and the point density. */
  // A private cache, not state: nothing renders from it.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #hexCache = new Map<string, Promise<HexLayerData>>();
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
    const at: Selection = inputs;
    if (on('punten')) {
      const limit = pointLimit();
      const allKey = JSON.stringify([filterKey, limit]);
      // The view matters only while not every point is drawn.
      const box = this.#allPointsFor === allKey ? null : inputs.viewport;
      void this.#run('points', JSON.stringify([allKey, view.cell, box]), () =>
        this.#loadPoints(conn, at, {
          allKey,
          limit,
          box,
          size: view.cell,
          hexKey: JSON.stringify([filterKey, view.cell]),
        }),
      );
    }
    if (on('dichtheid')) {
      void this.#run('kde', JSON.stringify([filterKey, view.bandwidth]), async () => {
        const kde = await loadKde(conn, at, view.bandwidth);
        if (this.#keys.kde !== JSON.stringify([filterKey, view.bandwidth])) return false;
        this.kde = kde;
        return true;
      });
    }
    if (on('zeshoeken')) {
      const key = JSON.stringify([filterKey, view.cell]);
      void this.#run('hex', key, async () => {
        const hex = await this.#hexFor(conn, at, view.cell, key);
        if (this.#keys.hex !== key) return false;
        this.hex = hex;
        return true;
      });
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
      this.error = errorText(error);
    } finally {
      this.factsView = factsComputedPerQuery();
      done();
    }
  }

  #hexFor(conn: Connector, at: Selection, size: number, key: string): Promise<HexLayerData> {
    let hex = this.#hexCache.get(key);
    if (!hex) {
      hex = loadHex(conn, at, size);
      hex.catch(() => this.#hexCache.delete(key));
      this.#hexCache.set(key, hex);
      // Keep the last few: a filter toggled on and off again redraws at once.
      for (const old of this.#hexCache.keys()) {
        if (this.#hexCache.size <= 6) break;
        this.#hexCache.delete(old);
      }
    }
    return hex;
  }

  async #loadPoints(
    conn: Connector,
    at: Selection,
    opts: {
      allKey: string;
      limit: number;
      box: readonly [number, number, number, number] | null;
      size: number;
      hexKey: string;
    },
  ): Promise<boolean> {
    const key = this.#keys.points;
    const stale = () => this.#keys.points !== key;
    if (this.#allPointsFor === opts.allKey && this.points) return true;
    const around = opts.box ? padBox(opts.box) : null;
    const { total, inView } = await countPoints(conn, at, around);
    if (stale()) return false;
    const mode = choosePointMode(total, inView, opts.limit);
    const software = softwareLimited(opts.limit);
    if (mode === 'dichtheid') {
      const density = await this.#hexFor(conn, at, opts.size, opts.hexKey);
      if (stale()) return false;
      this.#allPointsFor = '';
      this.points = null;
      this.pointDensity = density;
      this.pointDisplay = { mode, total, inView, limit: opts.limit, drawn: 0, software };
      return true;
    }
    const points = await loadPoints(conn, at, mode === 'beeld' ? around : null);
    if (stale()) return false;
    this.#allPointsFor = mode === 'alle' ? opts.allKey : '';
    this.points = points;
    this.pointDensity = null;
    this.pointDisplay = {
      mode,
      total,
      inView,
      limit: opts.limit,
      drawn: points.length,
      software,
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
    await ensureFacts(conn, inputs.dataVersion);
    const [shapes, counts] = await Promise.all([
      this.#shapes(conn, level, inputs.dataVersion),
      conn.query<{ code: string; n: number }>(
        buildFactsAreaCountsQuery(inputs.tables, filter, level),
      ),
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
