/**
 * A projection of incidents, meldingen and visits for the Verkennen view, built once per
 * data version (a TEMP table, never persisted): one row per record with the filter's
 * logical fields already worked out (time, category, outcome; hour, weekday, month) and
 * small integer keys for every grouping the view makes (theme, month, week, day and the
 * hexagon cell of the default size). A filter change then scans one narrow table and
 * groups on small integer ranges, which DuckDB aggregates with a perfect hash instead of
 * a general one: the time histogram and theme bars over 1M records went from about
 * 110 ms and 55 ms to about 10 ms each, the default hexagon counts from about 350 ms to
 * about 110 ms (duckdb-wasm in headless Chromium, shared 2-core machine; see the bench).
 *
 * The text fields (theme, category, outcome, area codes) are ENUMs of the values present:
 * one or two bytes per row instead of a 16-byte string (plus its text when longer than 12
 * bytes), so the projection of 1M incidents takes about a third less memory and a filter
 * on them compares small codes; the view's filter queries ran 1.5–2× faster (Node, same
 * engine). A filter value that is not among them simply matches nothing.
 *
 * The WHERE conditions (factsWhere) mean exactly what record-filter.ts means for the base
 * tables; tests/integration/explore-facts.test.ts checks every builder against the base
 * table queries on Donderdeel.
 */
import { buildHexBinSql } from '../../analysis/hex-grid';
import type { RdPolynomial } from '../../analysis/rd-polynomial';
import type { Query, QueryParam } from '../connector';
import { RECORD_TABLES, type RecordTable } from '../schema';
import { THEMES } from '../themes';
import {
  CATEGORY_SQL,
  projectedTimeConditions,
  column,
  OUTCOME_SQL,
  precisionSql,
  timeSql,
  type RecordFilter,
} from './record-filter';
import type { TimeBin } from './explore';

export const FACTS_TABLE = 'explore_facts';
const THEMES_TABLE = 'explore_fact_themes';

