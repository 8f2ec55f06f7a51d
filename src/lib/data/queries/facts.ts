/**
 * The analysis facts: one narrow table (TEMP, rebuilt per data version) with a row per
 * record of incidents, meldingen and visits, holding exactly what the Tijden and Wijken
 * views filter and group on — with the text columns replaced by small integer codes and the
 * time parts computed once. Filtering and grouping a million of these is several times
 * faster in DuckDB-WASM than the same work on the source tables (integer keys hash and
 * compare faster than text, and the hour, weekday and month need not be derived again on
 * every filter change).
 *
 * The meaning is the shared filter's (record-filter.ts): `factsFilterSql` is that filter
 * translated to codes, and tests/integration/facts.test.ts holds the two equal on Donderdeel.
 */
import type { Query, QueryParam } from '../connector';
import type { RecordTable } from '../schema';
import {
  CATEGORY_SQL,
  OUTCOME_SQL,
  checkTimestamp,
  timeEndSql,
  timeSql,
  type RecordFilter,
} from './record-filter';

export const FACTS_TABLE = 'analysis_facts';
export const FACTS_DICTIONARY_TABLE = 'analysis_facts_dictionary';

/** The coded text dimensions; `category` also codes the meldingen's main category. */
export const FACT_DIMENSIONS = ['theme', 'category', 'outcome', 'wijkcode', 'buurtcode'] as const;
export type FactDimension = (typeof FACT_DIMENSIONS)[number];

export const FACT_SOURCES: readonly RecordTable[] = ['incidents', 'meldingen', 'visits'];

/** Value → code per dimension (codes from 1; NULL stays NULL). */
export type FactsDictionary = Record<FactDimension, Map<string, number>>;

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

/**
 * The statements that (re)build the dictionary and the facts. `hour_key` is the local hour
 * as hours since 1970 (exact: taken from the truncated hour), `month_key` year × 12 +
 * month − 1.
 */
export function buildFactsStatements(): string[] {
  const distinct = FACT_DIMENSIONS.map((dim) =>
    dim === 'category'
      ? `SELECT 'category' AS dim, category AS value FROM records
         UNION SELECT 'category', category2 FROM records`
      : `SELECT '${dim}' AS dim, ${dim} AS value FROM records`,
  ).join('\n      UNION ');
  const joins = [
    ['theme', 'theme'],
    ['category', 'category'],
    ['category', 'category2'],
    ['outcome', 'outcome'],
    ['wijkcode', 'wijkcode'],
    ['buurtcode', 'buurtcode'],
  ];
  return [
    `CREATE OR REPLACE TEMP TABLE ${FACTS_DICTIONARY_TABLE} AS
      WITH records AS (${UNION_OF_SOURCES})
      SELECT dim, value, (row_number() OVER (PARTITION BY dim ORDER BY value))::USMALLINT AS code
      FROM (${distinct}) WHERE value IS NOT NULL`,
    `CREATE OR REPLACE TEMP TABLE ${FACTS_TABLE} AS
      WITH records AS (${UNION_OF_SOURCES})
      SELECT r.src, r.t, r.t_end,
        ${joins.map(([, column], i) => `d${i}.code AS ${column}_c`).join(', ')},
        (epoch_ms(date_trunc('hour', r.t)) // 3600000)::INTEGER AS hour_key,
        (year(r.t) * 12 + month(r.t) - 1)::INTEGER AS month_key,
        month(r.t)::UTINYINT AS month_n, hour(r.t)::UTINYINT AS hour_n,
        isodow(r.t)::UTINYINT AS dow_n, r.lon, r.lat
      FROM records r
      ${joins
        .map(
          ([dim, column], i) =>
            `LEFT JOIN ${FACTS_DICTIONARY_TABLE} d${i} ON d${i}.dim = '${dim}' AND d${i}.value = r.${column}`,
        )
        .join('\n      ')}`,
  ];
}

/** Rows (dim, value, code) of the dictionary. */
export function buildFactsDictionaryQuery(): Query {
  return { sql: `SELECT dim, value, code FROM ${FACTS_DICTIONARY_TABLE}` };
}

/** Cheap fingerprint of the source tables, to catch facts built from other data. */
export function buildFactsFingerprintQuery(): Query {
  return {
    sql: `SELECT ${FACT_SOURCES.map((t) => `(SELECT count(*) FROM ${t})`).join(" || '/' || ")}
      AS fingerprint`,
  };
}

function codes(dictionary: FactsDictionary, dim: FactDimension, values: readonly string[]) {
  return values.map((v) => dictionary[dim].get(v)).filter((c): c is number => c !== undefined);
}

