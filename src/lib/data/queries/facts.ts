/**
 * The analysis facts: one narrow table (TEMP, rebuilt per data version) with a row per
 * record of incidents, meldingen and visits, holding exactly what the Tijden and Wijken
 * views filter and group on — with the text columns replaced by their 64-bit hashes and the
 * time parts computed once. Filtering and grouping a million of these is several times
 * faster in DuckDB-WASM than the same work on the source tables (integers hash and compare
 * faster than text, and the hour, weekday and month need not be derived again on every
 * filter change). Hashing is also much cheaper to build than joining code tables.
 *
 * A filter value is compared by its hash (`hash(?)`), so a value the data lacks matches
 * nothing, as it should. Two different texts with the same 64-bit hash would be taken for
 * one another; with a few hundred distinct values the chance is about 1 in 10^14.
 * Grouped results get their text back from a small table of the distinct values.
 *
 * The meaning is the shared filter's (record-filter.ts): `factsFilterSql` is that filter
 * on the hashes, and tests/integration/facts.test.ts holds the two equal on Donderdeel.
 */
import type { Query, QueryParam } from '../connector';
import type { RecordTable } from '../schema';
import { locationBoxes, locationScale, type LocationPoint } from './trends';
import {
  CATEGORY_SQL,
  OUTCOME_SQL,
  projectedTimeConditions,
  timeEndSql,
  timeSql,
  type RecordFilter,
} from './record-filter';

export const FACTS_TABLE = 'analysis_facts';
/** Hash → text of the themes and wijkcodes, to label grouped results. */
export const FACTS_VALUES_TABLE = 'analysis_facts_values';

export const FACT_SOURCES: readonly RecordTable[] = ['incidents', 'meldingen', 'visits'];

const HASHED = ['theme', 'category', 'category2', 'outcome', 'wijkcode', 'buurtcode'] as const;

/** Per source table: the SQL of each logical field (as record-filter.ts reads it). */
function sourceFields(table: RecordTable) {
  return {
    t: timeSql(table),
    tEnd: timeEndSql(table),
    theme: 'theme',
    category: CATEGORY_SQL[table],
    category2: table === 'meldingen' ? 'main_category' : 'NULL::VARCHAR',
    outcome: OUTCOME_SQL[table] ?? 'NULL::VARCHAR',
  };
}

const UNION_OF_SOURCES = FACT_SOURCES.map((table, index) => {
  const f = sourceFields(table);
  return `SELECT ${index}::UTINYINT AS src, ${f.t} AS t, ${f.tEnd} AS t_end, theme,
      ${f.category} AS category, ${f.category2} AS category2, ${f.outcome} AS outcome,
      wijkcode, buurtcode, lon, lat
    FROM ${table}`;
}).join('\n    UNION ALL\n    ');

/** Grid cells of 1/1600 degree (about 43 × 69 m here), to find records near a point fast. */
const CELLS_PER_DEGREE = 1600;
/** Cell x and y are made non-negative: x + 180°, y + 90°; a cell is x × Y_BASE + y. */
const X_OFFSET = 180 * CELLS_PER_DEGREE;
const Y_OFFSET = 90 * CELLS_PER_DEGREE;
const Y_BASE = 180 * CELLS_PER_DEGREE + 1;
const CELL_SQL = `((floor(r.lon * ${CELLS_PER_DEGREE}) + ${X_OFFSET}) * ${Y_BASE}
  + floor(r.lat * ${CELLS_PER_DEGREE}) + ${Y_OFFSET})::BIGINT`;

/** The cells (as CELL_SQL numbers them) that together cover the box. */
export function cellsCovering(box: readonly [number, number, number, number]): number[] {
  const [minLon, minLat, maxLon, maxLat] = box;
  if (![minLon, minLat, maxLon, maxLat].every(Number.isFinite)) {
    throw new RangeError('box must be finite numbers');
  }
  const cells: number[] = [];
  const [x0, x1] = [Math.floor(minLon * CELLS_PER_DEGREE), Math.floor(maxLon * CELLS_PER_DEGREE)];
  const [y0, y1] = [Math.floor(minLat * CELLS_PER_DEGREE), Math.floor(maxLat * CELLS_PER_DEGREE)];
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) cells.push((x + X_OFFSET) * Y_BASE + y + Y_OFFSET);
  }
  return cells;
}

