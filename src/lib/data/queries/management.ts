/**
 * Queries for the Management view: monthly KPIs per wijk and theme (meldingen, incidents,
 * visits and visit hours), how incidents were settled, the interventions, and the records
 * an intervention evaluation classifies into target, buffer and control. Pure builders
 * returning { sql, params } (STYLE.md §1); periods are local dates, inclusive.
 *
 * Event time follows the planted truth's definition (data/truth.json, `time_fields`):
 * incidents occurred_from, meldingen happened_from else reported_at, visits started_at.
 */
import type { Query } from '../connector';
import { utcMsSql } from './local-time-sql';
import { precisionSql } from './record-filter';

/** Local dates 'YYYY-MM-DD', both inclusive. */
export interface DatePeriod {
  from: string;
  to: string;
}

const MELDING_TIME = 'coalesce(happened_from, reported_at)';

/** Demand records whose time is known to the year only (stored on 1 January). */
const YEAR_LEVEL = (table: 'meldingen' | 'incidents') =>
  `count(*) FILTER (WHERE ${precisionSql(table)} = 'year')`;

/** `t >= from AND t < to + 1 day`, with the two dates as parameters. */
const inPeriod = (column: string) =>
  `${column} >= CAST(? AS DATE) AND ${column} < CAST(? AS DATE) + INTERVAL 1 DAY`;

/**
 * One row per wijk × theme × month with meldingen, incidents, visits and visit hours
 * (ended_at − started_at as real elapsed time, local-time-sql.ts; a visit without an end
 * counts as a visit with 0 hours), and
 * `year_level`: how many of its meldingen and incidents are known to the year only (they
 * are in the January row, and count in every total, but a monthly comparison must leave
 * them out — management-kpis demandSeries). Records without a wijk are left out: KPIs are
 * per wijk.
 */
export function buildMonthlyKpiQuery(period: DatePeriod): Query {
  // Each table is grouped on its own before the union: three small aggregates instead of
  // one over every record (about 2× faster on the demo in DuckDB-WASM).
  const part = (table: string, time: string, measures: string) =>
    `SELECT wijkcode, theme, date_trunc('month', ${time}) AS m, ${measures} ` +
    `FROM ${table} WHERE wijkcode IS NOT NULL AND ${inPeriod(time)} GROUP BY ALL`;
  // Real elapsed time between the Europe/Amsterdam instants, not the wall-clock difference:
  // 01:30–03:30 on the autumn change lasts 3 hours, on the spring change 1 (issue 23).
  const elapsedMs = `(${utcMsSql('ended_at')}) - (${utcMsSql('started_at')})`;
  const hours = `greatest(coalesce((${elapsedMs}) / 3600000.0, 0), 0)`;
  const sql = `
    SELECT wijkcode, coalesce(theme, 'overig') AS theme,
      CAST(year(m) AS INTEGER) AS year, CAST(month(m) AS INTEGER) AS month,
      CAST(sum(meldingen) AS INTEGER) AS meldingen, CAST(sum(incidents) AS INTEGER) AS incidents,
      CAST(sum(visits) AS INTEGER) AS visits, sum(visit_hours) AS visit_hours,
      CAST(sum(year_level_meldingen) + sum(year_level_incidents) AS INTEGER) AS year_level,
      CAST(sum(year_level_meldingen) AS INTEGER) AS year_level_meldingen,
      CAST(sum(year_level_incidents) AS INTEGER) AS year_level_incidents
    FROM (
      ${part('meldingen', MELDING_TIME, `count(*) AS meldingen, 0 AS incidents, 0 AS visits, 0.0 AS visit_hours, ${YEAR_LEVEL('meldingen')} AS year_level_meldingen, 0 AS year_level_incidents`)}
      UNION ALL ${part('incidents', 'occurred_from', `0, count(*), 0, 0.0, 0, ${YEAR_LEVEL('incidents')}`)}
      UNION ALL ${part('visits', 'started_at', `0, 0, count(*), sum(${hours}), 0, 0`)}
    )
    GROUP BY ALL
    ORDER BY wijkcode, theme, year, month`;
  const p = [period.from, period.to];
  return { sql, params: [...p, ...p, ...p] };
}

