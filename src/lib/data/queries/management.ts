/**
 * Queries for the Management view: monthly KPIs per wijk and theme (meldingen, incidents,
 * visits and visit hours), how incidents were settled, the interventions, and the records
 * an intervention evaluation classifies into target, buffer and control. Pure builders
 * returning { sql, params } (STYLE.md §1); periods are local dates, inclusive.
 *
 * Which records count is the shared filter's (compileRecordFilter on the base tables), so
 * the time a record happened and what a category matches are those of every other view
 * (data/sql/record-time.ts).
 */
import type { Query, QueryParam } from '../connector';
import type { RecordTable } from '../schema';
import { dialect } from '../sql/dialect';
import { utcMsSql } from '../sql/local-time';
import { compileRecordFilter, type RecordFilter } from '../sql/record-filter';
import { CATEGORY_SQL, precisionSql, recordSource, timeSql } from '../sql/record-time';
import {
  buildInterventionsQuery as buildReferenceInterventionsQuery,
  type InterventionRow,
} from './reference';
import { register, registerAll } from './register';

/** Local dates 'YYYY-MM-DD', both inclusive. */
export interface DatePeriod {
  from: string;
  to: string;
}

/** Demand records whose time is known to the year only (stored on 1 January). */
const YEAR_LEVEL = (table: 'meldingen' | 'incidents') =>
  `count(*) FILTER (WHERE ${precisionSql(table)} = 'year')`;

