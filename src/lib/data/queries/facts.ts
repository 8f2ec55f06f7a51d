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
 * Themes and wijkcodes also get small integer codes (FactCodes), which the Wijken counts
 * group by; the caller maps the codes back to text.
 *
 * The meaning is the shared filter's (compileRecordFilter): `analysisFactsSource` is where
 * that filter reads each field on the hashes, and tests/integration/facts.test.ts holds the
 * two equal on Donderdeel.
 */
import type { Query } from '../connector';
import { RECORD_TABLES, type RecordTable } from '../schema';
import { dialect } from '../sql/dialect';
import { inSpringGapSql } from '../sql/local-time';
import {
  compileRecordFilter,
  filteredQuery,
  type FilterSource,
  type RecordFilter,
} from '../sql/record-filter';
import { codeSql, codeValuesSql } from '../sql/theme-codes';
import {
  CATEGORY_SQL,
  OUTCOME_SQL,
  precisionSql,
  sourceTablesSql,
  timeEndSql,
  timeSql,
} from '../sql/record-time';
import { register, registerAll } from './register';

export const ANALYSIS_FACTS_TABLE = 'analysis_facts';

/** The facts' `src`: the index of the record's table in this list. */
const FACT_SOURCES: readonly RecordTable[] = RECORD_TABLES;

const HASHED = ['theme', 'category', 'category2', 'outcome', 'wijkcode', 'buurtcode'] as const;

/** Per source table: the SQL of each logical field (as record-filter.ts reads it). */
function sourceFields(table: RecordTable) {
  return {
    t: timeSql(table),
    tEnd: timeEndSql(table),
    precision: precisionSql(table),
    theme: 'theme',
    category: CATEGORY_SQL[table],
    category2: table === 'meldingen' ? 'main_category' : dialect.nullOf('VARCHAR'),
    outcome: OUTCOME_SQL[table] ?? dialect.nullOf('VARCHAR'),
  };
}

/**
 * Time precision as a small code while the facts are built: 0 exact, 1 day, 2 month,
 * 3 year. It is not stored (a column costs memory at 10M records): the facts keep it in
 * which of month_n, hour_n and dow_n are NULL (FACTS_KNOWN).
 */
const PRECISION_CODES = { exact: 0, day: 1, month: 2, year: 3 } as const;

/**
 * Conditions on the facts for records whose time gives the part (record-filter
 * KNOWN_PARTS): the hour only for exact times, the weekday down to a day, the month down
 * to a month. A record without any time has none of them.
 */
export const FACTS_KNOWN = {
  hour: 'hour_n IS NOT NULL',
  weekday: 'dow_n IS NOT NULL',
  month: 'month_n IS NOT NULL',
} as const;

function precisionCodeSql(precision: string): string {
  const whens = Object.entries(PRECISION_CODES)
    .map(([name, code]) => `WHEN '${name}' THEN ${code}`)
    .join(' ');
  return `(CASE (${precision}) ${whens} ELSE 0 END)::${dialect.uint8}`;
}

const unionOfSources = () =>
  FACT_SOURCES.map((table, index) => {
    const f = sourceFields(table);
    return `SELECT ${index}::${dialect.uint8} AS src, ${f.t} AS t, ${f.tEnd} AS t_end,
      ${precisionCodeSql(f.precision)} AS prec, theme,
      ${f.category} AS category, ${f.category2} AS category2, ${f.outcome} AS outcome,
      wijkcode, buurtcode, gemeente, lon, lat
    FROM ${table}`;
  }).join('\n    UNION ALL\n    ');

/** Grid cells of 1/1600 degree (about 43 × 69 m here), to find records near a point fast. */
export const CELLS_PER_DEGREE = 1600;
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
export function cellCorner(cell: number): [number, number] {
  const x = Math.floor(cell / Y_BASE) - X_OFFSET;
  const y = (cell % Y_BASE) - Y_OFFSET;
  return [x / CELLS_PER_DEGREE, y / CELLS_PER_DEGREE];
}

