/**
 * The objects the map layers draw, as the state models build them: hexagon cells with
 * their counts and classes, and the lookup of the cell under a clicked position. Pure, so
 * the models (state/) and the layer builders (map/) share them without importing each
 * other.
 */
import type { EmergingCategory } from '$lib/analysis/emerging';
import type { ConfidenceClass } from '$lib/analysis/gistar';
import { cellOf } from '$lib/analysis/hex-grid';
import { approximateRd, type RdPolynomial } from '$lib/analysis/rd-polynomial';
import type { AreaRate } from '$lib/analysis/area-rates';
import type { BuildingRow, InterventionRow, WatchLocationRow } from '$lib/data/queries/reference';
import type { FeatureCollection } from 'geojson';

/** Layer id of the records drawn as a density image instead of points. */
export const POINT_DENSITY_LAYER = 'punten-dichtheid';

export interface HexDensityCell {
  polygon: [number, number][];
  q: number;
  r: number;
  count: number;
}

/** A Gi* cell: its count, z-score and confidence class. */
export interface HotspotCell extends HexDensityCell {
  z: number;
  klass: ConfidenceClass;
}

/** An emerging hot spot cell: its pattern over the time steps. */
export interface EmergingMapCell extends HexDensityCell {
  category: EmergingCategory;
  trendZ: number;
}

/** Wijken or buurten with their counts or rates, classed for the choropleth. */
export interface AreaLayerData {
  level: 'wijk' | 'buurt';
  features: FeatureCollection;
  rates: Map<string, AreaRate>;
  breaks: number[];
  measure: 'aantal' | 'per1000';
}

/** The reference layers' rows: watch locations, interventions and buildings. */
export interface ReferenceData {
  watch: WatchLocationRow[];
  interventions: InterventionRow[];
  buildings: BuildingRow[];
}

/** What a reference layer's feature carries (for its tooltip). */
export type ReferenceObject =
  { kind: 'aandacht'; row: WatchLocationRow } | { kind: 'interventie'; row: InterventionRow };

/** Records per hexagon drawn as one image, with what picking needs to find a cell. */
export interface HexImageData {
  cells: HexDensityCell[];
  breaks: number[];
  size: number;
  rd: RdPolynomial;
}

const lookups = new WeakMap<HexImageData, Map<string, number>>();

/** The cell under a lon/lat position, with its count (null where no records are). */
export function hexCellAt(
  data: HexImageData,
  lon: number,
  lat: number,
): { q: number; r: number; count: number } | null {
  let counts = lookups.get(data);
  if (!counts) {
    counts = new Map(data.cells.map((cell) => [`${cell.q},${cell.r}`, cell.count]));
    lookups.set(data, counts);
  }
  const [x, y] = approximateRd(data.rd, lon, lat);
  const { q, r } = cellOf(x, y, data.size);
  const count = counts.get(`${q},${r}`);
  return count === undefined ? null : { q, r, count };
}
