/**
 * The Verkennen projection (`explore_facts`) itself: how it is built and which of its
 * columns the shared filter reads (exploreFactsSource). Built once per data version
 * (a TEMP table, never persisted; lifecycle in data/explore-projection.ts): one row per
 * record with the filter's logical fields already worked out (time, category, outcome;
 * hour, weekday, month) and small integer keys for every grouping the view makes (theme,
 * month, week, day and the hexagon cell of the default size). A filter change then scans
 * one narrow table and groups on small integer ranges, which DuckDB aggregates with a
 * perfect hash instead of a general one: the time histogram and theme bars over 1M records
 * went from about 110 ms and 55 ms to about 10 ms each, the default hexagon counts from
 * about 350 ms to about 110 ms (duckdb-wasm in headless Chromium, shared 2-core machine).
 *
 * The text fields (theme, category, outcome, area and gemeente codes) are ENUMs of the values present:
 * one or two bytes per row instead of a 16-byte string (plus its text when longer than 12
 * bytes), so the projection of 1M incidents takes about a third less memory and a filter
 * on them compares small codes; the view's filter queries ran 1.5–2× faster (Node, same
 * engine). A filter value that is not among them simply matches nothing.
 */
import { buildHexBinSql } from '../../analysis/hex-grid';
import type { RdPolynomial } from '../../analysis/rd-polynomial';
import type { Query } from '../connector';
import { RECORD_TABLES, type RecordTable } from '../schema';
import { dialect } from '../sql/dialect';
import { polynomialSql, sqlDouble } from '../sql/literals';
import type { FilterSource } from '../sql/record-filter';
import {
  CATEGORY_SQL,
  column,
  OUTCOME_SQL,
  precisionSql,
  sourceTablesSql,
  timeSql,
} from '../sql/record-time';
import { codeValuesSql, themeIndexSql } from '../sql/theme-codes';

export const EXPLORE_FACTS_TABLE = 'explore_facts';
export const EXPLORE_THEMES_TABLE = 'explore_fact_themes';