/** The projection's text fields, each an ENUM type `explore_<field>` of its values. */
const TEXT_FIELDS = [
  'theme',
  'category',
  'main_category',
  'outcome',
  'wijkcode',
  'buurtcode',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const ENUM_PREFIX = 'explore_';

/** Cell packing: q and r of any Dutch RD hexagon (≥ 25 m) fit in ±50,000. */
const CELL_OFFSET = 50_000;
const CELL_BASE = 100_000;

/** Monday 3 January 2000: day and week numbers count from it. */
const EPOCH = "DATE '2000-01-03'";

/*
 * Fields derived from stored ones instead of stored: in this engine's in-memory tables a
 * column costs at least 4.7 MB per million rows (one block per row group for its values
 * and one for its validity), so each saved column counts at 10M records.
 */
/** A record with both coordinates (exactly the records with a cell). */
const LOCATED = 'cell IS NOT NULL';
/**
 * Month of the year (1–12) from the month number `mon` (year × 12 + month − 1). The time
 * precision is folded into `h` and `dow` instead of a column of its own: `h` is NULL unless
 * the time is exact, `dow` is the weekday for exact and day-level records, 0 for a known
 * month only and NULL for a known year only — which has no month either.
 */
const MONTH = 'if(dow IS NULL, NULL, mon % 12 + 1)';
/** Week number from the day number: the epoch is a Monday, so weeks start on Mondays. */
const WEEK = 'fdiv(d, 7)::INTEGER';

function doubleSql(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return `CAST('${String(value)}' AS DOUBLE)`;
}

function polynomialSql(c: readonly number[]): string {
  const t = ['', 'u', 'v', 'u*u', 'u*v', 'v*v', 'u*u*u', 'u*u*v', 'u*v*v', 'v*v*v'];
  return c.map((ck, k) => (k === 0 ? doubleSql(ck) : `${doubleSql(ck)}*${t[k]}`)).join(' + ');
}

function themeIndexSql(): string {
  const cases = THEMES.map((theme, i) => `WHEN '${theme}' THEN ${i}`).join(' ');
  return `(CASE theme::VARCHAR ${cases} ELSE ${THEMES.length - 1} END)::UTINYINT`;
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
  sql: `SELECT 'table' AS form FROM duckdb_tables() WHERE temporary AND table_name = '${FACTS_TABLE}'
    UNION ALL
    SELECT 'view' FROM duckdb_views() WHERE temporary AND view_name = '${FACTS_TABLE}'`,
};

/** Removes the projection that exists in `form` (before it is built again). */
export function buildDropFactsSql(form: FactsForm): string {
  return `DROP ${form === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS temp.${FACTS_TABLE}`;
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
  const texts = RECORD_TABLES.map((table) => {
    const outcome = OUTCOME_SQL[table];
    const main = table === 'meldingen' ? column(table, 'main_category') : 'NULL::VARCHAR';
    return {
      theme: column(table, 'theme'),
      category: CATEGORY_SQL[table],
      main_category: main,
      outcome: outcome ?? 'NULL::VARCHAR',
      wijkcode: 'wijkcode',
      buurtcode: 'buurtcode',
    } satisfies Record<TextField, string>;
  });
  const parts = RECORD_TABLES.map((table, i) => {
    const fields = TEXT_FIELDS.map((f) => `(${texts[i][f]})::${ENUM_PREFIX}${f} AS ${f}`);
    return `SELECT ${RECORD_TABLES.indexOf(table)}::UTINYINT AS src, rowid::INTEGER AS rid,
        ${timeSql(table)} AS t, (${precisionSql(table)}) AS tp, ${fields.join(', ')}, lon, lat
      FROM ${table}`;
  });
  const types = TEXT_FIELDS.map((f) => {
    const values = RECORD_TABLES.map((table, i) => `SELECT ${texts[i][f]} AS v FROM ${table}`);
    return `CREATE OR REPLACE TYPE ${ENUM_PREFIX}${f} AS ENUM (
      SELECT DISTINCT v FROM (${values.join(' UNION ALL ')}) WHERE v IS NOT NULL ORDER BY v)`;
  });
  const u = `(lon - ${doubleSql(rd.lon0)}) / ${doubleSql(rd.halfLon)}`;
  const v = `(lat - ${doubleSql(rd.lat0)}) / ${doubleSql(rd.halfLat)}`;
  const bin = buildHexBinSql({ x: 'rd_x', y: 'rd_y' }, cellSize);
  return [
    ...types,
    `CREATE OR REPLACE TEMP TABLE ${THEMES_TABLE} AS
      SELECT (row_number() OVER (ORDER BY theme) - 1)::UTINYINT AS tk, theme FROM (
        ${RECORD_TABLES.map((t) => `SELECT DISTINCT coalesce(theme, 'overig') AS theme FROM ${t}`).join(' UNION ')})`,
    `CREATE TEMP ${form === 'view' ? 'VIEW' : 'TABLE'} ${FACTS_TABLE} AS
      WITH records AS (${parts.join('\n UNION ALL\n ')}),
      located AS (
        SELECT *, ${polynomialSql(rd.cx)} AS rd_x, ${polynomialSql(rd.cy)} AS rd_y
        FROM (SELECT *, ${u} AS u, ${v} AS v FROM records)
      ),
      keyed AS (
        SELECT l.*, k.tk FROM located l
        JOIN ${THEMES_TABLE} k ON k.theme = coalesce(l.theme::VARCHAR, 'overig')
      )
      SELECT src, rid, t, theme, category, main_category, outcome, wijkcode, buurtcode, lon, lat,
        ${themeIndexSql()} AS th, tk,
        if(tp = 'exact', hour(t), NULL)::UTINYINT AS h,
        (CASE tp WHEN 'month' THEN 0 WHEN 'year' THEN NULL ELSE isodow(t) END)::UTINYINT AS dow,
        (year(t) * 12 + month(t) - 1)::INTEGER AS mon,
        date_diff('day', ${EPOCH}, t::DATE)::INTEGER AS d,
        CASE WHEN lon IS NOT NULL AND lat IS NOT NULL THEN
          ((${bin.q} + ${CELL_OFFSET})::BIGINT * ${CELL_BASE} + (${bin.r} + ${CELL_OFFSET}))
        END AS cell
      FROM keyed`,
  ];
}

/** WHERE conditions on the projection for the source tables and the shared filter. */
export function factsWhere(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  { located = true, box }: { located?: boolean; box?: readonly number[] | null } = {},
): { sql: string; params: QueryParam[] } {
  if (tables.length === 0) throw new Error('no source table');
  const conditions: string[] = [];
  const params: QueryParam[] = [];
  if (tables.length < RECORD_TABLES.length) {
    conditions.push(`src IN (${tables.map((t) => RECORD_TABLES.indexOf(t)).join(', ')})`);
  }
  if (located) conditions.push(LOCATED);
  const inList = (expression: string, values: readonly QueryParam[] | undefined) => {
    if (!values || values.length === 0) return;
    conditions.push(`${expression} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  projectedTimeConditions(
    filter,
    { t: 't', month: MONTH, hour: 'h', weekday: 'dow' },
    conditions,
    params,
  );
  inList('theme', filter.themes);
  if (filter.categories && filter.categories.length > 0) {
    // main_category is NULL outside meldingen, as the base-table filter has no such term there.
    const list = filter.categories.map(() => '?').join(', ');
    conditions.push(`(category IN (${list}) OR main_category IN (${list}))`);
    params.push(...filter.categories, ...filter.categories);
  }
  // Meldingen have no outcome (NULL), so an outcome filter leaves none, as in record-filter.
  inList('outcome', filter.outcomes);
  inList('wijkcode', filter.wijkcodes);
  inList('buurtcode', filter.buurtcodes);
  for (const b of [filter.bbox, box]) {
    if (!b) continue;
    const [minLon, minLat, maxLon, maxLat] = b.map(doubleSql);
    conditions.push(`lon BETWEEN ${minLon} AND ${maxLon} AND lat BETWEEN ${minLat} AND ${maxLat}`);
  }
  return { sql: conditions.length ? conditions.join(' AND ') : 'TRUE', params };
}

/** One row (total, in_view): located records under the filter, and of those the ones
 * inside `box` [west, south, east, north] (in_view NULL without a box). */
export function buildFactsPointCountQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  box: readonly number[] | null,
): Query {
  const where = factsWhere(tables, filter);
  let inView = 'NULL::INTEGER';
  if (box) {
    const [w, s, e, n] = box.map(doubleSql);
    inView = `(count(*) FILTER (WHERE lon BETWEEN ${w} AND ${e} AND lat BETWEEN ${s} AND ${n}))::INTEGER`;
  }
  return {
    sql: `SELECT count(*)::INTEGER AS total, ${inView} AS in_view FROM ${FACTS_TABLE} WHERE ${where.sql}`,
    params: where.params,
  };
}

/** Map points (lon, lat, th, src, rid), as buildExplorePointsQuery, optionally only those
 * inside `box`. */
export function buildFactsPointsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  box: readonly number[] | null = null,
): Query {
  const where = factsWhere(tables, filter, { box });
  return {
    sql: `SELECT lon, lat, th, src, rid FROM ${FACTS_TABLE} WHERE ${where.sql}`,
    params: where.params,
  };
}

/** Rows (q, r, n) of the projection's cell size, as buildHexCellCountsQuery. */
export function buildFactsHexCountsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
): Query {
  const where = factsWhere(tables, filter);
  return {
    sql: `SELECT (cell // ${CELL_BASE} - ${CELL_OFFSET})::INTEGER AS q,
        (cell % ${CELL_BASE} - ${CELL_OFFSET})::INTEGER AS r, n
      FROM (SELECT cell, count(*)::INTEGER AS n FROM ${FACTS_TABLE} WHERE ${where.sql} GROUP BY cell)
      ORDER BY q, r`,
    params: where.params,
  };
}

/** Rows (i, j, n): located records per lon/lat grid square of `step` degrees
 * [lon step, lat step] from `origin`; square (i, j) spans origin + [i, i+1) · step. */
export function buildFactsGridCountsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  origin: readonly [number, number],
  step: readonly [number, number],
): Query {
  const where = factsWhere(tables, filter);
  const i = `floor((lon - ${doubleSql(origin[0])}) / ${doubleSql(step[0])})::INTEGER`;
  const j = `floor((lat - ${doubleSql(origin[1])}) / ${doubleSql(step[1])})::INTEGER`;
  return {
    sql: `SELECT ${i} AS i, ${j} AS j, count(*)::INTEGER AS n FROM ${FACTS_TABLE}
      WHERE ${where.sql} GROUP BY 1, 2`,
    params: where.params,
  };
}

const BIN_KEY: Record<TimeBin, { key: string; date: string }> = {
  month: { key: 'mon', date: 'make_date((k // 12)::INTEGER, (k % 12 + 1)::INTEGER, 1)' },
  week: { key: WEEK, date: `${EPOCH} + (k * 7)::INTEGER` },
  day: { key: 'd', date: `${EPOCH} + k::INTEGER` },
};

/** Records whose time is fine enough for the bin (dow: see MONTH; explore.ts binPrecisions). */
const BIN_PRECISION: Record<TimeBin, string> = {
  month: 'dow IS NOT NULL',
  week: 'dow >= 1',
  day: 'dow >= 1',
};

/** Rows (bin, n) as buildTimeHistogramQuery (all records, with or without a location). */
export function buildFactsTimeHistogramQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  bin: TimeBin,
): Query {
  const where = factsWhere(tables, filter, { located: false });
  const { key, date } = BIN_KEY[bin];
  return {
    sql: `SELECT strftime(${date}, '%Y-%m-%d') AS bin, n FROM (
        SELECT ${key} AS k, count(*)::INTEGER AS n FROM ${FACTS_TABLE}
        WHERE ${where.sql} AND t IS NOT NULL AND ${BIN_PRECISION[bin]} GROUP BY k)
      ORDER BY k`,
    params: where.params,
  };
}

/** Rows (theme, n) as buildThemeCountsQuery, most first. */
export function buildFactsThemeCountsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
): Query {
  const where = factsWhere(tables, filter, { located: false });
  return {
    sql: `SELECT k.theme, c.n FROM (
        SELECT tk, count(*)::INTEGER AS n FROM ${FACTS_TABLE} WHERE ${where.sql} GROUP BY tk
      ) c JOIN ${THEMES_TABLE} k USING (tk) ORDER BY c.n DESC, k.theme`,
    params: where.params,
  };
}

/** Rows (code, n) as buildAreaCountsQuery. */
export function buildFactsAreaCountsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  level: 'wijk' | 'buurt',
): Query {
  const where = factsWhere(tables, filter, { located: false });
  const code = level === 'wijk' ? 'wijkcode' : 'buurtcode';
  return {
    sql: `SELECT ${code}::VARCHAR AS code, count(*)::INTEGER AS n FROM ${FACTS_TABLE}
      WHERE ${where.sql} AND ${code} IS NOT NULL GROUP BY 1 ORDER BY 1`,
    params: where.params,
  };
}
