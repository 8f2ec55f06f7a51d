/**
 * Queries of the Wijken view: monthly counts per wijk and theme under the shared filter,
 * the wijken with their inhabitants, and for each aandachtslocatie (watch location) the
 * records around it per month and its visits per day.
 */
import type { Query } from '../connector';
import type { RecordTable } from '../schema';
import { dialect } from '../sql/dialect';
import { compileRecordFilter } from '../sql/record-filter';
import { recordSource } from '../sql/record-time';
import { buildFilteredRecordsQuery, type RecordFilter } from './record-filter';
import { buildWatchLocationsQuery as buildReferenceWatchLocationsQuery } from './reference';
import { register, registerAll } from './register';

/** Metres per degree of latitude: 6,371,008.8 m × π/180 (analysis/geo-distance.ts). */
export const METRES_PER_DEGREE = 111_195.08;

/**
 * Rows (wijkcode, theme, year, month, n) of the filtered records that have a wijk; records
 * known to the year only are in no month and left out (no January spikes in the trends).
 */
function wijkMonthlyCountsQuery(tables: readonly RecordTable[], filter: RecordFilter): Query {
  const records = buildFilteredRecordsQuery(tables, filter, { located: false });
  return {
    // One month key (date_trunc) groups faster than year() and month() as two keys.
    sql: `SELECT wijkcode, theme, year(m)::INTEGER AS year, month(m)::INTEGER AS month, n
      FROM (SELECT wijkcode, theme, ${dialect.dateTrunc('month', 't')} AS m, count(*)::INTEGER AS n
        FROM (${records.sql}) WHERE wijkcode IS NOT NULL AND t IS NOT NULL AND tp <> 'year'
        GROUP BY wijkcode, theme, m)
      ORDER BY wijkcode, theme, year, month`,
    params: records.params,
  };
}

/** Rows (code, name, inhabitants) of the wijken; inhabitants NULL where suppressed. */
function wijkenQuery(): Query {
  return {
    sql: `SELECT code, coalesce(name, code) AS name,
        CASE WHEN inhabitants > 0 THEN inhabitants END::INTEGER AS inhabitants
      FROM areas WHERE level = 'wijk' ORDER BY code`,
  };
}

/** Rows (id, name, reason, visits_per_week, geometry) of the aandachtslocaties, by name. */
export const buildWatchLocationsQuery = register('trends.buildWatchLocationsQuery', (): Query =>
  buildReferenceWatchLocationsQuery('name'),
);

export interface LocationPoint {
  id: string;
  lon: number;
  lat: number;
}

/**
 * Rows (target, day, n): visits per day to each aandachtslocatie (visits.target = its id),
 * day as local epoch ms of midnight. Follows the shared filter's period, dagdeel and weekday
 * — not its theme or category, which describe problems, not the visiting schedule.
 */
function watchVisitsQuery(filter: RecordFilter): Query {
  const where = compileRecordFilter(
    { from: filter.from, to: filter.to, hours: filter.hours, weekdays: filter.weekdays },
    recordSource('visits', { located: false }),
  );
  const day = dialect.epochMs(dialect.dateTrunc('day', 'started_at'));
  return {
    sql: `SELECT target, CAST(${day} AS DOUBLE) AS day, count(*)::INTEGER AS n
      FROM visits
      WHERE target IN (SELECT id FROM watch_locations) AND ${where.sql}
      ${dialect.groupByAll} ORDER BY target, day`,
    params: where.params,
  };
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

export const { buildWijkMonthlyCountsQuery, buildWijkenQuery, buildWatchVisitsQuery } = registerAll(
  'trends',
  {
    buildWijkMonthlyCountsQuery: wijkMonthlyCountsQuery,
    buildWijkenQuery: wijkenQuery,
    buildWatchVisitsQuery: watchVisitsQuery,
  },
);
