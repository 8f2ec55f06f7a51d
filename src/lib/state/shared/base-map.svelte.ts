/**
 * The offline base map of the loaded municipality: built once per data version from the
 * areas in DuckDB plus the demo's context layer (water, roads), shared by every map view.
 */
import type { FeatureCollection } from 'geojson';
import type { Connector } from '$lib/data/connector';
import {
  areaRowsToFeatures,
  buildAreaBoundsQuery,
  buildAreaGeometriesQuery,
  type AreaGeometryRow,
} from '$lib/data/queries/map';
import { buildBaseStyle } from '$lib/display/base-style';
import type { StyleSpecification } from 'maplibre-gl';
import { demoSource } from '../app/demo-source';

export interface BaseMap {
  style: StyleSpecification;
  bounds: [[number, number], [number, number]];
  wijken: FeatureCollection;
}

let cached: Promise<BaseMap> | null = null;
/** Donderdeel's CBS-style code (scripts/demo/geography-spec.ts). */
const DEMO_GEMEENTE_CODE = 'GM9901';

async function loadContext(): Promise<FeatureCollection | undefined> {
  try {
    const bytes = await demoSource.read('basemap.geojson');
    return JSON.parse(new TextDecoder().decode(bytes)) as FeatureCollection;
  } catch {
    return undefined; // the base map stands without context lines
  }
}

export interface AreaBox {
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
}

/** The base map from the areas of each level and their bounding box (any source). */
export async function baseMapFromAreas(
  level: (name: 'gemeente' | 'wijk' | 'buurt') => Promise<AreaGeometryRow[]> | AreaGeometryRow[],
  box: AreaBox | Promise<AreaBox>,
): Promise<BaseMap> {
  const features = async (name: 'gemeente' | 'wijk' | 'buurt') =>
    areaRowsToFeatures(await level(name));
  const [gemeente, wijken, buurten, demoContext, bounds] = await Promise.all([
    features('gemeente'),
    features('wijk'),
    features('buurt'),
    loadContext(),
    box,
  ]);
  // The context lines (water, roads) are drawn for the demo only: over an own
  // municipality's boundaries they would be another place's roads.
  const isDemo = gemeente.features.some((f) => f.properties?.code === DEMO_GEMEENTE_CODE);
  const context = isDemo ? demoContext : undefined;
  return {
    style: buildBaseStyle({ gemeente, wijken, buurten, context }),
    bounds: [
      [bounds.min_lon, bounds.min_lat],
      [bounds.max_lon, bounds.max_lat],
    ],
    wijken,
  };
}

async function buildBaseMap(conn: Connector): Promise<BaseMap> {
  return baseMapFromAreas(
    (name) => conn.query<AreaGeometryRow>(buildAreaGeometriesQuery(name)),
    conn.query<AreaBox>(buildAreaBoundsQuery()).then(([box]) => box),
  );
}

/** After areas changed: the next map builds its base map again. */
export function invalidateBaseMap(): void {
  cached = null;
}

export function getBaseMap(conn: Connector): Promise<BaseMap> {
  cached ??= buildBaseMap(conn).catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}
