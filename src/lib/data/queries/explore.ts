/**
 * Queries of the Verkennen view over the shared filter (record-filter.ts): the records as
 * compact map points, counts per time bin and per theme for the linked charts, and counts
 * per wijk or buurt for the choropleth. Every user-chosen value is a `?` parameter.
 */
import type { Query, QueryParam } from '../connector';
import { RECORD_TABLES, type RecordTable } from '../schema';
import { THEMES } from '../themes';
import {
  binPrecisions,
  buildFilteredRecordsQuery,
  filterSql,
  type RecordFilter,
} from './record-filter';

/** Source table ↔ the small integer the points carry (`src` column of the points). */
export const POINT_SOURCES: readonly RecordTable[] = RECORD_TABLES;

function themeIndexSql(): string {
  const cases = THEMES.map((theme, i) => `WHEN '${theme}' THEN ${i}`).join(' ');
  return `(CASE theme ${cases} ELSE ${THEMES.length - 1} END)::UTINYINT`;
}

/**
 * The filtered records as map points, columnar (Arrow): lon, lat, th (index in THEMES),
 * src (index in POINT_SOURCES) and rid (the row's rowid in its table). 22 bytes a record:
 * the record's other fields are fetched on demand (buildPointRecordQuery).
 */
export function buildExplorePointsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
): Query {
  if (tables.length === 0) throw new Error('no source table');
  const params: QueryParam[] = [];
  const parts = tables.map((table) => {
    const where = filterSql(table, filter);
    params.push(...where.params);
    return `SELECT lon, lat, ${themeIndexSql()} AS th, ${POINT_SOURCES.indexOf(table)}::UTINYINT AS src,
        rowid::INTEGER AS rid FROM ${table} WHERE ${where.sql}`;
  });
  return { sql: parts.join('\n UNION ALL\n '), params };
}

export type TimeBin = 'month' | 'week' | 'day';

/** The bin width for a period of `days` days: about 20–200 bars. */
export function timeBinFor(days: number): TimeBin {
  if (days > 365) return 'month';
  if (days > 60) return 'week';
  return 'day';
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
    sql: `SELECT strftime(date_trunc('${bin}', t), '%Y-%m-%d') AS bin, count(*)::INTEGER AS n
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

/** A filter without some of its fields: a linked chart shows everything its own selection
 * would hide, so the user can widen or move it (cross-filtering). */
export function withoutFields(filter: RecordFilter, fields: (keyof RecordFilter)[]): RecordFilter {
  const next = { ...filter };
  for (const field of fields) delete next[field];
  return next;
}
