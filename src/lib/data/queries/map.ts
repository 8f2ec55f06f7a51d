/**
 * Queries feeding the map: area geometries (for the offline base map and choropleths) and
 * the municipality's bounds. Record points: queries/explore.ts.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { Query } from '../connector';
import { registerAll } from './register';

export type AreaLevelName = 'gemeente' | 'wijk' | 'buurt';

function areaGeometriesQuery(level: AreaLevelName): Query {
  return {
    sql: `SELECT code, name, parent, inhabitants, water, geometry FROM areas
          WHERE level = ? ORDER BY code`,
    params: [level],
  };
}

/** Bounding box of the municipality (all areas), for the initial map view. */
function areaBoundsQuery(): Query {
  return {
    sql: `SELECT min(min_lon) AS min_lon, min(min_lat) AS min_lat, max(max_lon) AS max_lon,
          max(max_lat) AS max_lat FROM areas`,
  };
}

export interface AreaGeometryRow {
  code: string;
  name: string | null;
  parent: string | null;
  inhabitants: number | null;
  water: boolean | null;
  geometry: string;
}

/** Rows of buildAreaGeometriesQuery → a GeoJSON FeatureCollection for the map. */
export function areaRowsToFeatures(rows: readonly AreaGeometryRow[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => ({
      type: 'Feature',
      properties: {
        code: row.code,
        name: row.name,
        parent: row.parent,
        inhabitants: row.inhabitants,
        water: row.water,
      },
      geometry: JSON.parse(row.geometry) as Geometry,
    })),
  };
}

export const { buildAreaGeometriesQuery, buildAreaBoundsQuery } = registerAll('map', {
  buildAreaGeometriesQuery: areaGeometriesQuery,
  buildAreaBoundsQuery: areaBoundsQuery,
});
