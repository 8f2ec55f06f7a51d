/**
 * The hot-times input in one scan, so that a million records need not cross from the
 * database worker one by one: records with an exact time are counted per local hour in
 * SQL (a few tens of thousands of rows for years of data), records with a time window come
 * individually (grouped only where from and to are identical) for aoristic spreading.
 * Together they equal buildRecordWindowsQuery (times.ts): the accumulator's addExact gives
 * an hour count the same cell as that many single records.
 */
import type { Query, QueryParam } from '../connector';
import type { RecordTable } from '../schema';
import { filterSql, knownHourSql, timeEndSql, timeSql, type RecordFilter } from './record-filter';

/**
 * Arrow columns t_from (DOUBLE, local epoch ms: the hour for exact records, the start for
 * windows; NULL = no time), t_to (DOUBLE; NULL for exact records) and n (INTEGER).
 */
export function buildHotTimeInputQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
): Query {
  const params: QueryParam[] = [];
  const parts = tables.map((table) => {
    const where = filterSql(table, filter, { located: false });
    params.push(...where.params);
    const start = timeSql(table);
    const end = timeEndSql(table);
    return `SELECT CASE WHEN ${end} IS NULL THEN date_trunc('hour', ${start}) ELSE ${start} END
        AS t0, ${end} AS t1
      FROM ${table} WHERE ${where.sql} AND ${knownHourSql(table)}`;
  });
  return {
    sql: `SELECT CAST(epoch_ms(t0) AS DOUBLE) AS t_from, CAST(epoch_ms(t1) AS DOUBLE) AS t_to,
        count(*)::INTEGER AS n
      FROM (${parts.join('\nUNION ALL\n')}) GROUP BY t0, t1`,
    params,
  };
}
