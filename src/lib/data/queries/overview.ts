/**
 * Queries for the start page: how many records each table holds and what period the
 * records cover. Pure builders returning { sql, params } (STYLE.md §1).
 */
import type { Query } from '../connector';
import { RECORD_TABLES, RECORD_TIME_COLUMN, TABLE_NAMES, type TableName } from '../schema';

/** The tables shown on the start page, in display order. */
export const OVERVIEW_TABLES: readonly TableName[] = TABLE_NAMES.filter(
  (t) => t !== 'theme_mapping',
);

export function buildTableCountsQuery(): Query {
  const parts = OVERVIEW_TABLES.map(
    (table, i) => `SELECT '${table}' AS table_name, ${i} AS position, count(*) AS n FROM ${table}`,
  );
  return { sql: `${parts.join('\nUNION ALL\n')}\nORDER BY position` };
}

/** First and last record time over incidents, meldingen and visits (local wall-clock). */
export function buildPeriodQuery(): Query {
  const parts = RECORD_TABLES.map(
    (table) =>
      `SELECT min(${RECORD_TIME_COLUMN[table]}) AS first, max(${RECORD_TIME_COLUMN[table]}) AS last FROM ${table}`,
  );
  return {
    sql: `SELECT min(first) AS first, max(last) AS last FROM (${parts.join(' UNION ALL ')})`,
  };
}

/** The name of the loaded municipality: its gemeente area (null when there is none). */
export function buildMunicipalityNameQuery(): Query {
  return {
    sql: `SELECT name FROM areas WHERE level = 'gemeente' AND name IS NOT NULL ORDER BY code LIMIT 1`,
  };
}

/**
 * The latest record time per record table (local wall-clock epoch ms; null when empty):
 * rows (table_name, last), in RECORD_TABLES order — how fresh each export is.
 */
export function buildFreshnessQuery(): Query {
  const parts = RECORD_TABLES.map(
    (table, i) =>
      `SELECT '${table}' AS table_name, ${i} AS position, max(${RECORD_TIME_COLUMN[table]}) AS last FROM ${table}`,
  );
  return { sql: `SELECT table_name, last FROM (${parts.join(' UNION ALL ')}) ORDER BY position` };
}

/** Melding statuses that mean the case is closed (compared in lower case). */
export const CLOSED_MELDING_STATUSES = ['afgehandeld', 'geannuleerd', 'gesloten', 'afgesloten'];

/**
 * Open meldingen (no closed_at, and a status that is not a closed one) per status, as of
 * `at` ('YYYY-MM-DD HH:MM:SS', local): rows (status, open, overdue), where `overdue` counts
 * those reported more than `normDays` days before `at`. Meldingen reported after `at` are
 * left out.
 */
export function buildOpenMeldingenQuery(at: string, normDays: number): Query {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(at)) {
    throw new RangeError("at must be 'YYYY-MM-DD HH:MM:SS'");
  }
  if (!(Number.isInteger(normDays) && normDays >= 0)) throw new RangeError('normDays must be ≥ 0');
  const closed = CLOSED_MELDING_STATUSES.map(() => '?').join(', ');
  return {
    sql: `SELECT status, count(*)::INTEGER AS open,
        count(*) FILTER (WHERE reported_at < CAST(? AS TIMESTAMP) - to_days(CAST(? AS INTEGER)))::INTEGER AS overdue
      FROM meldingen
      WHERE closed_at IS NULL AND status IS NOT NULL AND lower(status) NOT IN (${closed})
        AND reported_at < CAST(? AS TIMESTAMP)
      GROUP BY status ORDER BY overdue DESC, status`,
    params: [at, normDays, ...CLOSED_MELDING_STATUSES, at],
  };
}
