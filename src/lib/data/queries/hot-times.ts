/**
 * The hot-times input in two parts, so that a million records need not cross from the
 * database worker one by one: records with an exact time are counted per local hour in
 * SQL (a few tens of thousands of rows for years of data), only records with a time window
 * come individually for aoristic spreading. Together they equal buildRecordWindowsQuery
 * (times.ts): the accumulator's addExact gives an hour count the same cell as that many
 * single records.
 */
import type { Query, QueryParam } from '../connector';
import type { RecordTable } from '../schema';
import { filterSql, timeEndSql, timeSql, type RecordFilter } from './record-filter';

function parts(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  select: (table: RecordTable) => string,
): Query {
  const params: QueryParam[] = [];
  const sql = tables
    .map((table) => {
      const where = filterSql(table, filter, { located: false });
      params.push(...where.params);
      return `SELECT ${select(table)} FROM ${table} WHERE ${where.sql}`;
    })
    .join('\nUNION ALL\n');
  return { sql, params };
}

/** Rows (hour: local epoch ms of the hour or NULL for no time, n) of the exact records. */
export function buildExactHourCountsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
): Query {
  const inner = parts(
    tables,
    filter,
    (table) =>
      `date_trunc('hour', ${timeSql(table)}) AS h, ${timeEndSql(table)} IS NULL AS exact`,
  );
  return {
    sql: `SELECT CAST(epoch_ms(h) AS DOUBLE) AS hour, count(*)::INTEGER AS n
      FROM (${inner.sql}) WHERE exact GROUP BY h`,
    params: inner.params,
  };
}

/** Arrow columns t_from, t_to (DOUBLE, local epoch ms) of the records with a time window. */
export function buildSpreadWindowsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
): Query {
  const inner = parts(
    tables,
    filter,
    (table) => `CAST(epoch_ms(${timeSql(table)}) AS DOUBLE) AS t_from,
        CAST(epoch_ms(${timeEndSql(table)}) AS DOUBLE) AS t_to`,
  );
  return { sql: `SELECT t_from, t_to FROM (${inner.sql}) WHERE t_to IS NOT NULL`, params: inner.params };
}
