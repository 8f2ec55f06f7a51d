/**
 * Queries of the Wijken view: monthly counts per wijk and theme under the shared filter,
 * the wijken with their inhabitants, and for each aandachtslocatie (watch location) the
 * records around it per month and its visits per day.
 */
import type { Query, QueryParam } from '../connector';
import type { RecordTable } from '../schema';
import { buildFilteredRecordsQuery, filterSql, type RecordFilter } from './record-filter';

/** Metres per degree of latitude: 6,371,008.8 m × π/180 (analysis/geo-distance.ts). */
const METRES_PER_DEGREE = 111_195.08;

/**
 * Rows (wijkcode, theme, year, month, n) of the filtered records that have a wijk; records
 * known to the year only are in no month and left out (no January spikes in the trends).
 */
export function buildWijkMonthlyCountsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
): Query {
  const records = buildFilteredRecordsQuery(tables, filter, { located: false });
  return {
    // One month key (date_trunc) groups faster than year() and month() as two keys.
    sql: `SELECT wijkcode, theme, year(m)::INTEGER AS year, month(m)::INTEGER AS month, n
      FROM (SELECT wijkcode, theme, date_trunc('month', t) AS m, count(*)::INTEGER AS n
        FROM (${records.sql}) WHERE wijkcode IS NOT NULL AND t IS NOT NULL AND tp <> 'year'
        GROUP BY wijkcode, theme, m)
      ORDER BY wijkcode, theme, year, month`,
    params: records.params,
  };
}

/** Rows (code, name, inhabitants) of the wijken; inhabitants NULL where suppressed. */
export function buildWijkenQuery(): Query {
  return {
    sql: `SELECT code, coalesce(name, code) AS name,
        CASE WHEN inhabitants > 0 THEN inhabitants END::INTEGER AS inhabitants
      FROM areas WHERE level = 'wijk' ORDER BY code`,
  };
}

/** Rows (id, name, reason, visits_per_week, geometry) of the aandachtslocaties. */
export function buildWatchLocationsQuery(): Query {
  return {
    sql: `SELECT id, name, reason, visits_per_week, geometry FROM watch_locations ORDER BY name`,
  };
}

export interface LocationPoint {
  id: string;
  lon: number;
  lat: number;
}

/**
 * Rows (wijkcode = location id, theme NULL, year, month, n): the filtered records within
 * `radiusM` metres of each location's centre (equirectangular distance, exact to well under
 * a metre at this scale, see analysis/geo-distance.ts).
 */
export function buildNearbyMonthlyCountsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  locations: readonly LocationPoint[],
  radiusM: number,
): Query {
  if (!(radiusM > 0 && Number.isFinite(radiusM))) throw new RangeError('radiusM must be > 0');
  if (locations.length === 0) {
    return {
      sql: `SELECT NULL::VARCHAR AS wijkcode, NULL::VARCHAR AS theme, 0 AS year, 0 AS month,
        0 AS n WHERE FALSE`,
    };
  }
  const params: QueryParam[] = [];
  const values = locations.map((l) => {
    if (!Number.isFinite(l.lon) || !Number.isFinite(l.lat)) throw new RangeError('bad location');
    params.push(l.id, l.lon, l.lat);
    return '(?, CAST(? AS DOUBLE), CAST(? AS DOUBLE))';
  });
  const box = locationsBox(locations, radiusM);
  const metres = METRES_PER_DEGREE;
  const inner = filter.bbox
    ? [
        Math.max(box[0], filter.bbox[0]),
        Math.max(box[1], filter.bbox[1]),
        Math.min(box[2], filter.bbox[2]),
        Math.min(box[3], filter.bbox[3]),
      ]
    : box;
  const records = buildFilteredRecordsQuery(
    tables,
    { ...filter, bbox: inner as [number, number, number, number] },
    { located: true },
  );
  params.push(...(records.params ?? []), radiusM * radiusM);
  return {
    sql: `WITH loc(id, lon0, lat0) AS (VALUES ${values.join(', ')})
      SELECT loc.id AS wijkcode, NULL::VARCHAR AS theme, year(r.t)::INTEGER AS year,
        month(r.t)::INTEGER AS month, count(*)::INTEGER AS n
      FROM (${records.sql}) r, loc
      WHERE r.tp <> 'year' AND pow((r.lon - loc.lon0) * ${metres} * cos(radians(loc.lat0)), 2)
          + pow((r.lat - loc.lat0) * ${metres}, 2) <= CAST(? AS DOUBLE)
      GROUP BY ALL ORDER BY wijkcode, year, month`,
    params,
  };
}

/**
 * Rows (target, day, n): visits per day to each aandachtslocatie (visits.target = its id),
 * day as local epoch ms of midnight. Follows the shared filter's period, dagdeel and weekday
 * — not its theme or category, which describe problems, not the visiting schedule.
 */
export function buildWatchVisitsQuery(filter: RecordFilter): Query {
  const where = filterSql(
    'visits',
    { from: filter.from, to: filter.to, hours: filter.hours, weekdays: filter.weekdays },
    { located: false },
  );
  return {
    sql: `SELECT target, CAST(epoch_ms(date_trunc('day', started_at)) AS DOUBLE) AS day,
        count(*)::INTEGER AS n
      FROM visits
      WHERE target IN (SELECT id FROM watch_locations) AND ${where.sql}
      GROUP BY ALL ORDER BY target, day`,
    params: where.params,
  };
}

/**
 * A box around all locations grown by the radius: plain comparisons on 1M rows are cheap,
 * so the distance is computed only for records near one of them.
 */
export function locationsBox(
  locations: readonly LocationPoint[],
  radiusM: number,
): [number, number, number, number] {
  const metres = METRES_PER_DEGREE;
  const lats = locations.map((l) => l.lat);
  const lons = locations.map((l) => l.lon);
  const dLat = radiusM / metres;
  const dLon = radiusM / (metres * Math.cos((Math.max(...lats.map(Math.abs)) * Math.PI) / 180));
  return [
    Math.min(...lons) - dLon,
    Math.min(...lats) - dLat,
    Math.max(...lons) + dLon,
    Math.max(...lats) + dLat,
  ];
}

/** Per location the box [minLon, minLat, maxLon, maxLat] its radius fits in. */
export function locationBoxes(
  locations: readonly LocationPoint[],
  radiusM: number,
): [number, number, number, number][] {
  return locations.map((l) => {
    const dLat = radiusM / METRES_PER_DEGREE;
    const dLon = radiusM / (METRES_PER_DEGREE * Math.cos((l.lat * Math.PI) / 180));
    return [l.lon - dLon, l.lat - dLat, l.lon + dLon, l.lat + dLat];
  });
}

/** A location's coordinates and metres per degree of longitude and latitude there. */
export function locationScale(l: LocationPoint): {
  lon: number;
  lat: number;
  kx: number;
  metres: number;
} {
  if (!Number.isFinite(l.lon) || !Number.isFinite(l.lat)) throw new RangeError('bad location');
  const kx = METRES_PER_DEGREE * Math.cos((l.lat * Math.PI) / 180);
  return { lon: l.lon, lat: l.lat, kx, metres: METRES_PER_DEGREE };
}