/** South-west corner (lon, lat) of a cell numbered as CELL_SQL does. */
function cellCorner(cell: number): [number, number] {
  const x = Math.floor(cell / Y_BASE) - X_OFFSET;
  const y = (cell % Y_BASE) - Y_OFFSET;
  return [x / CELLS_PER_DEGREE, y / CELLS_PER_DEGREE];
}

/**
 * The statements that (re)build the facts and the value table. `hour_key` is the local hour
 * as hours since 1970 (floor), `month_key` year × 12 + month − 1; hashed text is NULL where
 * the text is (DuckDB's hash(NULL) is not NULL).
 */
export function buildFactsStatements(): string[] {
  const hashed = HASHED.map((c) => `if(r.${c} IS NULL, NULL, hash(r.${c})) AS ${c}_h`);
  const labelled = FACT_SOURCES.flatMap((t) => [
    `SELECT theme FROM ${t}`,
    `SELECT wijkcode FROM ${t}`,
  ]);
  return [
    `CREATE OR REPLACE TEMP TABLE ${FACTS_TABLE} AS
      WITH records AS (${UNION_OF_SOURCES})
      SELECT r.src, r.t, r.t_end, ${hashed.join(', ')},
        fdiv(epoch_ms(r.t), 3600000)::INTEGER AS hour_key,
        (year(r.t) * 12 + month(r.t) - 1)::INTEGER AS month_key,
        month(r.t)::UTINYINT AS month_n, hour(r.t)::UTINYINT AS hour_n,
        isodow(r.t)::UTINYINT AS dow_n, r.lon, r.lat, ${CELL_SQL} AS cell
      FROM records r`,
    `CREATE OR REPLACE TEMP TABLE ${FACTS_VALUES_TABLE} AS
      SELECT value, hash(value) AS h
      FROM (${labelled.join(' UNION ')}) AS v(value) WHERE value IS NOT NULL`,
  ];
}

/** Cheap fingerprint of the source tables, to catch facts built from other data. */
export function buildFactsFingerprintQuery(): Query {
  return {
    sql: `SELECT ${FACT_SOURCES.map((t) => `(SELECT count(*) FROM ${t})`).join(" || '/' || ")}
      AS fingerprint`,
  };
}

/**
 * The shared filter (record-filter.ts) over the facts, for the chosen source tables. Texts
 * and timestamps are parameters; only checked integers go into the SQL text.
 */
export function factsFilterSql(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  { located = true }: { located?: boolean } = {},
): { sql: string; params: QueryParam[] } {
  const conditions: string[] = [];
  const params: QueryParam[] = [];
  const sources = FACT_SOURCES.map((t, i) => (tables.includes(t) ? i : -1)).filter((i) => i >= 0);
  if (sources.length === 0) return { sql: 'FALSE', params };
  if (sources.length < FACT_SOURCES.length) conditions.push(`src IN (${sources.join(', ')})`);
  if (located) conditions.push('lon IS NOT NULL', 'lat IS NOT NULL');
  const time = { t: 't', month: 'month_n', hour: 'hour_n', weekday: 'dow_n' };
  projectedTimeConditions(filter, time, conditions, params);
  const hashes = (values: readonly string[]) => {
    params.push(...values);
    return values.map(() => 'hash(CAST(? AS VARCHAR))').join(', ');
  };
  if (filter.themes?.length) conditions.push(`theme_h IN (${hashes(filter.themes)})`);
  if (filter.categories?.length) {
    conditions.push(
      `(category_h IN (${hashes(filter.categories)}) OR category2_h IN (${hashes(filter.categories)}))`,
    );
  }
  if (filter.outcomes?.length) conditions.push(`outcome_h IN (${hashes(filter.outcomes)})`);
  if (filter.wijkcodes?.length) conditions.push(`wijkcode_h IN (${hashes(filter.wijkcodes)})`);
  if (filter.buurtcodes?.length) conditions.push(`buurtcode_h IN (${hashes(filter.buurtcodes)})`);
  if (filter.bbox) {
    const [minLon, minLat, maxLon, maxLat] = filter.bbox.map((v) => {
      if (!Number.isFinite(v)) throw new RangeError('bbox must be finite numbers');
      return `${v}::DOUBLE`;
    });
    conditions.push(`lon BETWEEN ${minLon} AND ${maxLon} AND lat BETWEEN ${minLat} AND ${maxLat}`);
  }
  return { sql: conditions.length ? conditions.join(' AND ') : 'TRUE', params };
}

