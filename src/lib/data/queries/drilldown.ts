/**
 * The records behind something on the map (drill-down): a hexagon cell, a wijk or buurt,
 * or the location of a point — always within the shared filter. A page of records and a
 * summary (counts per theme, month and hour; hours become dagdelen in drilldown-summary.ts).
 */
import type { Query, QueryParam } from '../connector';
import { RECORD_TABLES, type RecordTable } from '../schema';
import { dialect } from '../sql/dialect';
import { buildRecordCellsQuery, type RdPolynomial } from './hotspots';
import { buildFilteredRecordsQuery, type RecordFilter } from './record-filter';
import { registerAll } from './register';

export type DrilldownTarget =
  | { kind: 'cell'; q: number; r: number; size: number; rd: RdPolynomial }
  | { kind: 'area'; level: 'wijk' | 'buurt'; code: string }
  | { kind: 'location'; lon: number; lat: number };

/** The filtered records (FilteredRecordRow columns) behind a target, as a subquery. */
function drilldownBaseQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  target: DrilldownTarget,
): Query {
  const records = buildFilteredRecordsQuery(tables, filter, {
    located: target.kind !== 'area',
  });
  const params: QueryParam[] = [...(records.params ?? [])];
  if (target.kind === 'area') {
    const code = target.level === 'wijk' ? 'wijkcode' : 'buurtcode';
    params.push(target.code);
    return { sql: `SELECT * FROM (${records.sql}) WHERE ${code} = ?`, params };
  }
  if (target.kind === 'location') {
    params.push(target.lon, target.lat);
    return {
      sql: `SELECT * FROM (${records.sql})
            WHERE abs(lon - CAST(? AS DOUBLE)) < 1e-9 AND abs(lat - CAST(? AS DOUBLE)) < 1e-9`,
      params,
    };
  }
  const cells = buildRecordCellsQuery(tables, { size: target.size, rd: target.rd, filter });
  params.push(...(cells.params ?? []), target.q, target.r);
  return {
    sql: `SELECT f.* FROM (${records.sql}) f
          JOIN (${cells.sql}) c ON f.src = c.src AND f.id = c.id
          WHERE c.q = ? AND c.r = ?`,
    params,
  };
}

export interface DrilldownRecordRow {
  src: RecordTable;
  id: string;
  /** Local wall-clock epoch ms (connector boundary). */
  t: number;
  theme: string | null;
  category: string | null;
  outcome: string | null;
  wijk: string | null;
  buurt: string | null;
}

/** One page of the records behind a target, newest first, with wijk and buurt names. */
function drilldownPageQuery(base: Query, page: number, pageSize: number): Query {
  if (!Number.isInteger(page) || page < 0 || !Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError('page ≥ 0 and page size ≥ 1 must be integers');
  }
  return {
    sql: `SELECT b.src, b.id, b.t, b.theme, b.category, b.outcome,
            coalesce(w.name, b.wijkcode) AS wijk, coalesce(u.name, b.buurtcode) AS buurt
          FROM (${base.sql}) b
          LEFT JOIN areas w ON w.level = 'wijk' AND w.code = b.wijkcode
          LEFT JOIN areas u ON u.level = 'buurt' AND u.code = b.buurtcode
          ORDER BY b.t DESC, b.src, b.id LIMIT ${pageSize} OFFSET ${page * pageSize}`,
    params: base.params,
  };
}

export interface DrilldownSummaryRow {
  kind: 'thema' | 'maand' | 'uur' | 'bron';
  key: string;
  n: number;
}

/**
 * Rows (kind, key, n): counts per theme, month ('YYYY-MM'), hour ('0'–'23') and source. The
 * hour counts only exact times, the month leaves out records known to the year only.
 */
function drilldownSummaryQuery(base: Query): Query {
  return {
    sql: `WITH base AS (${base.sql})
          SELECT * FROM (SELECT 'thema' AS kind, coalesce(theme, 'overig') AS key, count(*)::INTEGER AS n
            FROM base GROUP BY 2
          UNION ALL SELECT 'maand', ${dialect.strftime('t', '%Y-%m')}, count(*)::INTEGER FROM base
            WHERE tp <> 'year' GROUP BY 2
          UNION ALL SELECT 'uur', hour(t)::VARCHAR, count(*)::INTEGER FROM base
            WHERE tp = 'exact' GROUP BY 2
          UNION ALL SELECT 'bron', src, count(*)::INTEGER FROM base GROUP BY 2)
          ORDER BY 1, 2`,
    params: base.params,
  };
}

export interface PointRecordRow {
  id: string;
  lon: number | null;
  lat: number | null;
  t: number;
  t_end: number | null;
  theme: string | null;
  category: string | null;
  outcome: string | null;
  wijk: string | null;
  buurt: string | null;
}

/** One record by table and rowid (a picked map point), with its fields for a tooltip. */
function pointRecordQuery(table: RecordTable, rowid: number): Query {
  if (!RECORD_TABLES.includes(table)) throw new Error(`not a record table: ${table}`);
  const records = buildFilteredRecordsQuery([table], {}, { located: false });
  const sql = records.sql.replace(/ WHERE TRUE$/, ` WHERE ${dialect.rowId} = ?`);
  if (sql === records.sql) throw new Error('unexpected record query shape');
  return {
    sql: `SELECT b.id, b.lon, b.lat, b.t, b.t_end, b.theme, b.category, b.outcome,
            coalesce(w.name, b.wijkcode) AS wijk, coalesce(u.name, b.buurtcode) AS buurt
          FROM (${sql}) b
          LEFT JOIN areas w ON w.level = 'wijk' AND w.code = b.wijkcode
          LEFT JOIN areas u ON u.level = 'buurt' AND u.code = b.buurtcode`,
    params: [...(records.params ?? []), rowid],
  };
}

export const {
  buildDrilldownBaseQuery,
  buildDrilldownPageQuery,
  buildDrilldownSummaryQuery,
  buildPointRecordQuery,
} = registerAll('drilldown', {
  buildDrilldownBaseQuery: drilldownBaseQuery,
  buildDrilldownPageQuery: drilldownPageQuery,
  buildDrilldownSummaryQuery: drilldownSummaryQuery,
  buildPointRecordQuery: pointRecordQuery,
});
