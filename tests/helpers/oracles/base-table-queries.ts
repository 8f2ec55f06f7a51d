/**
 * The views' queries on the base tables (incidents, meldingen, visits), as they were before
 * the projections (explore-facts.ts, facts.ts) took over: the plain reading of the shared
 * filter, kept as oracles that the projections' builders must equal. Used by tests only.
 */
import type { Query, QueryParam } from '../../../src/lib/data/connector';
import { POINT_SOURCES, type TimeBin } from '../../../src/lib/data/queries/explore';
import {
  buildFilteredRecordsQuery,
  type RecordFilter,
} from '../../../src/lib/data/queries/record-filter';
import { METRES_PER_DEGREE, type LocationPoint } from '../../../src/lib/data/queries/trends';
import type { RecordTable } from '../../../src/lib/data/schema';
import { dialect } from '../../../src/lib/data/sql/dialect';
import { compileRecordFilter } from '../../../src/lib/data/sql/record-filter';
import {
  binPrecisions,
  knownHourSql,
  recordSource,
  timeEndSql,
  timeSql,
} from '../../../src/lib/data/sql/record-time';
import { themeIndexSql } from '../../../src/lib/data/sql/theme-codes';

/** The shared filter (record-filter.ts); records without coordinates count too. */
export type TimeFilter = RecordFilter;

/**
 * The filtered records as map points, columnar (Arrow): lon, lat, th (index in THEMES),
 * src (index in POINT_SOURCES) and rid (the row's rowid in its table).
 */
export function buildExplorePointsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
): Query {
  if (tables.length === 0) throw new Error('no source table');
  const params: QueryParam[] = [];
  const parts = tables.map((table) => {
    const where = compileRecordFilter(filter, recordSource(table));
    params.push(...where.params);
    return `SELECT lon, lat, ${themeIndexSql('theme')} AS th,
        ${POINT_SOURCES.indexOf(table)}::${dialect.uint8} AS src,
        ${dialect.rowId}::INTEGER AS rid FROM ${table} WHERE ${where.sql}`;
  });
  return { sql: parts.join('\n UNION ALL\n '), params };
}

/**
 * Rows (bin 'YYYY-MM-DD' = start of the bin, n) of the filtered records, oldest first;
 * records whose time is coarser than the bin are left out (binPrecisions).
 */
export function buildTimeHistogramQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  bin: TimeBin,
): Query {
  const records = buildFilteredRecordsQuery(tables, filter, { located: false });
  return {
    sql: `SELECT ${dialect.strftime(dialect.dateTrunc(bin, 't'), '%Y-%m-%d')} AS bin,
            count(*)::INTEGER AS n
          FROM (${records.sql})
          WHERE tp IN (${binPrecisions(bin)
            .map((p) => `'${p}'`)
            .join(', ')})
          GROUP BY 1 ORDER BY 1`,
    params: records.params,
  };
}

/** Rows (theme, n) of the filtered records, most first. */
export function buildThemeCountsQuery(tables: readonly RecordTable[], filter: RecordFilter): Query {
  const records = buildFilteredRecordsQuery(tables, filter, { located: false });
  return {
    sql: `SELECT coalesce(theme, 'overig') AS theme, count(*)::INTEGER AS n
          FROM (${records.sql}) GROUP BY 1 ORDER BY n DESC, theme`,
    params: records.params,
  };
}

/** Rows (code, n): filtered records per wijk or buurt (records outside any area left out). */
export function buildAreaCountsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  level: 'wijk' | 'buurt',
): Query {
  const records = buildFilteredRecordsQuery(tables, filter, { located: false });
  const code = level === 'wijk' ? 'wijkcode' : 'buurtcode';
  return {
    sql: `SELECT ${code} AS code, count(*)::INTEGER AS n FROM (${records.sql})
          WHERE ${code} IS NOT NULL GROUP BY 1 ORDER BY 1`,
    params: records.params,
  };
}

/**
 * Record times for hot-time analysis: per record the start and (optional) end of the
 * window in which it happened, as local epoch milliseconds. Arrow columns t_from, t_to
 * (DOUBLE; t_to NULL for exact records).
 */
export function buildRecordWindowsQuery(
  tables: readonly RecordTable[],
  filter: TimeFilter = {},
): Query {
  const params: QueryParam[] = [];
  const parts = tables.map((table) => {
    const where = compileRecordFilter(filter, recordSource(table, { located: false }));
    params.push(...where.params);
    return `SELECT CAST(${dialect.epochMs(timeSql(table))} AS DOUBLE) AS t_from,
        CAST(${dialect.epochMs(timeEndSql(table))} AS DOUBLE) AS t_to
      FROM ${table} WHERE ${where.sql} AND ${knownHourSql(table)}`;
  });
  return { sql: parts.join('\nUNION ALL\n'), params };
}

/**
 * The hot-times input in one scan: records with an exact time counted per local hour,
 * records with a time window individually (grouped only where from and to are identical).
 * Together they equal buildRecordWindowsQuery. Arrow columns t_from (DOUBLE, local epoch
 * ms; NULL = no time), t_to (DOUBLE; NULL for exact records) and n (INTEGER).
 */
export function buildHotTimeInputQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
): Query {
  const params: QueryParam[] = [];
  const parts = tables.map((table) => {
    const where = compileRecordFilter(filter, recordSource(table, { located: false }));
    params.push(...where.params);
    const start = timeSql(table);
    const end = timeEndSql(table);
    return `SELECT CASE WHEN ${end} IS NULL THEN ${dialect.dateTrunc('hour', start)} ELSE ${start} END
        AS t0, ${end} AS t1
      FROM ${table} WHERE ${where.sql} AND ${knownHourSql(table)}`;
  });
  return {
    sql: `SELECT CAST(${dialect.epochMs('t0')} AS DOUBLE) AS t_from,
        CAST(${dialect.epochMs('t1')} AS DOUBLE) AS t_to, count(*)::INTEGER AS n
      FROM (${parts.join('\nUNION ALL\n')}) GROUP BY t0, t1`,
    params,
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

/**
 * Rows (wijkcode = location id, theme NULL, year, month, n): the filtered records within
 * `radiusM` metres of each location's centre (equirectangular distance).
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
