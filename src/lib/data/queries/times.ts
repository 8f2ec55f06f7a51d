/**
 * Record times for hot-time analysis: per record the start and (optional) end of the
 * window in which it happened, as local epoch milliseconds (the wall-clock reading encoded
 * as UTC, analysis/local-time.ts). Meldingen use their incident window when the export has
 * one (Signalen's incident_date_start/end), otherwise the report time; incidents their
 * occurred_from/to; visits their start. NULL end = exact time.
 */
import type { Query, QueryParam } from '../connector';
import type { RecordTable } from '../schema';

export interface TimeFilter {
  themes?: readonly string[];
  /** 1 = januari … 12 = december, of the record's start. */
  months?: readonly number[];
  wijkcodes?: readonly string[];
}

const WINDOW: Record<RecordTable, { from: string; to: string }> = {
  incidents: { from: 'occurred_from', to: 'nullif(occurred_to, occurred_from)' },
  meldingen: {
    from: 'coalesce(happened_from, reported_at)',
    to: 'CASE WHEN happened_from IS NOT NULL THEN happened_to END',
  },
  visits: { from: 'started_at', to: 'NULL::TIMESTAMP' },
};

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/** Arrow columns t_from, t_to (DOUBLE, local epoch ms; t_to NULL for exact records). */
export function buildRecordWindowsQuery(
  tables: readonly RecordTable[],
  filter: TimeFilter = {},
): Query {
  const params: QueryParam[] = [];
  const parts = tables.map((table) => {
    const { from, to } = WINDOW[table];
    const where: string[] = [];
    if (filter.themes?.length) {
      where.push(`theme IN (${placeholders(filter.themes)})`);
      params.push(...filter.themes);
    }
    if (filter.months?.length) {
      where.push(`month(${from}) IN (${placeholders(filter.months)})`);
      params.push(...filter.months.map((m) => Math.trunc(m)));
    }
    if (filter.wijkcodes?.length) {
      where.push(`wijkcode IN (${placeholders(filter.wijkcodes)})`);
      params.push(...filter.wijkcodes);
    }
    return `SELECT CAST(epoch_ms(${from}) AS DOUBLE) AS t_from, CAST(epoch_ms(${to}) AS DOUBLE) AS t_to
      FROM ${table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  });
  return { sql: parts.join('\nUNION ALL\n'), params };
}
