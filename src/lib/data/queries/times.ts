/**
 * Record times for hot-time analysis: per record the start and (optional) end of the
 * window in which it happened, as local epoch milliseconds (the wall-clock reading encoded
 * as UTC, analysis/local-time.ts). Meldingen use their incident window when the export has
 * one (Signalen's incident_date_start/end), otherwise the report time; incidents their
 * occurred_from/to; visits their start. NULL end = exact time.
 */
import type { Query, QueryParam } from '../connector';
import type { RecordTable } from '../schema';
import { filterSql, knownHourSql, timeEndSql, timeSql, type RecordFilter } from './record-filter';

/** The shared filter (record-filter.ts); records without coordinates count too. */
export type TimeFilter = RecordFilter;

/** Arrow columns t_from, t_to (DOUBLE, local epoch ms; t_to NULL for exact records). */
export function buildRecordWindowsQuery(
  tables: readonly RecordTable[],
  filter: TimeFilter = {},
): Query {
  const params: QueryParam[] = [];
  const parts = tables.map((table) => {
    const where = filterSql(table, filter, { located: false });
    params.push(...where.params);
    return `SELECT CAST(epoch_ms(${timeSql(table)}) AS DOUBLE) AS t_from,
        CAST(epoch_ms(${timeEndSql(table)}) AS DOUBLE) AS t_to
      FROM ${table} WHERE ${where.sql} AND ${knownHourSql(table)}`;
  });
  return { sql: parts.join('\nUNION ALL\n'), params };
}