/** Incidents per wijk × theme × outcome in the period (outcome NULL as 'onbekend'). */
export function buildOutcomeCountsQuery(period: DatePeriod): Query {
  return {
    sql: `SELECT wijkcode, theme, coalesce(outcome, 'onbekend') AS outcome, count(*) AS n
      FROM incidents
      WHERE wijkcode IS NOT NULL AND ${inPeriod('occurred_from')}
      GROUP BY ALL ORDER BY wijkcode, theme, outcome`,
    params: [period.from, period.to],
  };
}

/** The wijken with name and inhabitants, in code order. */
export function buildWijkenQuery(): Query {
  return {
    sql: `SELECT code, coalesce(name, code) AS name, inhabitants, geometry
      FROM areas WHERE level = 'wijk' ORDER BY code`,
  };
}

export interface InterventionRow {
  id: string;
  name: string;
  theme: string | null;
  /** 'YYYY-MM-DD' */
  start_date: string;
  end_date: string | null;
  geometry: string;
}

export function buildInterventionsQuery(): Query {
  return {
    sql: `SELECT id, name, theme, strftime(start_date, '%Y-%m-%d') AS start_date,
      strftime(end_date, '%Y-%m-%d') AS end_date, geometry
      FROM interventions ORDER BY start_date, id`,
  };
}

/** First and last local date of incidents and meldingen (the evaluation's data range). */
export function buildEventRangeQuery(): Query {
  return {
    sql: `SELECT strftime(min(t), '%Y-%m-%d') AS first, strftime(max(t), '%Y-%m-%d') AS last
      FROM (SELECT occurred_from AS t FROM incidents
            UNION ALL SELECT ${MELDING_TIME} AS t FROM meldingen)`,
  };
}

export interface EvaluationFilter {
  /** Theme of the records; null: every theme. */
  theme: string | null;
  /** Incident category or melding sub-category; empty: every category of the theme. */
  categories?: readonly string[];
  period: DatePeriod;
}

/** Categories (incidents) and sub-categories (meldingen) of a theme, with their counts. */
export function buildThemeCategoriesQuery(theme: string): Query {
  return {
    sql: `SELECT category, count(*) AS n FROM (
        SELECT category FROM incidents WHERE theme = ?
        UNION ALL SELECT sub_category AS category FROM meldingen WHERE theme = ?
      ) WHERE category IS NOT NULL GROUP BY ALL ORDER BY n DESC, category`,
    params: [theme, theme],
  };
}

/**
 * Incidents and meldingen of a theme (and categories) with coordinates, their wijk and
 * their month: the evaluation sorts them into target, buffer and control in TypeScript.
 */
export function buildEvaluationRecordsQuery(filter: EvaluationFilter): Query {
  const categories = filter.categories ?? [];
  const part = (table: string, time: string, category: string) => {
    const params: (string | null)[] = [filter.period.from, filter.period.to];
    let where = `lon IS NOT NULL AND lat IS NOT NULL AND ${inPeriod(time)}`;
    if (filter.theme !== null) {
      where += ' AND theme = ?';
      params.push(filter.theme);
    }
    if (categories.length > 0) {
      where += ` AND ${category} IN (${categories.map(() => '?').join(', ')})`;
      params.push(...categories);
    }
    const sql =
      `SELECT lon, lat, wijkcode, strftime(${time}, '%Y-%m-%d') AS day, ${category} AS category ` +
      `FROM ${table} WHERE ${where}`;
    return { sql, params };
  };
  const a = part('incidents', 'occurred_from', 'category');
  const b = part('meldingen', MELDING_TIME, 'sub_category');
  return { sql: `${a.sql}\nUNION ALL\n${b.sql}`, params: [...a.params, ...b.params] };
}
