/**
 * Queries run in both Node and the browser to show the connector gives the same answer
 * with the same engine: aggregates over every table and column type the views use.
 */
import type { Query } from '../../src/lib/data/connector';

export const PARITY_QUERIES: Record<string, Query> = {
  themeByWijk: {
    sql: `SELECT wijkcode, theme, count(*) AS n FROM incidents GROUP BY ALL ORDER BY ALL`,
  },
  hourByWeekday: {
    sql: `SELECT dayofweek(reported_at) AS weekday, hour(reported_at) AS hour, count(*) AS n
          FROM meldingen GROUP BY ALL ORDER BY ALL`,
  },
  visitHoursByKind: {
    sql: `SELECT kind, round(sum(epoch(ended_at - started_at)) / 3600, 3) AS hours
          FROM visits GROUP BY ALL ORDER BY ALL`,
  },
  parameterised: {
    sql: `SELECT count(*) AS n, min(occurred_from) AS first, max(lon) AS max_lon
          FROM incidents WHERE theme = ? AND occurred_from >= ?::TIMESTAMP`,
    params: ['jeugd', '2025-01-01 00:00:00'],
  },
  areas: {
    sql: `SELECT level, count(*) AS n, sum(inhabitants) AS inhabitants FROM areas GROUP BY ALL ORDER BY ALL`,
  },
};
