/**
 * Queries for the briefing (issue 7). Pure builders returning { sql, params }: table and
 * column names are fixed here, every chosen value (times, weekday, hours, kinds) is a `?`
 * parameter. Self-contained on purpose: the buitengebied ranking lives elsewhere; the
 * briefing only asks which vacant buildings have had no schouw lately.
 *
 * The time a record happened: incidents occurred_from; meldingen their incident window
 * start when the reporter gave one, else the report time (as in hotspots.ts and times.ts).
 */
import type { Query, QueryParam } from '../connector';
import { precisionSql } from './record-filter';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function checkTimestamp(value: string, name: string): string {
  if (!TIMESTAMP.test(value)) throw new RangeError(`${name} must be 'YYYY-MM-DD HH:MM:SS'`);
  return value;
}

function checkIntegers(values: readonly number[], min: number, max: number, name: string) {
  if (values.length === 0) throw new RangeError(`${name} must not be empty`);
  for (const v of values) {
    if (!Number.isInteger(v) || v < min || v > max) {
      throw new RangeError(`${name} must be integers ${min}–${max}, got ${v}`);
    }
  }
}

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * Incidents and meldingen with a place in [from, to): columns lon, lat, t (TIMESTAMP),
 * theme, buurtcode. `extra` is one more condition on t (and the time's precision, see
 * record-filter precisionSql) with its parameters.
 */
function recordsSql(
  from: string,
  to: string,
  extra?: { sql: (t: string, precision: string) => string; params: QueryParam[] },
): { sql: string; params: QueryParam[] } {
  checkTimestamp(from, 'from');
  checkTimestamp(to, 'to');
  const params: QueryParam[] = [];
  const part = (table: string, t: string, precision: string) => {
    params.push(from, to, ...(extra?.params ?? []));
    return `SELECT lon, lat, ${t} AS t, theme, buurtcode FROM ${table}
      WHERE lon IS NOT NULL AND lat IS NOT NULL
        AND ${t} >= CAST(? AS TIMESTAMP) AND ${t} < CAST(? AS TIMESTAMP)${extra ? ` AND ${extra.sql(t, precision)}` : ''}`;
  };
  const sql = `${part('incidents', 'occurred_from', precisionSql('incidents'))}
    UNION ALL
    ${part('meldingen', 'coalesce(happened_from, reported_at)', precisionSql('meldingen'))}`;
  return { sql, params };
}

/**
 * The records of one weekday and a set of hours between from and to (the history of a
 * dagdeel): rows lon, lat, t (local epoch ms), theme, buurtcode.
 */
export function buildHistoryRecordsQuery(window: {
  from: string;
  to: string;
  weekday: number;
  hours: readonly number[];
}): Query {
  checkIntegers([window.weekday], 1, 7, 'weekday');
  checkIntegers(window.hours, 0, 23, 'hours');
  const records = recordsSql(window.from, window.to, {
    // Only exact times: a record known to the day only is no record of this dagdeel.
    sql: (t, precision) =>
      `isodow(${t}) = ? AND hour(${t}) IN (${placeholders(window.hours)}) AND ${precision} = 'exact'`,
    params: [window.weekday, ...window.hours],
  });
  return { sql: `${records.sql} ORDER BY t`, params: records.params };
}

/**
 * What happened in [from, to), per theme and buurt: rows theme, buurtcode, n, first, last
 * (local epoch ms), busiest first.
 */
export function buildRecentGroupsQuery(window: { from: string; to: string }): Query {
  const records = recordsSql(window.from, window.to);
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
export function buildWatchVisitsQuery(window: { from: string; to: string }): Query {
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
export function buildSchouwStatusQuery(at: string): Query {
  checkTimestamp(at, 'at');
  return {
    sql: `WITH s AS (
        SELECT target, max(started_at) AS last_schouw,
          arg_max(outcome, started_at) AS last_outcome
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
export function buildBuurtNamesQuery(): Query {
  return {
    sql: `SELECT code, name FROM areas WHERE level = ? ORDER BY code`,
    params: ['buurt'],
  };
}

/** The last day with incidents or meldingen (local epoch ms), null without records. */
export function buildLastRecordQuery(): Query {
  return {
    sql: `SELECT max(t) AS last FROM (
        SELECT max(occurred_from) AS t FROM incidents
        UNION ALL SELECT max(coalesce(happened_from, reported_at)) FROM meldingen)`,
  };
}

/**
 * Every record with an exact time and a place in [from, to), for scoring past briefings'
 * expected hotspots (analysis/forecast-score.ts): rows lon, lat, t (local epoch ms), theme,
 * buurtcode.
 */
export function buildForecastRecordsQuery(window: { from: string; to: string }): Query {
  const records = recordsSql(window.from, window.to, {
    sql: (_t, precision) => `${precision} = 'exact'`,
    params: [],
  });
  return { sql: `${records.sql} ORDER BY t`, params: records.params };
}