/**
 * The hot-times input from the facts, in the columns of buildHotTimeInputQuery
 * (hot-times.ts): exact records counted per local hour (t_to NULL; a NULL t_from counts the
 * records without a time), windowed records one by one with n = 1.
 */
export function buildFactsHotTimeQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
): Query {
  const where = factsFilterSql(tables, filter, { located: false });
  return {
    sql: `SELECT CAST(hour_key AS DOUBLE) * 3600000 AS t_from, NULL::DOUBLE AS t_to,
        count(*)::INTEGER AS n
      FROM ${FACTS_TABLE} WHERE ${where.sql} AND t_end IS NULL GROUP BY hour_key
      UNION ALL
      SELECT CAST(epoch_ms(t) AS DOUBLE), CAST(epoch_ms(t_end) AS DOUBLE), 1
      FROM ${FACTS_TABLE} WHERE ${where.sql} AND t_end IS NOT NULL`,
    params: [...where.params, ...where.params],
  };
}

const YEAR_MONTH = `(month_key // 12)::INTEGER AS year, (month_key % 12 + 1)::INTEGER AS month`;

/** Rows (wijkcode, theme, year, month, n) of the filtered records with a time and wijk. */
export function buildFactsWijkMonthQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
): Query {
  const where = factsFilterSql(tables, filter, { located: false });
  return {
    sql: `SELECT w.value AS wijkcode, th.value AS theme, ${YEAR_MONTH}, g.n
      FROM (SELECT wijkcode_h, theme_h, month_key, count(*)::INTEGER AS n
        FROM ${FACTS_TABLE}
        WHERE ${where.sql} AND t IS NOT NULL AND wijkcode_h IS NOT NULL
        GROUP BY ALL) g
      JOIN ${FACTS_VALUES_TABLE} w ON w.h = g.wijkcode_h
      LEFT JOIN ${FACTS_VALUES_TABLE} th ON th.h = g.theme_h`,
    params: where.params,
  };
}

/**
 * Rows (near, year, month, n): the filtered records with a time, by the index in
 * `locations` of the first location within `radiusM` of the record (NULL: none — those rows
 * are for the caller to drop). The distance test of buildNearbyMonthlyCountsQuery (trends.ts) after a
 * cheap one: only records in the grid cells covering the locations are measured. Every
 * number in the SQL text is checked to be finite.
 */
export function buildFactsNearMonthQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  locations: readonly LocationPoint[],
  radiusM: number,
): Query {
  if (locations.length === 0) throw new RangeError('no locations');
  if (!(radiusM > 0 && Number.isFinite(radiusM))) throw new RangeError('radiusM must be > 0');
  const where = factsFilterSql(tables, filter, { located: true });
  const boxes = locationBoxes(locations, radiusM);
  // The cells of each box that reach into its circle (a metre of margin against rounding).
  const cells = [
    ...new Set(
      boxes.flatMap((box, i) => {
        const { lon, lat, kx, metres } = locationScale(locations[i]);
        return cellsCovering(box).filter((cell) => {
          const [x0, y0] = cellCorner(cell);
          const dx = Math.max(x0 - lon, 0, lon - (x0 + 1 / CELLS_PER_DEGREE)) * kx;
          const dy = Math.max(y0 - lat, 0, lat - (y0 + 1 / CELLS_PER_DEGREE)) * metres;
          return dx * dx + dy * dy <= (radiusM + 1) ** 2;
        });
      }),
    ),
  ];
  // Very large radii would list thousands of cells: then compare coordinates instead.
  const inCells =
    cells.length <= 2000
      ? `cell IN (${cells.join(', ')})`
      : boxes
          .map(([a, b, c, d]) => `(lon BETWEEN ${a} AND ${c} AND lat BETWEEN ${b} AND ${d})`)
          .join(' OR ');
  const cases = locations.map((l, i) => {
    const { lon, lat, kx, metres } = locationScale(l);
    return `WHEN pow((lon - ${lon}::DOUBLE) * ${kx}, 2) + pow((lat - ${lat}::DOUBLE) * ${metres}, 2)
      <= ${radiusM * radiusM} THEN ${i}`;
  });
  return {
    sql: `SELECT CASE ${cases.join(' ')} END AS near, ${YEAR_MONTH}, count(*)::INTEGER AS n
      FROM ${FACTS_TABLE}
      WHERE (${inCells}) AND ${where.sql} AND t IS NOT NULL
      GROUP BY ALL`,
    params: where.params,
  };
}
