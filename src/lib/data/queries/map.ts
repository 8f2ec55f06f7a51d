/**
 * Queries feeding the map: area geometries (for the offline base map and choropleths) and
 * record coordinates (columnar, for deck.gl).
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { Query } from '../connector';
import { RECORD_TIME_COLUMN, type RecordTable } from '../schema';

export type AreaLevelName = 'gemeente' | 'wijk' | 'buurt';

export function buildAreaGeometriesQuery(level: AreaLevelName): Query {
  return {
    sql: `SELECT code, name, parent, inhabitants, water, geometry FROM areas
          WHERE level = ? ORDER BY code`,
    params: [level],
  };
}

/** Bounding box of the municipality (all areas), for the initial map view. */
export function buildAreaBoundsQuery(): Query {
  return {
    sql: `SELECT min(min_lon) AS min_lon, min(min_lat) AS min_lat, max(max_lon) AS max_lon,
          max(max_lat) AS max_lat FROM areas`,
  };
}

/** Coordinates of the records of one table (Arrow: lon, lat, theme) in time order. */
export function buildRecordPointsQuery(table: RecordTable): Query {
  return {
    sql: `SELECT lon, lat, theme FROM ${table} WHERE lon IS NOT NULL AND lat IS NOT NULL
          ORDER BY ${RECORD_TIME_COLUMN[table]}`,
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
