/**
 * When a record happened, and how precisely that is known, as SQL per source table — the
 * one definition every view and projection reads:
 * - meldingen carry the incident window (happened_from) when the reporter gave one, else
 *   only the report time (what a hot-times filter means: the nuisance, not the report,
 *   happens at night); incidents occurred_from; visits started_at (the planted truth's
 *   `time_fields`, data/truth.json);
 * - category: incidents.category, meldingen.sub_category (or main_category), visits.kind;
 * - outcome: incidents.outcome, visits.outcome; meldingen have none (their status is not
 *   an outcome).
 */
import { RECORD_TABLES, TABLES, type RecordTable } from '../schema';
import { dialect } from './dialect';
import { sqlList, sqlString } from './literals';
import type { FilterSource } from './record-filter';

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
 * results (see the guards of compileRecordFilter), never read as midnight.
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
  `${precisionSql(table)} IN (${sqlList(KNOWN_PARTS[part], sqlString)})`;

/** Local month (1–12), hour (0–23) and ISO weekday (1–7) of a TIMESTAMP expression. */
export const localParts = (t: string) => ({
  month: `month(${t})`,
  hour: `hour(${t})`,
  weekday: dialect.isoWeekday(t),
});

export const CATEGORY_SQL: Record<RecordTable, string> = {
  incidents: 'category',
  meldingen: 'sub_category',
  visits: 'kind',
};

/** The columns a category filter matches: meldingen match the sub- or main category. */
export const CATEGORY_COLUMNS: Record<RecordTable, readonly string[]> = {
  incidents: ['category'],
  meldingen: ['sub_category', 'main_category'],
  visits: ['kind'],
};

export const OUTCOME_SQL: Record<RecordTable, string | null> = {
  incidents: 'outcome',
  meldingen: null,
  visits: 'outcome',
};

/**
 * The shared filter's fields on a base table (compileRecordFilter). With `located` (the
 * default) only records with coordinates count — what every map and hotspot needs.
 */
export function recordSource(
  table: RecordTable,
  { located = true }: { located?: boolean } = {},
): FilterSource {
  const known = (part: keyof typeof KNOWN_PARTS) => precisionIn(table, part);
  return {
    scope: located ? [`${column(table, 'lon')} IS NOT NULL`, 'lat IS NOT NULL'] : [],
    time: timeSql(table),
    parts: localParts(timeSql(table)),
    known: { month: known('month'), hour: known('hour'), weekday: known('weekday') },
    theme: column(table, 'theme'),
    categories: CATEGORY_COLUMNS[table],
    outcome: OUTCOME_SQL[table],
    wijkcode: column(table, 'wijkcode'),
    buurtcode: column(table, 'buurtcode'),
    gemeente: column(table, 'gemeente'),
    lon: 'lon',
    lat: 'lat',
  };
}

/**
 * `src IN (…)` for a projection holding every record table with `src` its index in
 * RECORD_TABLES; nothing when all are chosen, FALSE when none.
 */
export function sourceTablesSql(tables: readonly RecordTable[]): string[] {
  const chosen = RECORD_TABLES.flatMap((t, i) => (tables.includes(t) ? [i] : []));
  if (chosen.length === RECORD_TABLES.length) return [];
  return [chosen.length === 0 ? 'FALSE' : `src IN (${chosen.join(', ')})`];
}
