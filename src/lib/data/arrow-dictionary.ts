/**
 * Repeated texts as Arrow dictionaries: a published record file stores a theme, category,
 * outcome or area code once per file and a small index per row, instead of the text on
 * every row. The incidents of a year shrink to about a third, so there is less to
 * download, verify and hand to the engine on opening. DuckDB reads dictionary columns
 * into its ordinary VARCHAR columns (the data model does not change).
 */
import {
  DataType,
  Dictionary,
  Int16,
  Int32,
  Table,
  Utf8,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';

/**
 * A text column becomes a dictionary when its distinct values are at most this share of
 * its rows: an id column (all distinct) stays plain text.
 */
const MAX_DISTINCT_SHARE = 0.25;

/** The table with every repetitive text column dictionary-encoded; other columns as they were. */
export function dictionaryEncodeText(table: Table): Table {
  if (table.numRows === 0) return table;
  let changed = false;
  const vectors: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const column = table.getChild(field.name)!;
    vectors[field.name] = column;
    if (!DataType.isUtf8(field.type)) continue;
    const values: (string | null)[] = new Array(column.length);
    const distinct = new Set<string>();
    const limit = table.numRows * MAX_DISTINCT_SHARE;
    let i = 0;
    for (const value of column as Vector<Utf8>) {
      values[i++] = value ?? null;
      if (value !== null && value !== undefined) distinct.add(value);
      if (distinct.size > limit) break;
    }
    if (distinct.size > limit) continue;
    const indices = distinct.size < 0x7fff ? new Int16() : new Int32();
    vectors[field.name] = vectorFromArray(values, new Dictionary(new Utf8(), indices));
    changed = true;
  }
  return changed ? new Table(vectors) : table;
}
