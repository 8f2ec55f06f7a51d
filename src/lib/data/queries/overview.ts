/**
 * Queries for the start page: how many records each table holds and what period the
 * records cover. Pure builders returning { sql, params } (STYLE.md §1).
 */
import type { Query } from '../connector';
import { RECORD_TABLES, RECORD_TIME_COLUMN, TABLE_NAMES, type TableName } from '../schema';
import { registerAll } from './register';

/** The tables shown on the start page, in display order. */
export const OVERVIEW_TABLES: readonly TableName[] = TABLE_NAMES.filter(
  (t) => t !== 'theme_mapping',
);

function tableCountsQuery(): Query {
  const parts = OVERVIEW_TABLES.map(
    (table, i) => `SELECT '${table}' AS table_name, ${i} AS position, count(*) AS n FROM ${table}`,
  );
  return { sql: `SELECT * FROM (${parts.join('\nUNION ALL\n')}) ORDER BY position` };
}

/** First and last record time over incidents, meldingen and visits (local wall-clock). */
function periodQuery(): Query {
  const parts = RECORD_TABLES.map(
    (table) =>
      `SELECT min(${RECORD_TIME_COLUMN[table]}) AS first, max(${RECORD_TIME_COLUMN[table]}) AS last FROM ${table}`,
  );
  return {
    sql: `SELECT min(first) AS first, max(last) AS last FROM (${parts.join(' UNION ALL ')})`,
  };
}

/** The name of the loaded municipality: its gemeente area (null when there is none). */
function municipalityNameQuery(): Query {
  return {
    sql: `SELECT name FROM areas WHERE level = 'gemeente' AND name IS NOT NULL ORDER BY code LIMIT 1`,
  };
}

/**
 * The latest record time per record table (local wall-clock epoch ms; null when empty):
 * rows (table_name, last), in RECORD_TABLES order — how fresh each export is.
 */
function freshnessQuery(): Query {
  const parts = RECORD_TABLES.map(
    (table, i) =>
      `SELECT '${table}' AS table_name, ${i} AS position, max(${RECORD_TIME_COLUMN[table]}) AS last FROM ${table}`,
  );
  return { sql: `SELECT table_name, last FROM (${parts.join(' UNION ALL ')}) ORDER BY position` };
}

export const {
  buildTableCountsQuery,
  buildPeriodQuery,
  buildMunicipalityNameQuery,
  buildFreshnessQuery,
} = registerAll('overview', {
  buildTableCountsQuery: tableCountsQuery,
  buildPeriodQuery: periodQuery,
  buildMunicipalityNameQuery: municipalityNameQuery,
  buildFreshnessQuery: freshnessQuery,
});
