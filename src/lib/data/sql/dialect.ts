/**
 * The engine-specific SQL the query builders use, in one object. DuckDB's is the only
 * dialect for now; a server engine added later implements the same interface, and the
 * builders (data/queries/) stay as they are. tests/unit/sql-dialect.test.ts fails when a
 * builder writes one of these functions itself instead of asking the dialect.
 */
export interface SqlDialect {
  /** Text of a TIMESTAMP or DATE in the strftime `format` ('%Y-%m-%d'). */
  strftime(expression: string, format: string): string;
  /** Milliseconds since 1970 of a (wall-clock) TIMESTAMP, read as UTC. */
  epochMs(expression: string): string;
  /** The TIMESTAMP truncated to the start of its `unit`. */
  dateTrunc(unit: 'hour' | 'day' | 'week' | 'month', expression: string): string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  isoWeekday(expression: string): string;
  /** The `value` of the row with the largest `by` (an aggregate). */
  argMax(value: string, by: string): string;
  /** The `fraction` quantile, interpolated between values (R type 7; an aggregate). */
  quantileCont(expression: string, fraction: number): string;
  /** GROUP BY every non-aggregate column of the SELECT. */
  groupByAll: string;
  /** Integer division rounding towards minus infinity for non-negative operands. */
  intDiv(a: string, b: string): string;
  /** A NULL of the given SQL type. */
  nullOf(type: string): string;
  /** The smallest unsigned integer types: 0–255 and 0–65535. */
  uint8: string;
  uint16: string;
  /** Statement that creates (or replaces) an enumerated type of the values `select` gives. */
  createEnumType(name: string, select: string): string;
  /** A 64-bit hash of a value (equal values, equal hashes). */
  hash(expression: string): string;
  /** The stable position of a row in its table. */
  rowId: string;
}

export const duckdb: SqlDialect = {
  strftime: (expression, format) => `strftime(${expression}, '${format}')`,
  epochMs: (expression) => `epoch_ms(${expression})`,
  dateTrunc: (unit, expression) => `date_trunc('${unit}', ${expression})`,
  isoWeekday: (expression) => `isodow(${expression})`,
  argMax: (value, by) => `arg_max(${value}, ${by})`,
  quantileCont: (expression, fraction) => `quantile_cont(${expression}, ${fraction})`,
  groupByAll: 'GROUP BY ALL',
  intDiv: (a, b) => `${a} // ${b}`,
  nullOf: (type) => `NULL::${type}`,
  uint8: 'UTINYINT',
  uint16: 'USMALLINT',
  createEnumType: (name, select) => `CREATE OR REPLACE TYPE ${name} AS ENUM (${select})`,
  hash: (expression) => `hash(${expression})`,
  rowId: 'rowid',
};

/** The dialect of the engine the app runs (DuckDB, in the browser and in Node). */
export const dialect: SqlDialect = duckdb;
