/**
 * The shared filter of every view (Verkennen, Tijden, Wijken, …) as SQL: which records of
 * incidents, meldingen and visits count. One definition so that the map, the charts and
 * the hot times always agree on what "the current selection" is.
 *
 * Per table the filter reads the same logical fields:
 * - time: when it happened — meldingen carry the incident window (happened_from) when the
 *   reporter gave one, else only the report time (what a hot-times filter means: the
 *   nuisance, not the report, happens at night); incidents occurred_from; visits started_at;
 * - category: incidents.category, meldingen.sub_category (or main_category), visits.kind;
 * - outcome: incidents.outcome, visits.outcome; meldingen have none (their status is not
 *   an outcome), so an outcome filter leaves no meldingen.
 */
import type { Query, QueryParam } from '../connector';
import { TABLES, type RecordTable } from '../schema';

/** Which records count. Lists: empty or absent = no restriction. */
export interface RecordFilter {
  /** Inclusive start, local wall-clock 'YYYY-MM-DD HH:MM:SS'. */
  from?: string;
  /** Exclusive end, local wall-clock 'YYYY-MM-DD HH:MM:SS'. */
  to?: string;
  themes?: readonly string[];
  /** See the module comment for the column per table. */
  categories?: readonly string[];
  outcomes?: readonly string[];
  /** 1 = januari … 12 = december. */
  months?: readonly number[];
  /** Local hour of day, 0–23 (dagdelen are translated to hours, see dagdelen.ts). */
  hours?: readonly number[];
  /** ISO weekday, 1 = maandag … 7 = zondag. */
  weekdays?: readonly number[];
  wijkcodes?: readonly string[];
  buurtcodes?: readonly string[];
  /** A drawn rectangle [minLon, minLat, maxLon, maxLat] (WGS84). */
  bbox?: readonly [number, number, number, number];
}

export function column(table: RecordTable, name: string): string {
  if (!TABLES[table].some((c) => c.name === name)) throw new Error(`${table} has no ${name}`);
  return name;
}

/** The time a record happened, as SQL (see the module comment). */
export function timeSql(table: RecordTable): string {
  if (table === 'meldingen') {
    return `coalesce(${column(table, 'happened_from')}, ${column(table, 'reported_at')})`;
  }
  return column(table, table === 'incidents' ? 'occurred_from' : 'started_at');
}

/**
 * How precisely a record's time (timeSql) is known: 'exact', 'day', 'month' or 'year'
 * (schema.ts time_precision). A melding's incident window is its own time, read as given.
 */
export function precisionSql(table: RecordTable): string {
  if (table === 'meldingen') {
    return "CASE WHEN happened_from IS NOT NULL THEN 'exact' ELSE time_precision END";
  }
  return column(table, 'time_precision');
}

/**
 * The end of a record's time window, NULL when it has an exact time. A record known to
 * the day only is a window over that day (to midnight after), so aoristic views spread
 * it; month- and year-level records get no window: they are left out of hour and weekday
 * results (see coarse conditions in filterSql), never read as midnight.
 */
export function timeEndSql(table: RecordTable): string {
  const start = timeSql(table);
  const day = `WHEN ${precisionSql(table)} = 'day' THEN ${start} + INTERVAL 1 DAY`;
  if (table === 'incidents') {
    return `CASE WHEN occurred_to <> occurred_from THEN occurred_to ${day} END`;
  }
  if (table === 'meldingen') {
    return `CASE WHEN happened_from IS NOT NULL THEN happened_to ${day} END`;
  }
  return `CASE ${day} END`;
}

/**
 * Which precisions a record needs for a part of its time to be known: the hour only when
 * exact, the weekday from a day, the month from a month (schema.ts time_precision).
 */
export const KNOWN_PARTS = {
  hour: ['exact'],
  weekday: ['exact', 'day'],
  month: ['exact', 'day', 'month'],
} as const;

