/**
 * The analysis facts (facts.ts) of the records near the aandachtslocaties, in their own small
 * table (`analysis_near`) with the index of the location each is near. The locations and the
 * radius change only with the data, so the distance test runs once per data version instead
 * of over a million facts on every filter change (35 → a few ms at 1M in Chromium); a filter
 * change then groups only these rows.
 *
 * "Near" is the distance test of the base-table oracle (tests/helpers/oracles): the first listed
 * location within the radius, after a cheap test on the grid cells that reach into the
 * circles. tests/integration/facts.test.ts holds the counts equal to that query.
 */
import type { Query } from '../connector';
import type { RecordTable } from '../schema';
import { dialect } from '../sql/dialect';
import { bboxSql, sqlDouble } from '../sql/literals';
import { filteredQuery, type RecordFilter } from '../sql/record-filter';
import {
  analysisFactsSource,
  CELLS_PER_DEGREE,
  ANALYSIS_FACTS_TABLE,
  FACTS_KNOWN,
  yearMonthSql,
  cellCorner,
  cellsCovering,
  factsQuery,
} from './facts';
import { locationBoxes, locationScale, type LocationPoint } from './trends';
import { register } from './register';

export const FACTS_NEAR_TABLE = 'analysis_near';

/**
 * SELECT of the facts with a location and a time within `radiusM` of a location, each with
 * `near`, the index of the first listed location it is near. Every number in the SQL text
 * is checked to be finite.
 */
function nearFactsSql(locations: readonly LocationPoint[], radiusM: number): string {
  if (!(radiusM > 0 && Number.isFinite(radiusM))) throw new RangeError('radiusM must be > 0');
  if (locations.length === 0) {
    return `SELECT *, ${dialect.nullOf('INTEGER')} AS near FROM ${ANALYSIS_FACTS_TABLE} WHERE FALSE`;
  }
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
      : boxes.map((box) => `(${bboxSql(box)})`).join(' OR ');
  const cases = locations.map((l, i) => {
    const { lon, lat, kx, metres } = locationScale(l);
    return `WHEN pow((lon - ${sqlDouble(lon)}) * ${kx}, 2) + pow((lat - ${sqlDouble(lat)}) * ${metres}, 2)
      <= ${radiusM * radiusM} THEN ${i}`;
  });
  return `SELECT * FROM (
      SELECT *, (CASE ${cases.join(' ')} END)::INTEGER AS near FROM ${ANALYSIS_FACTS_TABLE}
      WHERE (${inCells}) AND lon IS NOT NULL AND lat IS NOT NULL AND t IS NOT NULL
    ) WHERE near IS NOT NULL`;
}

/** Builds the table of the facts near a location (run after buildFactsStatement). */
export function buildFactsNearStatement(
  locations: readonly LocationPoint[],
  radiusM: number,
): string {
  return dialect.createTempTable(FACTS_NEAR_TABLE, nearFactsSql(locations, radiusM));
}

/**
 * Rows (near, year, month, n): the filtered records near a location, by the location's
 * index in the list the table was built with (records known to the year only left out).
 */
export const buildFactsNearMonthQuery = register(
  'facts-near.buildFactsNearMonthQuery',
  factsQuery(
    true,
    (where) => `SELECT near, ${yearMonthSql()}, count(*)::INTEGER AS n
      FROM ${FACTS_NEAR_TABLE} WHERE ${where} AND ${FACTS_KNOWN.month}
      ${dialect.groupByAll}`,
  ),
);

/**
 * The rows of buildFactsNearMonthQuery with the near test in the query itself instead of a
 * table built beforehand: for a region server, where the browser builds no tables
 * (data/analysis-facts.ts). The test then runs on every filter change, over the filtered
 * facts of the scope.
 */
export const buildFactsNearMonthInlineQuery = register(
  'facts-near.buildFactsNearMonthInlineQuery',
  (
    locations: readonly LocationPoint[],
    radiusM: number,
    tables: readonly RecordTable[],
    filter: RecordFilter,
  ): Query =>
    filteredQuery(
      filter,
      analysisFactsSource(tables, { located: true }),
      (where) => `SELECT near, ${yearMonthSql()}, count(*)::INTEGER AS n
        FROM (${nearFactsSql(locations, radiusM)}) WHERE ${where} AND ${FACTS_KNOWN.month}
        ${dialect.groupByAll}`,
    ),
);