function checkIntegers(values: readonly number[], min: number, max: number, name: string): void {
  for (const v of values) {
    if (!Number.isInteger(v) || v < min || v > max) {
      throw new RangeError(`${name} must be integers ${min}–${max}, got ${v}`);
    }
  }
}

/**
 * The shared filter (record-filter.ts) over the facts, for the chosen source tables. Only
 * integers (codes, checked numbers) go into the SQL text; timestamps are parameters.
 */
export function factsFilterSql(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  dictionary: FactsDictionary,
  { located = true }: { located?: boolean } = {},
): { sql: string; params: QueryParam[] } {
  const conditions: string[] = [];
  const params: QueryParam[] = [];
  const sources = FACT_SOURCES.map((t, i) => (tables.includes(t) ? i : -1)).filter((i) => i >= 0);
  if (sources.length === 0) return { sql: 'FALSE', params };
  if (sources.length < FACT_SOURCES.length) conditions.push(`src IN (${sources.join(', ')})`);
  if (located) conditions.push('lon IS NOT NULL', 'lat IS NOT NULL');
  if (filter.from !== undefined) {
    checkTimestamp(filter.from, 'from');
    conditions.push('t >= CAST(? AS TIMESTAMP)');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    checkTimestamp(filter.to, 'to');
    conditions.push('t < CAST(? AS TIMESTAMP)');
    params.push(filter.to);
  }
  const inCodes = (expression: string, list: number[]) =>
    conditions.push(list.length ? `${expression} IN (${list.join(', ')})` : 'FALSE');
  if (filter.themes?.length) inCodes('theme_c', codes(dictionary, 'theme', filter.themes));
  if (filter.categories?.length) {
    const list = codes(dictionary, 'category', filter.categories);
    conditions.push(
      list.length ? `(category_c IN (${list.join(', ')}) OR category2_c IN (${list}))` : 'FALSE',
    );
  }
  if (filter.outcomes?.length) inCodes('outcome_c', codes(dictionary, 'outcome', filter.outcomes));
  checkIntegers(filter.months ?? [], 1, 12, 'months');
  checkIntegers(filter.hours ?? [], 0, 23, 'hours');
  checkIntegers(filter.weekdays ?? [], 1, 7, 'weekdays');
  if (filter.months?.length) inCodes('month_n', [...filter.months]);
  if (filter.hours?.length) inCodes('hour_n', [...filter.hours]);
  if (filter.weekdays?.length) inCodes('dow_n', [...filter.weekdays]);
  if (filter.wijkcodes?.length) {
    inCodes('wijkcode_c', codes(dictionary, 'wijkcode', filter.wijkcodes));
  }
  if (filter.buurtcodes?.length) {
    inCodes('buurtcode_c', codes(dictionary, 'buurtcode', filter.buurtcodes));
  }
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
  dictionary: FactsDictionary,
): Query {
  const where = factsFilterSql(tables, filter, dictionary, { located: false });
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

/** Rows (wijkcode_c, theme_c, month_key, n) of the filtered records that have a time and wijk. */
export function buildFactsWijkMonthQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  dictionary: FactsDictionary,
): Query {
  const where = factsFilterSql(tables, filter, dictionary, { located: false });
  return {
    sql: `SELECT wijkcode_c, theme_c, month_key, count(*)::INTEGER AS n
      FROM ${FACTS_TABLE}
      WHERE ${where.sql} AND t IS NOT NULL AND wijkcode_c IS NOT NULL
      GROUP BY ALL`,
    params: where.params,
  };
}

/**
 * Rows (near, month_key, n): the filtered records with a time within the box, labelled by
 * `nearSql` (a CASE giving the location id or NULL, see trends.ts). The box keeps the
 * distance tests to the few records near a location.
 */
export function buildFactsNearMonthQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  dictionary: FactsDictionary,
  near: { sql: string; params: QueryParam[] },
  box: readonly [number, number, number, number],
): Query {
  const boxed: RecordFilter = {
    ...filter,
    bbox: filter.bbox
      ? [
          Math.max(box[0], filter.bbox[0]),
          Math.max(box[1], filter.bbox[1]),
          Math.min(box[2], filter.bbox[2]),
          Math.min(box[3], filter.bbox[3]),
        ]
      : box,
  };
  const where = factsFilterSql(tables, boxed, dictionary, { located: true });
  return {
    sql: `SELECT near, month_key, count(*)::INTEGER AS n
      FROM (SELECT ${near.sql} AS near, month_key FROM ${FACTS_TABLE}
        WHERE ${where.sql} AND t IS NOT NULL)
      WHERE near IS NOT NULL GROUP BY ALL`,
    params: [...near.params, ...where.params],
  };
}
