/**
 * The filtered records of the base tables in one shape, for use as a subquery. The filter
 * itself and its compiler live in data/sql/record-filter.ts; the time, category and outcome
 * of each table in data/sql/record-time.ts.
 */
import type { Query, QueryParam } from '../connector';
import type { RecordTable } from '../schema';
import { dialect } from '../sql/dialect';
import { compileRecordFilter, type RecordFilter } from '../sql/record-filter';
import {
  CATEGORY_SQL,
  OUTCOME_SQL,
  precisionSql,
  recordSource,
  timeEndSql,
  timeSql,
} from '../sql/record-time';

export type { RecordFilter };

/** Columns of buildFilteredRecordsQuery, the same for every source table. */
export interface FilteredRecordRow {
  src: RecordTable;
  id: string;
  /** Local wall-clock time the record happened (see timeSql). */
  t: string;
  t_end: string | null;
  /** How precisely `t` is known (precisionSql): 'exact', 'day', 'month' or 'year'. */
  tp: string;
  theme: string | null;
  category: string | null;
  outcome: string | null;
  lon: number | null;
  lat: number | null;
  buurtcode: string | null;
  wijkcode: string | null;
}

/**
 * The filtered records of the chosen tables in one shape (FilteredRecordRow), for use as
 * a subquery: `SELECT theme, count(*) FROM (${q.sql}) GROUP BY theme`.
 */
export function buildFilteredRecordsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  options: { located?: boolean } = {},
): Query {
  if (tables.length === 0) throw new Error('no source table');
  const params: QueryParam[] = [];
  const parts = tables.map((table) => {
    const where = compileRecordFilter(filter, recordSource(table, options));
    params.push(...where.params);
    const outcome = OUTCOME_SQL[table] ?? dialect.nullOf('VARCHAR');
    return `SELECT '${table}' AS src, id, ${timeSql(table)} AS t, ${timeEndSql(table)} AS t_end,
        ${precisionSql(table)} AS tp, theme, ${CATEGORY_SQL[table]} AS category, ${outcome} AS outcome,
        lon, lat, buurtcode, wijkcode
      FROM ${table} WHERE ${where.sql}`;
  });
  return { sql: parts.join('\n      UNION ALL\n      '), params };
}
