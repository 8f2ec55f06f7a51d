/**
 * Hotspots (Getis-Ord Gi*) for the Verkennen map: counts per hex cell in DuckDB, the
 * statistic in TypeScript, cells classified at 90/95/99% after FDR. The study area (all
 * cells of the municipality, empty ones included) is built once per cell size.
 */
import { cellPolygon } from '$lib/analysis/hex-grid';
import type { MultiPolygonCoords } from '$lib/analysis/area-index';
import type { ConfidenceClass } from '$lib/analysis/gistar';
import { buildHexStudy, computeHotspotStudy, type HexStudy } from '$lib/analysis/hotspot-study';
import type { Connector } from '$lib/data/connector';
import {
  buildHexCellCountsQuery,
  fitRdPolynomial,
  type RdPolynomial,
} from '$lib/data/queries/hotspots';
import { buildAreaBoundsQuery, buildAreaGeometriesQuery } from '$lib/data/queries/map';
import type { HotspotCell as MapHotspotCell } from '$lib/map/layers/hotspot-cells';
import { readiness } from './readiness.svelte';

export const HOTSPOT_SOURCES = ['incidents', 'meldingen'] as const;

interface StudyContext {
  rd: RdPolynomial;
  study: HexStudy;
  size: number;
}

export class HotspotModel {
  theme = $state('');
  size = $state(150);
  cells = $state.raw<MapHotspotCell[] | null>(null);
  counts = $state.raw<Record<ConfidenceClass, number> | null>(null);
  error = $state<string | null>(null);
  #context: StudyContext | null = null;

  async compute(conn: Connector): Promise<void> {
    const done = readiness.begin();
    try {
      const context = await this.#studyFor(conn, this.size);
      const rows = await conn.query<{ q: number; r: number; n: number }>(
        buildHexCellCountsQuery([...HOTSPOT_SOURCES], {
          size: context.size,
          rd: context.rd,
          filter: { themes: this.theme ? [this.theme] : undefined },
        }),
      );
      const result = computeHotspotStudy(context.study, rows, { fdr: true });
      const counts = { 3: 0, 2: 0, 1: 0, 0: 0, [-1]: 0, [-2]: 0, [-3]: 0 } as Record<
        ConfidenceClass,
        number
      >;
      this.cells = result.cells.map((cell) => {
        counts[cell.confidence]++;
        return {
          polygon: cellPolygon(cell.q, cell.r, context.size),
          count: cell.count,
          z: cell.z,
          klass: cell.confidence,
        };
      });
      this.counts = counts;
      this.error = null;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      done();
    }
  }

  async #studyFor(conn: Connector, size: number): Promise<StudyContext> {
    if (this.#context?.size === size) return this.#context;
    const [bounds] = await conn.query<Record<string, number>>(buildAreaBoundsQuery());
    const rd = fitRdPolynomial({
      minLon: bounds.min_lon,
      minLat: bounds.min_lat,
      maxLon: bounds.max_lon,
      maxLat: bounds.max_lat,
    });
    // The municipality's outline; from its buurten when only those were imported.
    let outline = await conn.query<{ geometry: string }>(buildAreaGeometriesQuery('gemeente'));
    if (outline.length === 0) outline = await conn.query(buildAreaGeometriesQuery('buurt'));
    const polygons = outline.map(
      (row) => (JSON.parse(row.geometry) as { coordinates: MultiPolygonCoords }).coordinates,
    );
    this.#context = { rd, size, study: buildHexStudy(polygons, size, { rings: 1 }) };
    return this.#context;
  }
}