/** The distinct themes, wijkcodes and gemeenten, which get small codes in the facts (FactCodes). */
function factsCodeValuesQuery(): Query {
  return {
    sql: `SELECT * FROM (
        SELECT 'theme' AS field, value FROM (${codeValuesSql('theme')})
        UNION ALL
        SELECT 'wijkcode', value FROM (${codeValuesSql('wijkcode')})
        UNION ALL
        SELECT 'gemeente', value FROM (${codeValuesSql('gemeente')})
      ) ORDER BY field, value`,
  };
}

/**
 * The gemeente codes of the facts (`gemeente_c`, FactCodes.gemeenten) as a small table
 * (gemeente_c, gemeente), through which the shared filter finds the code of a gemeente it
 * is given (analysisFactsSource). A code of two bytes instead of a 64-bit hash: at the
 * demo's size the facts then still fit where they did before schema 2.
 */
export const ANALYSIS_GEMEENTEN_TABLE = 'analysis_gemeenten';
export function buildFactsGemeentenStatement(): string {
  return dialect.createTempTable(
    ANALYSIS_GEMEENTEN_TABLE,
    `SELECT (row_number() OVER (ORDER BY value) - 1)::${dialect.uint16} AS gemeente_c,
      value AS gemeente
    FROM (${codeValuesSql('gemeente')})`,
  );
}

/**
 * The values behind the facts' small codes: code i is values[i]. Grouping by these codes
 * (a known, small integer range) lets DuckDB use its perfect hash aggregate — an array
 * indexed by the code — instead of hashing 64-bit keys: the Wijken view's count per wijk ×
 * theme × month over a million facts drops from about 50 to 9 ms in Chromium.
 */
export interface FactCodes {
  themes: readonly string[];
  wijkcodes: readonly string[];
  gemeenten: readonly string[];
}

/**
 * The statement that (re)builds the facts. `hour_key` is the local hour as hours since 1970
 * (floor) in which the record happened — a reading in the spring gap (02:xx on the last
 * Sunday of March, which the clock skips) happened at 03:xx, as analysis/local-time.ts reads
 * it; `month_key` is year × 12 + month − 1; the month, hour and weekday are NULL where
 * the time precision does not give them (a year-level record is no January, midnight or
 * Wednesday record; FACTS_KNOWN); hashed text is NULL where the text is (DuckDB's
 * hash(NULL) is not NULL); theme_c and wijk_c are the codes of `codes`.
 */
export function buildFactsStatement(codes: FactCodes): string {
  const hashed = HASHED.map((c) => `if(r.${c} IS NULL, NULL, ${dialect.hash(`r.${c}`)}) AS ${c}_h`);
  const { uint8 } = dialect;
  return dialect.createTempTable(
    ANALYSIS_FACTS_TABLE,
    `WITH records AS (${unionOfSources()})
      SELECT r.src, r.t, r.t_end, ${hashed.join(', ')},
        ${codeSql('r.theme', codes.themes)} AS theme_c,
        ${codeSql('r.wijkcode', codes.wijkcodes)} AS wijk_c,
        ${codeSql('r.gemeente', codes.gemeenten)} AS gemeente_c,
        (${dialect.floorDiv(dialect.epochMs('r.t'), '3600000')} + if(${inSpringGapSql('r.t')}, 1, 0))::INTEGER AS hour_key,
        (year(r.t) * 12 + month(r.t) - 1)::INTEGER AS month_key,
        if(r.prec <= ${PRECISION_CODES.month}, month(r.t), NULL)::${uint8} AS month_n,
        if(r.prec = ${PRECISION_CODES.exact}, hour(r.t), NULL)::${uint8} AS hour_n,
        if(r.prec <= ${PRECISION_CODES.day}, ${dialect.isoWeekday('r.t')}, NULL)::${uint8} AS dow_n,
        r.lon, r.lat, ${CELL_SQL} AS cell
      FROM records r`,
  );
}

