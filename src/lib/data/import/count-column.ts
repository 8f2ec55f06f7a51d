/**
 * A count column: registers that publish one row per location (and year, kind, …) carry
 * the number of registrations the row stands for (`aantal`, `count`; a national accident
 * register: 5,085 rows = 6,137 accidents). Such a row is stored as that many records —
 * same place, time, theme and precision; the first keeps the row's id, the others get
 * `<id>#2`, `<id>#3`, … — so every count, map, hotspot and trend honours it without a
 * weight in any query. Every check on the file (personal data, repeated ids, duplicates,
 * the rejected rows) still works on the rows as they are; only the commit multiplies.
 *
 * A count must be a whole number from 1 to MAX_COUNT_PER_ROW; any other row is rejected
 * with its reason, never read as 1.
 */
import type { Connector } from '../connector';
import type { Chosen } from './column-content';
import type { ImportPlan } from './plan';
import { rawSql, sqlLiteral, typedKind } from './convert-sql';

/** The import field (column-mapping.ts) and the converted column that carry the count. */
export const COUNT_FIELD = 'count';

/**
 * The most registrations one row may stand for. A location with more than a thousand
 * registrations in one row of a municipal or national extract does not occur in practice;
 * a larger value is nearly always another column mapped by mistake (a year, a postcode
 * number, a location number, a sum over the whole file). Accepted, one such row would
 * add up to millions of records and fill the browser's memory (4 GB for a tab).
 */
export const MAX_COUNT_PER_ROW = 1000;

/** Whether the plan maps a count column (then the commit expands rows into records). */
export function hasCountColumn(plan: Pick<ImportPlan, 'columns'>): boolean {
  return plan.columns[COUNT_FIELD] !== undefined;
}

/** A whole number as an export writes it: digits, at most with `.0`/`,00` (pandas writes `3.0`). */
const WHOLE = /^[0-9]+([.,]00?)?$/;

/**
 * How a sample of a column supports reading it as a count: 'zeker' when every value is a
 * whole number from 1 to the maximum, 'waarschijnlijk' when some value is a number, null
 * when none is (then the name was a coincidence and the column is not proposed).
 */
export function judgeCountValues(values: readonly string[]): 'zeker' | 'waarschijnlijk' | null {
  const numbers = values.filter((v) => Number.isFinite(Number(v.trim().replace(',', '.'))));
  if (numbers.length === 0) return null;
  const counts = values.every((v) => {
    const text = v.trim();
    const n = Number(text.replace(',', '.'));
    return WHOLE.test(text) && n >= 1 && n <= MAX_COUNT_PER_ROW;
  });
  return counts && numbers.length === values.length ? 'zeker' : 'waarschijnlijk';
}

/**
 * A count column named so stays 'zeker' only when its sampled values are counts (whole
 * numbers from 1); a column of other numbers becomes 'waarschijnlijk', one without
 * numbers is let go. `chosen` (field → column) and `used` as in applyValueClasses.
 */
export function confirmCount(
  chosen: Map<string, Chosen>,
  used: Set<number>,
  samples: readonly (readonly string[])[],
): void {
  const hit = chosen.get(COUNT_FIELD);
  if (!hit) return;
  const judged = judgeCountValues(samples[hit.index] ?? []);
  if (judged === null) {
    chosen.delete(COUNT_FIELD);
    used.delete(hit.index);
  } else if (judged === 'waarschijnlijk') chosen.set(COUNT_FIELD, { ...hit, confidence: judged });
}

export interface CountCheck {
  when: string;
  reason: string;
  detail: string;
}

export const COUNT_REASONS = {
  missing: 'Aantal ontbreekt',
  unreadable: 'Aantal onleesbaar',
  belowOne: 'Aantal kleiner dan 1',
  fraction: 'Aantal is geen geheel getal',
  tooLarge: `Aantal boven ${MAX_COUNT_PER_ROW.toLocaleString('nl-NL')} per rij`,
} as const;

/**
 * The count in buildConvertSql's three levels: the inner columns read from the staged row
 * `r`, the outer `"count"` column (NULL unless the row's count is valid) and the checks.
 * Null when the plan maps no count column: the conversion is then as it always was.
 */
