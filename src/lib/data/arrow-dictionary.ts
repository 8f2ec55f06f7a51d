/**
 * Repeated texts as Arrow dictionaries: a published record file stores a theme, category,
 * outcome or area code once per file and a small index per row, instead of the text on
 * every row. The incidents of a year shrink to about a third, so there is less to
 * download, verify and hand to the engine on opening. DuckDB reads dictionary columns
 * into its ordinary VARCHAR columns (the data model does not change).
 *
 * DuckDB writes the dictionaries itself: a text column cast to an ENUM of its own values
 * leaves the engine as an Arrow dictionary column. Encoding the exported rows in
 * JavaScript instead took about 8 s per million rows.
 */
import type { Connector } from './connector';
import { TABLES, type TableName } from './schema';
import { sqlString } from './sql/literals';

/**
 * A text column becomes a dictionary when its distinct values are at most this share of
 * its rows: an id column (all distinct) stays plain text.
 */
const MAX_DISTINCT_SHARE = 0.25;
/** Above this many values the ENUM's definition (SQL text) grows too long to be worth it. */
const MAX_DICTIONARY_VALUES = 50_000;

/**
 * The SELECT list for `table`'s columns in their order, each repetitive text column cast
 * to an ENUM of the table's distinct values (sorted, so the same data gives the same
 * files). Counting distinct values is estimated (HyperLogLog): it only decides whether a
 * dictionary pays off; the ENUM holds every value exactly.
 */
export async function dictionarySelectList(conn: Connector, table: TableName): Promise<string> {
  const columns = TABLES[table];
  const text = columns.filter((c) => c.type === 'VARCHAR').map((c) => c.name);
  if (text.length === 0) return columns.map((c) => c.name).join(', ');
  const [counts] = await conn.query<Record<string, number>>({
    sql: `SELECT count(*)::INTEGER AS __rows,
      ${text.map((c, i) => `approx_count_distinct(${c})::INTEGER AS d${i}`).join(', ')} FROM ${table}`,
  });
  const limit = counts.__rows * MAX_DISTINCT_SHARE;
  const coded = text.filter((_, i) => {
    const distinct = counts[`d${i}`];
    return distinct <= limit && distinct <= MAX_DICTIONARY_VALUES;
  });
  // Every dictionary's values in one scan of the table.
  const [values] = coded.length
    ? await conn.query<Record<string, string[] | null>>({
        sql: `SELECT ${coded
          .map(
            (c, i) => `list(DISTINCT ${c} ORDER BY ${c}) FILTER (WHERE ${c} IS NOT NULL) AS v${i}`,
          )
          .join(', ')} FROM ${table}`,
      })
    : [{}];
  const list = columns.map((column) => {
    const index = coded.indexOf(column.name);
    const dictionary = index < 0 ? null : values[`v${index}`];
    if (!dictionary || dictionary.length === 0) return column.name;
    const literals = Array.from(dictionary, sqlString).join(', ');
    return `CAST(${column.name} AS ENUM(${literals})) AS ${column.name}`;
  });
  return list.join(', ');
}