/** Cheap fingerprint of the source tables, to catch facts built from other data. */
function factsFingerprintQuery(): Query {
  return {
    sql: `SELECT ${FACT_SOURCES.map((t) => `(SELECT count(*) FROM ${t})`).join(" || '/' || ")}
      AS fingerprint`,
  };
}

/**
 * The shared filter's fields on the facts (compileRecordFilter): texts compared by their
 * hashes, the time parts from their own columns (NULL where the precision does not give
 * them), the gemeente by its code. With `located` (the default) only records with
 * coordinates count.
 */
export function analysisFactsSource(
  tables: readonly RecordTable[],
  { located = true }: { located?: boolean } = {},
): FilterSource {
  return {
    scope: [...sourceTablesSql(tables), ...(located ? ['lon IS NOT NULL', 'lat IS NOT NULL'] : [])],
    time: 't',
    parts: { month: 'month_n', hour: 'hour_n', weekday: 'dow_n' },
    theme: 'theme_h',
    categories: ['category_h', 'category2_h'],
    outcome: 'outcome_h',
    wijkcode: 'wijkcode_h',
    buurtcode: 'buurtcode_h',
    gemeente: 'gemeente_c',
    gemeenteText: (placeholder) =>
      `(SELECT gemeente_c FROM ${ANALYSIS_GEMEENTEN_TABLE} WHERE gemeente = CAST(${placeholder} AS VARCHAR))`,
    lon: 'lon',
    lat: 'lat',
    text: (placeholder) => dialect.hash(`CAST(${placeholder} AS VARCHAR)`),
  };
}

/** The shared filter on the facts (analysisFactsSource). */
export const analysisFactsWhere = (
  tables: readonly RecordTable[],
  filter: RecordFilter,
  options: { located?: boolean },
) => compileRecordFilter(filter, analysisFactsSource(tables, options));

/**
 * A builder of a query on the facts under the shared filter for the chosen source tables
 * (with `located`, only records with coordinates): `sql` writes it around the conditions.
 */
export const factsQuery =
  (located: boolean, sql: (where: string) => string) =>
  (tables: readonly RecordTable[], filter: RecordFilter): Query =>
    filteredQuery(filter, analysisFactsSource(tables, { located }), sql);

/** Columns year and month of the facts' month_key. */
export const yearMonthSql = () => `(${dialect.intDiv('month_key', '12')})::INTEGER AS year,
  (month_key % 12 + 1)::INTEGER AS month`;

/**
 * Rows (wijk_c, theme_c, year, month, n) of the filtered records with a time and wijk: the
 * codes of FactCodes (theme_c NULL: no theme). Records known to the year only are in no
 * month: left out, so that a monthly trend test sees no January spike.
 */
export const buildFactsWijkMonthQuery = register(
  'facts.buildFactsWijkMonthQuery',
  factsQuery(
    false,
    (where) => `SELECT wijk_c, theme_c, ${yearMonthSql()}, count(*)::INTEGER AS n
      FROM ${ANALYSIS_FACTS_TABLE}
      WHERE ${where} AND t IS NOT NULL AND wijk_c IS NOT NULL AND ${FACTS_KNOWN.month}
      GROUP BY wijk_c, theme_c, month_key`,
  ),
);

/**
 * The filtered records with a wijk that buildFactsWijkMonthQuery leaves out because their
 * time is known to the year only: row (n), for the note beside the monthly series.
 */
export const buildFactsYearOnlyCountQuery = register(
  'facts.buildFactsYearOnlyCountQuery',
  factsQuery(
    false,
    (where) => `SELECT count(*)::INTEGER AS n FROM ${ANALYSIS_FACTS_TABLE}
      WHERE ${where} AND t IS NOT NULL AND wijk_c IS NOT NULL AND NOT ${FACTS_KNOWN.month}`,
  ),
);

export const { buildFactsCodeValuesQuery, buildFactsFingerprintQuery } = registerAll('facts', {
  buildFactsCodeValuesQuery: factsCodeValuesQuery,
  buildFactsFingerprintQuery: factsFingerprintQuery,
});