/**
 * TRUE for records that hot-time views can place on the clock: exact times and windows
 * (a day-level record is a window over its day). Month- and year-level records are left
 * out, and counted apart (facts-windows buildFactsImpreciseQuery).
 */
export function knownHourSql(table: RecordTable): string {
  return `(${precisionSql(table)} = 'exact' OR ${timeEndSql(table)} IS NOT NULL)`;
}

/**
 * The precisions a time series with bins of `bin` may count: a day or week bin needs the
 * day, a month bin the month; a year-level record is in no month (it would be a January
 * spike), a month-level one in no week.
 */
export function binPrecisions(bin: 'day' | 'week' | 'month'): readonly string[] {
  return bin === 'month' ? KNOWN_PARTS.month : KNOWN_PARTS.weekday;
}

/** TRUE for records of `table` whose time gives `part` (KNOWN_PARTS). */
export const precisionIn = (table: RecordTable, part: keyof typeof KNOWN_PARTS) =>
  `${precisionSql(table)} IN (${KNOWN_PARTS[part].map((p) => `'${p}'`).join(', ')})`;

export const CATEGORY_SQL: Record<RecordTable, string> = {
  incidents: 'category',
  meldingen: 'sub_category',
  visits: 'kind',
};

export const OUTCOME_SQL: Record<RecordTable, string | null> = {
  incidents: 'outcome',
  meldingen: null,
  visits: 'outcome',
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export function checkTimestamp(value: string, name: string): void {
  if (!TIMESTAMP.test(value)) throw new RangeError(`${name} must be 'YYYY-MM-DD HH:MM:SS'`);
}

export function checkIntegers(
  values: readonly number[],
  min: number,
  max: number,
  name: string,
): void {
  for (const v of values) {
    if (!Number.isInteger(v) || v < min || v > max) {
      throw new RangeError(`${name} must be integers ${min}–${max}, got ${v}`);
    }
  }
}

/**
 * The time part of the shared filter on a projection table whose time, month, hour and ISO
 * weekday are columns of their own (explore-facts.ts, facts.ts): the period as parameters,
 * the checked integers inline. Pushes onto `conditions` and `params`.
 */
export function projectedTimeConditions(
  filter: RecordFilter,
  columns: { t: string; month: string; hour: string; weekday: string },
  conditions: string[],
  params: QueryParam[],
): void {
  if (filter.from !== undefined) {
    checkTimestamp(filter.from, 'from');
    conditions.push(`${columns.t} >= CAST(? AS TIMESTAMP)`);
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    checkTimestamp(filter.to, 'to');
    conditions.push(`${columns.t} < CAST(? AS TIMESTAMP)`);
    params.push(filter.to);
  }
  const lists: [readonly number[] | undefined, number, number, string, string][] = [
    [filter.months, 1, 12, 'months', columns.month],
    [filter.hours, 0, 23, 'hours', columns.hour],
    [filter.weekdays, 1, 7, 'weekdays', columns.weekday],
  ];
  for (const [values, min, max, name, column] of lists) {
    checkIntegers(values ?? [], min, max, name);
    if (values?.length) conditions.push(`${column} IN (${values.join(', ')})`);
  }
}

function doubleSql(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError('bbox must be finite numbers');
  return `${value}::DOUBLE`;
}

/**
 * WHERE conditions and their parameters for one table. With `located` (the default) only
 * records with coordinates count — what every map and hotspot needs.
 */
export function filterSql(
  table: RecordTable,
  filter: RecordFilter,
  { located = true }: { located?: boolean } = {},
): { sql: string; params: QueryParam[] } {
  const t = timeSql(table);
  const conditions: string[] = [];
  if (located) conditions.push(`${column(table, 'lon')} IS NOT NULL`, `lat IS NOT NULL`);
  const params: QueryParam[] = [];
  const inList = (expression: string, values: readonly QueryParam[] | undefined) => {
    if (!values || values.length === 0) return;
    conditions.push(`${expression} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (filter.from !== undefined) {
    checkTimestamp(filter.from, 'from');
    conditions.push(`${t} >= CAST(? AS TIMESTAMP)`);
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    checkTimestamp(filter.to, 'to');
    conditions.push(`${t} < CAST(? AS TIMESTAMP)`);
    params.push(filter.to);
  }
  inList(column(table, 'theme'), filter.themes);
  if (filter.categories && filter.categories.length > 0) {
    const list = filter.categories.map(() => '?').join(', ');
    const main = table === 'meldingen' ? ` OR main_category IN (${list})` : '';
    conditions.push(`(${CATEGORY_SQL[table]} IN (${list})${main})`);
    params.push(...filter.categories);
    if (main) params.push(...filter.categories);
  }
  if (filter.outcomes && filter.outcomes.length > 0) {
    const outcome = OUTCOME_SQL[table];
    if (outcome) inList(outcome, filter.outcomes);
    else conditions.push('FALSE');
  }
  checkIntegers(filter.months ?? [], 1, 12, 'months');
  checkIntegers(filter.hours ?? [], 0, 23, 'hours');
  checkIntegers(filter.weekdays ?? [], 1, 7, 'weekdays');
  inList(`month(${t})`, filter.months);
  inList(`hour(${t})`, filter.hours);
  inList(`isodow(${t})`, filter.weekdays);
  // A coarse time stored at midnight or on 1 January must not pass for that hour or day.
  if (filter.months?.length) conditions.push(precisionIn(table, 'month'));
  if (filter.hours?.length) conditions.push(precisionIn(table, 'hour'));
  if (filter.weekdays?.length) conditions.push(precisionIn(table, 'weekday'));
  inList(column(table, 'wijkcode'), filter.wijkcodes);
  inList(column(table, 'buurtcode'), filter.buurtcodes);
  if (filter.bbox) {
    const [minLon, minLat, maxLon, maxLat] = filter.bbox.map(doubleSql);
    conditions.push(`lon BETWEEN ${minLon} AND ${maxLon} AND lat BETWEEN ${minLat} AND ${maxLat}`);
  }
  return { sql: conditions.length ? conditions.join(' AND ') : 'TRUE', params };
}

/** Columns of buildFilteredRecordsQuery, the same for every source table. */
export interface FilteredRecordRow {
  src: RecordTable;
  id: string;
  /** Local wall-clock time the record happened (see timeSql). */
  t: string;
  t_end: string | null;
  /** How precisely `t` is known (precisionSql): 'exact', 'day', 'month' or 'year'. */
  tp: string;
  theme: string | null;
  category: string | null;
  outcome: string | null;
  lon: number | null;
  lat: number | null;
  buurtcode: string | null;
  wijkcode: string | null;
}

/**
 * The filtered records of the chosen tables in one shape (FilteredRecordRow), for use as
 * a subquery: `SELECT theme, count(*) FROM (${q.sql}) GROUP BY theme`.
 */
export function buildFilteredRecordsQuery(
  tables: readonly RecordTable[],
  filter: RecordFilter,
  options: { located?: boolean } = {},
): Query {
  if (tables.length === 0) throw new Error('no source table');
  const params: QueryParam[] = [];
  const parts = tables.map((table) => {
    const where = filterSql(table, filter, options);
    params.push(...where.params);
    const outcome = OUTCOME_SQL[table] ?? 'NULL::VARCHAR';
    return `SELECT '${table}' AS src, id, ${timeSql(table)} AS t, ${timeEndSql(table)} AS t_end,
        ${precisionSql(table)} AS tp, theme, ${CATEGORY_SQL[table]} AS category, ${outcome} AS outcome,
        lon, lat, buurtcode, wijkcode
      FROM ${table} WHERE ${where.sql}`;
  });
  return { sql: parts.join('\n      UNION ALL\n      '), params };
}
