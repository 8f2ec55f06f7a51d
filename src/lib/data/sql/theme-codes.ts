/**
 * A theme as a small integer, in the one coding both projections group by: the theme code
 * (`theme_c`) is the theme's position among the data's distinct themes in text order (no
 * theme: NULL). Grouping on such a small, known range lets DuckDB use its perfect hash
 * aggregate instead of hashing text. Built once per data version from codeValuesSql.
 *
 * Map points carry no theme code but the palette index (`th`, themeIndexSql): the position
 * in THEMES, which picks the colour.
 */
import { RECORD_TABLES } from '../schema';
import { THEMES } from '../themes';
import { dialect } from './dialect';
import { sqlString } from './literals';

/**
 * Rows (value): the distinct non-NULL values of `column` over the record tables. Code i is
 * the i-th of them in text order (`ORDER BY value`).
 */
export function codeValuesSql(column: string): string {
  const union = RECORD_TABLES.map((t) => `SELECT ${column} AS value FROM ${t}`).join(' UNION ');
  return `SELECT value FROM (${union}) WHERE value IS NOT NULL`;
}

/** CASE that gives a text column's code among `values` (NULL for NULL or another value). */
export function codeSql(column: string, values: readonly string[]): string {
  if (values.length === 0) return dialect.nullOf(dialect.uint16);
  const whens = values.map((v, i) => `WHEN ${sqlString(v)} THEN ${i}`).join(' ');
  return `(CASE ${column} ${whens} END)::${dialect.uint16}`;
}

/** The palette index of a theme: its index in THEMES, any other theme (or none) 'overig'. */
export function themeIndexSql(theme: string): string {
  const cases = THEMES.map((t, i) => `WHEN ${sqlString(t)} THEN ${i}`).join(' ');
  return `(CASE ${theme} ${cases} ELSE ${THEMES.length - 1} END)::${dialect.uint8}`;
}
