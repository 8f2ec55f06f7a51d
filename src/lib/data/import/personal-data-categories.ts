/**
 * The personal-data scan of columns whose sample looks like categories (few distinct
 * values): their distinct values are read once, from one grouping of the rows, and judged
 * in JavaScript instead of testing every row (personal-data-scan.ts).
 */
import type { Connector } from '../connector';
import { couldCount } from './personal-data-content';
import type { ScanColumn } from './personal-data-scan';
import { stagedColumn } from './staged-source';

/** A sample with at most this share of distinct values suggests a column of categories. */
const CATEGORY_DISTINCT_SHARE = 0.2;
/** Categories: at most this many distinct values are read and tested in JavaScript. */
const FEW_DISTINCT = 20_000;

export function looksCategorical(sample: readonly string[] | undefined): boolean {
  if (!sample || sample.length === 0) return false;
  return new Set(sample).size <= CATEGORY_DISTINCT_SHARE * sample.length;
}

/**
 * The table of category combinations: the distinct combinations of the categorical
 * columns' values with their rows (`n`), named as the staged columns. Written once per
 * scan; the theme lookup counts its key combinations from it when it holds their columns
 * (theme-lookup.ts `countThemeKeys`): one grouping pass over a million rows serves both.
 */
export const CATEGORY_COMBINATIONS = 'import_categories';

/**
 * Per categorical column, its distinct values that could count as personal data
 * (`couldCount`); absent when it has too many distinct values to list (then every row is
 * tested in SQL). One pass over the rows for all of them: their combinations are grouped
 * into CATEGORY_COMBINATIONS (a few hundred rows in practice; at worst one per row), and
 * each column's distinct values are read from there (1M rows, 4 columns: 155 ms of CPU
 * against 175 for grouping sets over the rows, plus 90 saved in the theme lookup).
 */
export async function candidateValues(
  conn: Connector,
  source: string,
  columns: readonly ScanColumn[],
): Promise<Map<number, string[]>> {
  const listed = new Map<number, string[]>();
  if (columns.length === 0) return listed;
  const refs = columns.map(({ index }) => `c${index}`);
  await conn.exec(`CREATE OR REPLACE TABLE ${CATEGORY_COMBINATIONS} AS
    SELECT ${refs.join(', ')}, count(*) AS n FROM ${source} GROUP BY ALL`);
  const which = refs.map((v, g) => `WHEN GROUPING(${v}) = 0 THEN ${g}`).join(' ');
  // Cast after grouping: a no-op on text, the distinct values only on a typed source.
  const text = refs.map((v) => `CAST(${v} AS VARCHAR)`);
  const rows = await conn.query<{ g: number; v: string }>({
    sql: `SELECT g, v FROM (
            SELECT CASE ${which} END AS g, coalesce(${text.join(', ')}) AS v
            FROM ${CATEGORY_COMBINATIONS}
            GROUP BY GROUPING SETS (${refs.map((v) => `(${v})`).join(', ')})
          ) WHERE v <> '' QUALIFY row_number() OVER (PARTITION BY g) <= ${FEW_DISTINCT + 1}`,
  });
  const values = columns.map(() => [] as string[]);
  for (const { g, v } of rows) values[g].push(v);
  for (const [g, { index }] of columns.entries()) {
    if (values[g].length <= FEW_DISTINCT) listed.set(index, values[g].filter(couldCount));
  }
  return listed;
}

/**
 * Of the staged text columns `indexes`, those whose every value trimming keeps as it is (no
 * space at either end, all ASCII, none empty), decided on their distinct values in
 * CATEGORY_COMBINATIONS, which groups every staged row. Columns it does not hold are not
 * answered for.
 */
export async function valuesKeptByTrim(
  conn: Connector,
  indexes: readonly number[],
): Promise<Set<number>> {
  const present = await conn.query<{ column_name: string }>({
    sql: `SELECT column_name FROM duckdb_columns() WHERE table_name = ?`,
    params: [CATEGORY_COMBINATIONS],
  });
  const names = new Set(present.map((c) => c.column_name));
  const grouped = [...new Set(indexes)].filter((index) => names.has(stagedColumn(index)));
  if (grouped.length === 0) return new Set();
  const tests = grouped.map((index) => {
    const v = stagedColumn(index);
    return `bool_and(${v} IS NULL OR (${v} <> '' AND ${v} NOT LIKE ' %' AND ${v} NOT LIKE '% '
      AND strlen(${v}) = length(${v}))) AS ${v}`;
  });
  const [row] = await conn.query<Record<string, boolean | null>>({
    sql: `SELECT ${tests.join(', ')} FROM ${CATEGORY_COMBINATIONS}`,
  });
  return new Set(grouped.filter((index) => row[stagedColumn(index)] !== false));
}
