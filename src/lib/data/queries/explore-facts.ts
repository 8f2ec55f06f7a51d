/**
 * The Verkennen view's queries on its projection (explore-facts-table.ts): map points and
 * counts, hexagon and grid counts, the time histogram, theme bars and area counts. The
 * filter is the shared one (compileRecordFilter on exploreFactsSource);
 * tests/integration/explore-facts.test.ts checks every builder against the same query on
 * the base tables (tests/helpers/oracles) on Donderdeel.
 */
import type { Query } from '../connector';
import type { RecordTable } from '../schema';
import { dialect } from '../sql/dialect';
import { bboxSql, sqlDouble } from '../sql/literals';
import { filteredQuery, type RecordFilter } from '../sql/record-filter';
import type { TimeBin } from './explore';
import {
  CELL_BASE,
  CELL_OFFSET,
  EPOCH,
  EXPLORE_FACTS_TABLE,
  EXPLORE_THEMES_TABLE,
  exploreFactsSource,
} from './explore-facts-table';
import { registerAll } from './register';

const FACTS = EXPLORE_FACTS_TABLE;

/** A query on the projection under the filter for the source tables. */
const onFacts = (
  tables: readonly RecordTable[],
  filter: RecordFilter,
  located: boolean,
  sql: (where: string) => string,
): Query => filteredQuery(filter, exploreFactsSource(tables, { located }), sql);

/** One row (total, in_view): located records under the filter, and of those the ones
 * inside `box` [west, south, east, north] (in_view NULL without a box). */
function factsPointCountQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  box: readonly number[] | null,
): Query {
  const inView = box
    ? `(count(*) FILTER (WHERE ${bboxSql(box)}))::INTEGER`
    : dialect.nullOf('INTEGER');
  return onFacts(
    tables,
    filter,
    true,
    (where) =>
      `SELECT count(*)::INTEGER AS total, ${inView} AS in_view FROM ${FACTS} WHERE ${where}`,
  );
}

/** Map points (lon, lat, th, src, rid), as the base-table points query, optionally only
 * those inside `box`. */
function factsPointsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  box: readonly number[] | null = null,
): Query {
  const inBox = box ? ` AND ${bboxSql(box)}` : '';
  return onFacts(
    tables,
    filter,
    true,
    (where) => `SELECT lon, lat, th, src, rid FROM ${FACTS} WHERE ${where}${inBox}`,
  );
}

/** Rows (q, r, n) of the projection's cell size, as buildHexCellCountsQuery. */
function factsHexCountsQuery(tables: readonly RecordTable[], filter: RecordFilter): Query {
  return onFacts(
    tables,
    filter,
    true,
    (
      where,
    ) => `SELECT (${dialect.intDiv('cell', String(CELL_BASE))} - ${CELL_OFFSET})::INTEGER AS q,
        (cell % ${CELL_BASE} - ${CELL_OFFSET})::INTEGER AS r, n
      FROM (SELECT cell, count(*)::INTEGER AS n FROM ${FACTS} WHERE ${where} GROUP BY cell)
      ORDER BY q, r`,
  );
}

/** Rows (i, j, n): located records per lon/lat grid square of `step` degrees
 * [lon step, lat step] from `origin`; square (i, j) spans origin + [i, i+1) · step. */
function factsGridCountsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  origin: readonly [number, number],
  step: readonly [number, number],
): Query {
  const i = `floor((lon - ${sqlDouble(origin[0])}) / ${sqlDouble(step[0])})::INTEGER`;
  const j = `floor((lat - ${sqlDouble(origin[1])}) / ${sqlDouble(step[1])})::INTEGER`;
  return onFacts(
    tables,
    filter,
    true,
    (where) => `SELECT ${i} AS i, ${j} AS j, count(*)::INTEGER AS n FROM ${FACTS}
      WHERE ${where} GROUP BY 1, 2`,
  );
}

const binKey = (): Record<TimeBin, { key: string; date: string }> => ({
  month: {
    key: 'mon',
    date: dialect.makeDate(`(${dialect.intDiv('k', '12')})::INTEGER`, '(k % 12 + 1)::INTEGER', '1'),
  },
  // Week number from the day number: the epoch is a Monday, so weeks start on Mondays.
  week: { key: `${dialect.floorDiv('d', '7')}::INTEGER`, date: `${EPOCH} + (k * 7)::INTEGER` },
  day: { key: 'd', date: `${EPOCH} + k::INTEGER` },
});

/** Records whose time is fine enough for the bin (dow: see explore-facts-table MONTH;
 * record-time.ts binPrecisions). */
const BIN_PRECISION: Record<TimeBin, string> = {
  month: 'dow IS NOT NULL',
  week: 'dow >= 1',
  day: 'dow >= 1',
};

/** Rows (bin 'YYYY-MM-DD' = start of the bin, n), oldest first (all records, with or
 * without a location); records whose time is coarser than the bin are left out. */
function factsTimeHistogramQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  bin: TimeBin,
): Query {
  const { key, date } = binKey()[bin];
  return onFacts(
    tables,
    filter,
    false,
    (where) => `SELECT ${dialect.strftime(date, '%Y-%m-%d')} AS bin, n FROM (
        SELECT ${key} AS k, count(*)::INTEGER AS n FROM ${FACTS}
        WHERE ${where} AND t IS NOT NULL AND ${BIN_PRECISION[bin]} GROUP BY k)
      ORDER BY k`,
  );
}

/** Rows (theme, n) of the filtered records, most first. */
function factsThemeCountsQuery(tables: readonly RecordTable[], filter: RecordFilter): Query {
  // Records without a theme count as 'overig', with those whose theme is 'overig'.
  return onFacts(
    tables,
    filter,
    false,
    (where) => `SELECT coalesce(k.theme, 'overig') AS theme, sum(c.n)::INTEGER AS n FROM (
        SELECT theme_c, count(*)::INTEGER AS n FROM ${FACTS} WHERE ${where} GROUP BY theme_c
      ) c LEFT JOIN ${EXPLORE_THEMES_TABLE} k USING (theme_c) GROUP BY 1 ORDER BY n DESC, theme`,
  );
}

/** Rows (code, n): filtered records per wijk or buurt (records outside any area left out). */
function factsAreaCountsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  level: 'wijk' | 'buurt',
): Query {
  const code = level === 'wijk' ? 'wijkcode' : 'buurtcode';
  return onFacts(
    tables,
    filter,
    false,
    (where) => `SELECT ${code}::VARCHAR AS code, count(*)::INTEGER AS n FROM ${FACTS}
      WHERE ${where} AND ${code} IS NOT NULL GROUP BY 1 ORDER BY 1`,
  );
}

export const {
  buildFactsPointCountQuery,
  buildFactsPointsQuery,
  buildFactsHexCountsQuery,
  buildFactsGridCountsQuery,
  buildFactsTimeHistogramQuery,
  buildFactsThemeCountsQuery,
  buildFactsAreaCountsQuery,
} = registerAll('explore-facts', {
  buildFactsPointCountQuery: factsPointCountQuery,
  buildFactsPointsQuery: factsPointsQuery,
  buildFactsHexCountsQuery: factsHexCountsQuery,
  buildFactsGridCountsQuery: factsGridCountsQuery,
  buildFactsTimeHistogramQuery: factsTimeHistogramQuery,
  buildFactsThemeCountsQuery: factsThemeCountsQuery,
  buildFactsAreaCountsQuery: factsAreaCountsQuery,
});