/** The projection's text fields, each an ENUM type `explore_<field>` of its values. */
const TEXT_FIELDS = [
  'theme',
  'category',
  'main_category',
  'outcome',
  'wijkcode',
  'buurtcode',
  'gemeente',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const ENUM_PREFIX = 'explore_';

/**
 * The hexagon size (m) every projected record carries its cell for: Verkennen's default
 * (state/explore/explore-url.ts), also on a region server (server/src/scope-facts.ts).
 */
export const EXPLORE_FACTS_CELL = 150;

/** Cell packing: q and r of any Dutch RD hexagon (≥ 25 m) fit in ±50,000. */
export const CELL_OFFSET = 50_000;
export const CELL_BASE = 100_000;

/** Monday 3 January 2000: day and week numbers count from it. */
export const EPOCH = "CAST('2000-01-03' AS DATE)";

/*
 * Fields derived from stored ones instead of stored: in this engine's in-memory tables a
 * column costs at least 4.7 MB per million rows (one block per row group for its values
 * and one for its validity), so each saved column counts at 10M records.
 */
/**
 * Month of the year (1–12) from the month number `mon` (year × 12 + month − 1). The time
 * precision is folded into `h` and `dow` instead of a column of its own: `h` is NULL unless
 * the time is exact, `dow` is the weekday for exact and day-level records, 0 for a known
 * month only and NULL for a known year only — which has no month either.
 */
const MONTH = 'if(dow IS NULL, NULL, mon % 12 + 1)';

/**
 * The shared filter's fields on the projection (compileRecordFilter). With `located` (the
 * default) only records with coordinates count: exactly the records with a cell.
 */
export function exploreFactsSource(
  tables: readonly RecordTable[],
  { located = true }: { located?: boolean } = {},
): FilterSource {
  if (tables.length === 0) throw new Error('no source table');
  return {
    scope: [...sourceTablesSql(tables), ...(located ? ['cell IS NOT NULL'] : [])],
    time: 't',
    parts: { month: MONTH, hour: 'h', weekday: 'dow' },
    theme: 'theme',
    // main_category is NULL outside meldingen, as the base tables have no such column there.
    categories: ['category', 'main_category'],
    // Meldingen have no outcome (NULL), so an outcome filter leaves none.
    outcome: 'outcome',
    wijkcode: 'wijkcode',
    buurtcode: 'buurtcode',
    gemeente: 'gemeente',
    lon: 'lon',
    lat: 'lat',
  };
}

/**
 * How the projection exists: as a table (built once, fast to filter) or, when the engine's
 * memory cannot hold that table next to the records (millions of them), as a view with the
 * same columns that every query computes from the records again: slower, but the same
 * answers without the memory.
 */
export type FactsForm = 'table' | 'view';

/** Rows (form): the form in which the projection exists now, if it does. */
export const FACTS_FORM_QUERY: Query = {
  sql: `SELECT 'table' AS form FROM duckdb_tables()
      WHERE temporary AND table_name = '${EXPLORE_FACTS_TABLE}'
    UNION ALL
    SELECT 'view' FROM duckdb_views() WHERE temporary AND view_name = '${EXPLORE_FACTS_TABLE}'`,
};

/** Removes the projection that exists in `form` (before it is built again). */
export function buildDropFactsSql(form: FactsForm): string {
  return `DROP ${form === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS temp.${EXPLORE_FACTS_TABLE}`;
}

function textFields(table: RecordTable): Record<TextField, string> {
  const varchar = dialect.nullOf('VARCHAR');
  return {
    theme: column(table, 'theme'),
    category: CATEGORY_SQL[table],
    main_category: table === 'meldingen' ? column(table, 'main_category') : varchar,
    outcome: OUTCOME_SQL[table] ?? varchar,
    wijkcode: 'wijkcode',
    buurtcode: 'buurtcode',
    gemeente: 'gemeente',
  };
}

/**
 * Statements (run in order, after the old projection was dropped) that build the
 * projection in `form`. `cellSize` is the hexagon size whose cell every located record
 * carries; `rd` the lon/lat → RD polynomial of the grid (grid-context.ts), so the cells
 * equal those of buildHexCellCountsQuery.
 */
export function buildFactsTableSql(
  rd: RdPolynomial,
  cellSize: number,
  form: FactsForm = 'table',
): string[] {
  const { uint8 } = dialect;
  const texts = RECORD_TABLES.map(textFields);
  const parts = RECORD_TABLES.map((table, i) => {
    const fields = TEXT_FIELDS.map(
      (f) => `${dialect.enumCast(texts[i][f], `${ENUM_PREFIX}${f}`)} AS ${f}`,
    );
    return `SELECT ${i}::${uint8} AS src, ${dialect.rowId}::INTEGER AS rid,
        ${timeSql(table)} AS t, (${precisionSql(table)}) AS tp, ${fields.join(', ')}, lon, lat
      FROM ${table}`;
  });
  const types = TEXT_FIELDS.map((f) => {
    const values = RECORD_TABLES.map((table, i) => `SELECT ${texts[i][f]} AS v FROM ${table}`);
    return dialect.createEnumType(
      `${ENUM_PREFIX}${f}`,
      `SELECT DISTINCT v FROM (${values.join(' UNION ALL ')}) WHERE v IS NOT NULL ORDER BY v`,
    );
  });
  const u = `(lon - ${sqlDouble(rd.lon0)}) / ${sqlDouble(rd.halfLon)}`;
  const v = `(lat - ${sqlDouble(rd.lat0)}) / ${sqlDouble(rd.halfLat)}`;
  const bin = buildHexBinSql({ x: 'rd_x', y: 'rd_y' }, cellSize);
  const facts = `WITH records AS (${parts.join('\n UNION ALL\n ')}),
      located AS (
        SELECT *, ${polynomialSql(rd.cx)} AS rd_x, ${polynomialSql(rd.cy)} AS rd_y
        FROM (SELECT *, ${u} AS u, ${v} AS v FROM records)
      ),
      keyed AS (
        SELECT l.*, k.theme_c FROM located l
        LEFT JOIN ${EXPLORE_THEMES_TABLE} k ON k.theme = l.theme::VARCHAR
      )
      SELECT src, rid, t, theme, category, main_category, outcome, wijkcode, buurtcode, gemeente,
        lon, lat,
        ${themeIndexSql('theme::VARCHAR')} AS th, theme_c,
        if(tp = 'exact', hour(t), NULL)::${uint8} AS h,
        (CASE tp WHEN 'month' THEN 0 WHEN 'year' THEN NULL ELSE ${dialect.isoWeekday('t')} END)::${uint8} AS dow,
        (year(t) * 12 + month(t) - 1)::INTEGER AS mon,
        ${dialect.dateDiff('day', EPOCH, 't::DATE')}::INTEGER AS d,
        CASE WHEN lon IS NOT NULL AND lat IS NOT NULL THEN
          ((${bin.q} + ${CELL_OFFSET})::BIGINT * ${CELL_BASE} + (${bin.r} + ${CELL_OFFSET}))
        END AS cell
      FROM keyed`;
  return [
    ...types.filter((t) => t !== null),
    // The theme codes (theme-codes.ts), as the analysis facts code them.
    dialect.createTempTable(
      EXPLORE_THEMES_TABLE,
      `SELECT (row_number() OVER (ORDER BY value) - 1)::${dialect.uint16} AS theme_c, value AS theme
      FROM (${codeValuesSql('theme')})`,
    ),
    form === 'view'
      ? dialect.createTempView(EXPLORE_FACTS_TABLE, facts)
      : dialect.createTempTable(EXPLORE_FACTS_TABLE, facts),
  ];
}