export function countConvertSql(
  plan: ImportPlan,
): { inner: string[]; outer: string[]; checks: CountCheck[] } | null {
  if (!hasCountColumn(plan)) return null;
  const raw = rawSql(plan, COUNT_FIELD)!;
  const typed = typedKind(plan.columnTypes?.[plan.columns[COUNT_FIELD]]) === 'number';
  const value = typed ? `CAST(${raw} AS DOUBLE)` : `TRY_CAST(replace(${raw}, ',', '.') AS DOUBLE)`;
  const whole = typed
    ? `CASE WHEN ${value} = floor(${value}) THEN ${value} END`
    : `CASE WHEN regexp_full_match(${raw}, ${sqlLiteral(WHOLE.source.slice(1, -1))}) THEN ${value} END`;
  return {
    inner: [`${raw} AS count_raw`, `${value} AS count_value`, `${whole} AS count_whole`],
    outer: [
      `CASE WHEN count_whole BETWEEN 1 AND ${MAX_COUNT_PER_ROW}
        THEN CAST(count_whole AS INTEGER) END AS "count"`,
    ],
    checks: [
      { when: 'count_raw IS NULL', reason: COUNT_REASONS.missing, detail: 'NULL' },
      {
        when: 'count_value IS NULL OR NOT isfinite(count_value)',
        reason: COUNT_REASONS.unreadable,
        detail: 'count_raw',
      },
      { when: 'count_value < 1', reason: COUNT_REASONS.belowOne, detail: 'count_raw' },
      { when: 'count_whole IS NULL', reason: COUNT_REASONS.fraction, detail: 'count_raw' },
      {
        when: `count_whole > ${MAX_COUNT_PER_ROW}`,
        reason: COUNT_REASONS.tooLarge,
        detail: 'count_raw',
      },
    ],
  };
}

/**
 * The accepted rows of `import_final` (`where`), each repeated `"count"` times: the first
 * copy keeps the id, copy k gets `<id>#k` (stable: the same file gives the same ids).
 */
export function expandedRowsSql(where: string): string {
  return `(SELECT * EXCLUDE (copy) REPLACE (CASE WHEN copy = 1 THEN id ELSE concat(id, '#', copy) END AS id)
    FROM (SELECT *, unnest(generate_series(1, "count")) AS copy FROM import_final WHERE ${where}))`;
}

/**
 * Stored copies of the ids in `ids` (a subquery): `<id>#k`. Replacing a row replaces
 * every record it was expanded into, even when its count has changed since.
 */
export function copiesOfSql(ids: string): string {
  return `(regexp_matches(id, '#[0-9]+$') AND regexp_replace(id, '#[0-9]+$', '') IN (${ids}))`;
}

/** How a group of decided rows is counted in records: rows, or the sum of their counts. */
export function recordsMeasureSql(plan: Pick<ImportPlan, 'columns'>): string {
  return hasCountColumn(plan) ? 'CAST(coalesce(sum("count"), 0) AS BIGINT)' : 'count(*)';
}

/** The header of the mapped count column, or null. */
export function countColumnHeader(
  plan: Pick<ImportPlan, 'columns'>,
  headers: readonly string[],
): string | null {
  return hasCountColumn(plan) ? headers[plan.columns[COUNT_FIELD]] : null;
}

/**
 * The records the accepted rows (`accepted`, a condition on `import_decided`) stand for:
 * their number, or with a count column the sum of their counts.
 */
export async function countRecords(
  conn: Connector,
  plan: Pick<ImportPlan, 'columns'>,
  accepted: string,
  acceptedRows: number,
): Promise<number> {
  if (!hasCountColumn(plan)) return acceptedRows;
  const measure = recordsMeasureSql(plan);
  // Usually every converted row is accepted: then the narrow table has the sum, and the
  // decision view (a second of work for a million rows) is not read.
  const [converted] = await conn.query<{ rows: number; n: number }>({
    sql: `SELECT count(*) AS rows, ${measure} AS n FROM import_conv_values WHERE reason IS NULL`,
  });
  if (Number(converted.rows) === acceptedRows) return Number(converted.n);
  const [{ n }] = await conn.query<{ n: number }>({
    sql: `SELECT ${measure} AS n FROM import_decided WHERE ${accepted}`,
  });
  return Number(n);
}

/** "12 rijen → 33 registraties (kolom count)": the line the import report shows. */
export function countSummary(report: {
  rows: { accepted: number };
  records: number;
  countColumn: string | null;
}): string | null {
  if (report.countColumn === null) return null;
  const n = (value: number) => value.toLocaleString('nl-NL');
  const rows = report.rows.accepted === 1 ? 'rij' : 'rijen';
  const records = report.records === 1 ? 'registratie' : 'registraties';
  return `${n(report.rows.accepted)} ${rows} → ${n(report.records)} ${records} (kolom ${report.countColumn})`;
}
