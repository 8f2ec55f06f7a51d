/**
 * Queries for the briefing (issue 7). Pure builders returning { sql, params }: table and
 * column names are fixed here, every chosen value (times, weekday, hours, kinds) is a `?`
 * parameter. Self-contained on purpose: the buitengebied ranking lives elsewhere; the
 * briefing only asks which vacant buildings have had no schouw lately.
 *
 * The records are the shared filter's (compileRecordFilter on the base tables): the time a
 * record happened and the precision it is known to come from data/sql/record-time.ts.
 */
import type { Query, QueryParam } from '../connector';
import type { RecordTable } from '../schema';
import { dialect } from '../sql/dialect';
import { checkIntegers, checkTimestamp } from '../sql/literals';
import { compileRecordFilter, type RecordFilter } from '../sql/record-filter';
import { precisionSql, recordSource, timeSql } from '../sql/record-time';
import { registerAll } from './register';

/** The briefing reads the demand: incidents and meldingen, not visits. */
const DEMAND: readonly RecordTable[] = ['incidents', 'meldingen'];

/**
 * Incidents and meldingen with a place under `filter` (a period and perhaps a weekday and
 * hours): columns lon, lat, t (TIMESTAMP), theme, buurtcode. `exactOnly` keeps only
 * records with an exact time.
 */
function recordsSql(
  filter: RecordFilter,
  exactOnly = false,
): { sql: string; params: QueryParam[] } {
  const params: QueryParam[] = [];
  const parts = DEMAND.map((table) => {
    const where = compileRecordFilter(filter, recordSource(table));
    params.push(...where.params);
    const exact = exactOnly ? ` AND ${precisionSql(table)} = 'exact'` : '';
    return `SELECT lon, lat, ${timeSql(table)} AS t, theme, buurtcode FROM ${table}
      WHERE ${where.sql}${exact}`;
  });
  return { sql: parts.join('\n    UNION ALL\n    '), params };
}

/** The period [from, to) as a filter, both ends required. */
const period = (window: { from: string; to: string }): RecordFilter => ({
  from: checkTimestamp(window.from, 'from'),
  to: checkTimestamp(window.to, 'to'),
});

/**
 * The records of one weekday and a set of hours between from and to (the history of a
 * dagdeel): rows lon, lat, t (local epoch ms), theme, buurtcode.
 */
function historyRecordsQuery(window: {
  from: string;
  to: string;
  weekday: number;
  hours: readonly number[];
}): Query {
  checkIntegers([window.weekday], 1, 7, 'weekday');
  if (window.hours.length === 0) throw new RangeError('hours must not be empty');
  // Only exact times: a record known to the day only is no record of this dagdeel.
  const records = recordsSql(
    { ...period(window), weekdays: [window.weekday], hours: window.hours },
    true,
  );
  return { sql: `SELECT * FROM (${records.sql}) ORDER BY t`, params: records.params };
}

/**
 * What happened in [from, to), per theme and buurt: rows theme, buurtcode, n, first, last
 * (local epoch ms), busiest first.
 */
function recentGroupsQuery(window: { from: string; to: string }): Query {
  const records = recordsSql(period(window));
  return {
    sql: `SELECT theme, buurtcode, count(*)::INTEGER AS n, min(t) AS first, max(t) AS last
      FROM (${records.sql}) GROUP BY theme, buurtcode
      ORDER BY n DESC, last DESC, theme, buurtcode`,
    params: records.params,
  };
}

/**
 * Aandachtslocaties with their visits (target = the location id) in [from, to) and the
 * last visit before `to`: rows id, name, reason, visits_per_week, visits, last_visit.
 */
