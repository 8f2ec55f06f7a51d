/**
 * What the filter panel offers: the period the data covers and the values present in the
 * data (themes, categories, outcomes) with their counts, the wijken and buurten, and the
 * gemeenten (a region's data holds several; the panel offers them only then).
 */
import type { Query } from '../connector';
import { RECORD_TABLES } from '../schema';
import { dialect } from '../sql/dialect';
import { CATEGORY_SQL, OUTCOME_SQL, timeSql } from '../sql/record-time';
import { registerAll } from './register';

export interface FilterValueRow {
  field: 'theme' | 'category' | 'outcome';
  value: string;
  n: number;
}

/** Rows (field, value, n) for themes, categories and outcomes across the record tables. */
function filterValuesQuery(): Query {
  const parts = RECORD_TABLES.flatMap((table) => {
    const outcome = OUTCOME_SQL[table];
    return [
      `SELECT 'theme' AS field, theme AS value FROM ${table}`,
      `SELECT 'category', ${CATEGORY_SQL[table]} FROM ${table}`,
      ...(outcome ? [`SELECT 'outcome', ${outcome} FROM ${table}`] : []),
    ];
  });
  return {
    sql: `SELECT field, value, count(*)::INTEGER AS n FROM (${parts.join(' UNION ALL ')})
          WHERE value IS NOT NULL GROUP BY field, value ORDER BY field, n DESC, value`,
  };
}

/** One row (first, last): the first and last day with records, 'YYYY-MM-DD' or NULL. */
function dataPeriodQuery(): Query {
  const parts = RECORD_TABLES.map(
    (table) => `SELECT min(${timeSql(table)}) AS lo, max(${timeSql(table)}) AS hi FROM ${table}`,
  );
  return {
    sql: `SELECT ${dialect.strftime('min(lo)', '%Y-%m-%d')} AS first,
            ${dialect.strftime('max(hi)', '%Y-%m-%d')} AS last
          FROM (${parts.join(' UNION ALL ')})`,
  };
}

/**
 * Rows (code, name) of the gemeenten the records hold (schema 2, data/gemeente.ts), by
 * code; name from the gemeente's boundary, NULL when none is loaded.
 */
function gemeenteListQuery(): Query {
  const union = RECORD_TABLES.map((table) => `SELECT DISTINCT gemeente FROM ${table}`);
  return {
    sql: `SELECT r.code, min(a.name) AS name
          FROM (SELECT DISTINCT gemeente AS code FROM (${union.join(' UNION ALL ')})
                WHERE gemeente IS NOT NULL) r
          LEFT JOIN areas a ON a.level = 'gemeente' AND a.code = r.code
          GROUP BY r.code ORDER BY r.code`,
  };
}

/** Rows (level, code, name, parent) of the wijken and buurten, by code. */
function areaListQuery(): Query {
  return {
    sql: `SELECT level, code, coalesce(name, code) AS name, parent FROM areas
          WHERE level IN ('wijk', 'buurt') ORDER BY level DESC, code`,
  };
}

export const {
  buildFilterValuesQuery,
  buildDataPeriodQuery,
  buildAreaListQuery,
  buildGemeenteListQuery,
} = registerAll('filter-options', {
  buildFilterValuesQuery: filterValuesQuery,
  buildDataPeriodQuery: dataPeriodQuery,
  buildAreaListQuery: areaListQuery,
  buildGemeenteListQuery: gemeenteListQuery,
});
