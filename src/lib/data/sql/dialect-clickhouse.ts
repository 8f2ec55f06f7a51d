/**
 * ClickHouse's SQL for the builders (the dialect seam, dialect.ts), for a region that
 * outgrows one server (issue 25): the same builders, run inside
 * `withDialect(clickhouse, …)`, give the same answers there as on DuckDB —
 * `npm run engines:parity` holds them to that. What differs besides function names:
 * - every session sets CLICKHOUSE_SETTINGS (UTC wall-clock times, SQL NULL semantics for
 *   outer joins, empty aggregates and casts, DISTINCT for a bare UNION, exact parsing of
 *   the doubles written as text);
 * - `?` parameters become ClickHouse query parameters `{pN:Type}` (clickHouseQuery);
 * - tables are loaded with a `_rowid` column (the row's position, DuckDB's rowid) and
 *   text stays text (no ENUM types; LowCardinality is a storage choice).
 */
import type { QueryParam } from '../connector';
import type { SqlDialect } from './dialect';

/** DuckDB type names the builders write, as ClickHouse types. */
const TYPES: Record<string, string> = {
  VARCHAR: 'String',
  INTEGER: 'Int32',
  BIGINT: 'Int64',
  DOUBLE: 'Float64',
  BOOLEAN: 'Bool',
  DATE: 'Date32',
  TIMESTAMP: "DateTime64(6, 'UTC')",
};
export const clickHouseType = (type: string): string => TYPES[type] ?? type;

/** strftime's codes as formatDateTime's (%M is a month name there; minutes are %i). */
const strftimeFormat = (format: string) => format.replaceAll('%M', '%i');

const TRUNC = {
  hour: 'toStartOfHour',
  day: 'toStartOfDay',
  week: 'toMonday',
  month: 'toStartOfMonth',
};

export const clickhouse: SqlDialect = {
  name: 'clickhouse',
  strftime: (expression, format) => `formatDateTime(${expression}, '${strftimeFormat(format)}')`,
  epochMs: (expression) => `toUnixTimestamp64Milli(toDateTime64(${expression}, 3))`,
  dateTrunc: (unit, expression) => `toDateTime64(${TRUNC[unit]}(${expression}), 6)`,
  dateDiff: (unit, start, end) => `dateDiff('${unit}', ${start}, ${end})`,
  makeDate: (year, month, day) => `makeDate32(${year}, ${month}, ${day})`,
  isoWeekday: (expression) => `toDayOfWeek(${expression})`,
  argMax: (value, by) => `argMax(${value}, ${by})`,
  quantileCont: (expression, fraction) => `quantileExactInclusive(${fraction})(${expression})`,
  groupByAll: 'GROUP BY ALL',
  intDiv: (a, b) => `intDiv(${a}, ${b})`,
  floorDiv: (a, b) => `floor(${a} / ${b})`,
  nullOf: (type) => `CAST(NULL AS Nullable(${clickHouseType(type)}))`,
  uint8: 'UInt8',
  uint16: 'UInt16',
  createEnumType: () => null,
  enumCast: (expression) => `(${expression})`,
  createTempTable: (name, select) => `CREATE OR REPLACE TABLE ${name} ENGINE = Memory AS ${select}`,
  createTempView: (name, select) => `CREATE OR REPLACE VIEW ${name} AS ${select}`,
  hash: (expression) => `cityHash64(${expression})`,
  rowId: '_rowid',
  oneOf: (expression, ...values) => `has([${values.join(', ')}], ${expression})`,
};

/** Settings every ClickHouse session runs with (see the module comment). */
export const CLICKHOUSE_SETTINGS: Readonly<Record<string, string | number>> = {
  session_timezone: 'UTC',
  join_use_nulls: 1,
  aggregate_functions_null_for_empty: 1,
  cast_keep_nullable: 1,
  union_default_mode: 'DISTINCT',
  precise_float_parsing: 1,
  // Arrow results as apache-arrow reads them: uncompressed, text as Utf8.
  output_format_arrow_compression_method: 'none',
  output_format_arrow_string_as_string: 1,
};

/** A `?` parameter's ClickHouse type and its text (query parameters travel as text). */
function parameter(value: QueryParam): { type: string; text: string } {
  if (value === null) return { type: 'Nullable(String)', text: '\\N' };
  if (typeof value === 'boolean') return { type: 'Bool', text: String(value) };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return { type: Number.isInteger(value) ? 'Int64' : 'Float64', text: String(value) };
  }
  return { type: 'String', text: value };
}

/**
 * The query with its `?` placeholders (outside quoted text and identifiers) as ClickHouse
 * query parameters `{p0:Type}`, `{p1:Type}`, …, and their values by name: as text (`params`,
 * NULL as `\N`, for chDB) and as given (`values`, for @clickhouse/client, which writes
 * them itself).
 */
export interface ClickHouseQuery {
  sql: string;
  params: Record<string, string>;
  values: Record<string, QueryParam>;
}

export function clickHouseQuery(sql: string, params: readonly QueryParam[] = []): ClickHouseQuery {
  const named: Record<string, string> = {};
  const values: Record<string, QueryParam> = {};
  let out = '';
  let quote: string | null = null;
  let n = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (quote) {
      if (c === quote) quote = null;
      out += c;
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
      out += c;
    } else if (c === '?') {
      if (n >= params.length) throw new RangeError('more placeholders than parameters');
      const { type, text } = parameter(params[n]);
      named[`p${n}`] = text;
      values[`p${n}`] = params[n];
      out += `{p${n}:${type}}`;
      n++;
    } else out += c;
  }
  if (n !== params.length) throw new RangeError('more parameters than placeholders');
  return { sql: out, params: named, values };
}