function watchVisitsQuery(window: { from: string; to: string }): Query {
  const from = checkTimestamp(window.from, 'from');
  const to = checkTimestamp(window.to, 'to');
  // Visits aggregated per target first: joining every visit row to the locations made
  // DuckDB-WASM several times slower on the demo's 20k visits.
  return {
    sql: `WITH v AS (
        SELECT target,
          count(*) FILTER (WHERE started_at >= CAST(? AS TIMESTAMP))::INTEGER AS visits,
          max(started_at) AS last_visit
        FROM visits WHERE target IS NOT NULL AND started_at < CAST(? AS TIMESTAMP)
        GROUP BY target)
      SELECT w.id, w.name, w.reason, w.visits_per_week,
        coalesce(v.visits, 0)::INTEGER AS visits, v.last_visit
      FROM watch_locations w LEFT JOIN v ON v.target = w.id
      ORDER BY w.id`,
    params: [from, to],
  };
}

/**
 * Vacant buildings (status 'leegstaand' or a vacant_since on or before `at`) with their
 * last schouw before `at` (visits of kind 'schouw', target = the building id): rows id,
 * kind, buurtcode, vacant_since, last_schouw, last_outcome.
 */
function schouwStatusQuery(at: string): Query {
  checkTimestamp(at, 'at');
  return {
    sql: `WITH s AS (
        SELECT target, max(started_at) AS last_schouw,
          ${dialect.argMax('outcome', 'started_at')} AS last_outcome
        FROM visits WHERE kind = ? AND target IS NOT NULL AND started_at < CAST(? AS TIMESTAMP)
        GROUP BY target)
      SELECT b.id, b.kind, b.buurtcode, b.vacant_since, s.last_schouw, s.last_outcome
      FROM buildings b LEFT JOIN s ON s.target = b.id
      WHERE (b.vacant_since IS NOT NULL AND b.vacant_since <= CAST(? AS TIMESTAMP))
         OR (b.vacant_since IS NULL AND lower(b.status) = ?)
      ORDER BY b.id`,
    params: ['schouw', at, at, 'leegstaand'],
  };
}

/** Buurt codes and names, for naming places at buurt level. */
function buurtNamesQuery(): Query {
  return {
    sql: `SELECT code, name FROM areas WHERE level = ? ORDER BY code`,
    params: ['buurt'],
  };
}

/** The last day with incidents or meldingen (local epoch ms), null without records. */
function lastRecordQuery(): Query {
  return {
    sql: `SELECT max(t) AS last FROM (
        ${DEMAND.map((table) => `SELECT max(${timeSql(table)}) AS t FROM ${table}`).join(' UNION ALL ')})`,
  };
}

/**
 * Every record with an exact time and a place in [from, to), for scoring past briefings'
 * expected hotspots (analysis/forecast-score.ts): rows lon, lat, t (local epoch ms), theme,
 * buurtcode. `hours`: only those hours of the day (one dagdeel's), every weekday.
 */
function forecastRecordsQuery(window: {
  from: string;
  to: string;
  hours?: readonly number[];
}): Query {
  if (window.hours?.length === 0) throw new RangeError('hours must not be empty');
  const filter = window.hours ? { ...period(window), hours: window.hours } : period(window);
  const records = recordsSql(filter, true);
  return { sql: `SELECT * FROM (${records.sql}) ORDER BY t`, params: records.params };
}

export const {
  buildHistoryRecordsQuery,
  buildRecentGroupsQuery,
  buildWatchVisitsQuery,
  buildSchouwStatusQuery,
  buildBuurtNamesQuery,
  buildLastRecordQuery,
  buildForecastRecordsQuery,
} = registerAll('briefing', {
  buildHistoryRecordsQuery: historyRecordsQuery,
  buildRecentGroupsQuery: recentGroupsQuery,
  buildWatchVisitsQuery: watchVisitsQuery,
  buildSchouwStatusQuery: schouwStatusQuery,
  buildBuurtNamesQuery: buurtNamesQuery,
  buildLastRecordQuery: lastRecordQuery,
  buildForecastRecordsQuery: forecastRecordsQuery,
});