/** The period as the shared filter's [from, to): from midnight to the midnight after `to`. */
function periodFilter({ from, to }: DatePeriod): RecordFilter {
  const end = new Date(`${to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { from: `${from} 00:00:00`, to: `${end.toISOString().slice(0, 10)} 00:00:00` };
}

/** The records of `table` in the period (with or without a place), as WHERE conditions. */
const inPeriod = (table: RecordTable, period: DatePeriod) =>
  compileRecordFilter(periodFilter(period), recordSource(table, { located: false }));

const day = (t: string) => dialect.strftime(t, '%Y-%m-%d');

/**
 * One row per wijk × theme × month with meldingen, incidents, visits and visit hours
 * (ended_at − started_at as real elapsed time, sql/local-time.ts; a visit without an end
 * counts as a visit with 0 hours), and
 * `year_level`: how many of its meldingen and incidents are known to the year only (they
 * are in the January row, and count in every total, but a monthly comparison must leave
 * them out — management-kpis demandSeries). Records without a wijk are left out: KPIs are
 * per wijk.
 */
function monthlyKpiQuery(period: DatePeriod): Query {
  // Each table is grouped on its own before the union: three small aggregates instead of
  // one over every record (about 2× faster on the demo in DuckDB-WASM).
  const params: QueryParam[] = [];
  const part = (table: RecordTable, measures: string) => {
    const where = inPeriod(table, period);
    params.push(...where.params);
    return (
      `SELECT wijkcode, theme, ${dialect.dateTrunc('month', timeSql(table))} AS m, ${measures} ` +
      `FROM ${table} WHERE wijkcode IS NOT NULL AND ${where.sql} ${dialect.groupByAll}`
    );
  };
  // Real elapsed time between the Europe/Amsterdam instants, not the wall-clock difference:
  // 01:30–03:30 on the autumn change lasts 3 hours, on the spring change 1 (issue 23).
  const elapsedMs = `(${utcMsSql('ended_at')}) - (${utcMsSql('started_at')})`;
  const hours = `greatest(coalesce((${elapsedMs}) / 3600000.0, 0), 0)`;
  // The parts' columns are named apart from the result's (n_…): ClickHouse reads a name
  // in the SELECT list as the alias of that list first, so sum(year_level_meldingen) there
  // would be a sum inside a sum.
  const sql = `
    SELECT wijkcode, coalesce(theme, 'overig') AS theme,
      CAST(year(m) AS INTEGER) AS year, CAST(month(m) AS INTEGER) AS month,
      CAST(sum(n_meldingen) AS INTEGER) AS meldingen,
      CAST(sum(n_incidents) AS INTEGER) AS incidents,
      CAST(sum(n_visits) AS INTEGER) AS visits, sum(n_visit_hours) AS visit_hours,
      CAST(sum(n_year_meldingen) + sum(n_year_incidents) AS INTEGER) AS year_level,
      CAST(sum(n_year_meldingen) AS INTEGER) AS year_level_meldingen,
      CAST(sum(n_year_incidents) AS INTEGER) AS year_level_incidents
    FROM (
      ${part('meldingen', `count(*) AS n_meldingen, 0 AS n_incidents, 0 AS n_visits, 0.0 AS n_visit_hours, ${YEAR_LEVEL('meldingen')} AS n_year_meldingen, 0 AS n_year_incidents`)}
      UNION ALL ${part('incidents', `0, count(*), 0, 0.0, 0, ${YEAR_LEVEL('incidents')}`)}
      UNION ALL ${part('visits', `0, 0, count(*), sum(${hours}), 0, 0`)}
    )
    ${dialect.groupByAll}
    ORDER BY wijkcode, theme, year, month`;
  return { sql, params };
}

/** Incidents per wijk × theme × outcome in the period (outcome NULL as 'onbekend'). */
function outcomeCountsQuery(period: DatePeriod): Query {
  const where = inPeriod('incidents', period);
  return {
    sql: `SELECT wijkcode, theme, coalesce(outcome, 'onbekend') AS outcome, count(*) AS n
      FROM incidents
      WHERE wijkcode IS NOT NULL AND ${where.sql}
      ${dialect.groupByAll} ORDER BY wijkcode, theme, outcome`,
    params: where.params,
  };
}

/** The wijken with name and inhabitants, in code order. */
function wijkenQuery(): Query {
  return {
    sql: `SELECT code, coalesce(name, code) AS name, inhabitants, geometry
      FROM areas WHERE level = 'wijk' ORDER BY code`,
  };
}

export type { InterventionRow };

/** The interventions by start date. */
export const buildInterventionsQuery = register('management.buildInterventionsQuery', (): Query =>
  buildReferenceInterventionsQuery('start'),
);

/** First and last local date of incidents and meldingen (the evaluation's data range). */
function eventRangeQuery(): Query {
  return {
    sql: `SELECT ${day('min(t)')} AS first, ${day('max(t)')} AS last
      FROM (SELECT ${timeSql('incidents')} AS t FROM incidents
            UNION ALL SELECT ${timeSql('meldingen')} AS t FROM meldingen)`,
  };
}

export interface EvaluationFilter {
  /** Theme of the records; null: every theme. */
  theme: string | null;
  /** Incident category, melding sub- or main category; empty: every category of the theme. */
  categories?: readonly string[];
  period: DatePeriod;
}

/**
 * Incidents and meldingen of a theme (and categories: the shared filter's, so a melding's
 * sub- or main category) with coordinates, their wijk and their day: the evaluation sorts
 * them into target, buffer and control in TypeScript.
 */
function evaluationRecordsQuery(filter: EvaluationFilter): Query {
  const records: RecordFilter = {
    ...periodFilter(filter.period),
    themes: filter.theme === null ? [] : [filter.theme],
    categories: filter.categories ?? [],
  };
  const params: QueryParam[] = [];
  const parts = (['incidents', 'meldingen'] as const).map((table) => {
    const where = compileRecordFilter(records, recordSource(table));
    params.push(...where.params);
    return (
      `SELECT lon, lat, wijkcode, ${day(timeSql(table))} AS day, ${CATEGORY_SQL[table]} AS category ` +
      `FROM ${table} WHERE ${where.sql}`
    );
  });
  return { sql: parts.join('\nUNION ALL\n'), params };
}

export const {
  buildMonthlyKpiQuery,
  buildOutcomeCountsQuery,
  buildWijkenQuery,
  buildEventRangeQuery,
  buildEvaluationRecordsQuery,
} = registerAll('management', {
  buildMonthlyKpiQuery: monthlyKpiQuery,
  buildOutcomeCountsQuery: outcomeCountsQuery,
  buildWijkenQuery: wijkenQuery,
  buildEventRangeQuery: eventRangeQuery,
  buildEvaluationRecordsQuery: evaluationRecordsQuery,
});
