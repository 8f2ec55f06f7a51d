/**
 * Stage 3 of an import, as SQL: staged text → typed canonical values, plus the first reason
 * (in Dutch) why a row cannot be stored. Column references come from the plan as staged
 * column numbers (c0 … cN); the only literals are formats chosen by the detectors, quoted.
 *
 * Local time: values are stored as Dutch wall-clock TIMESTAMPs. A reading inside the spring
 * DST gap (02:00–03:00 on the last Sunday of March does not exist) is moved forward one
 * hour, as `localToUtc` does; a reading in the autumn overlap is kept as written (it occurs
 * twice on the clock; either way it is one record in one hour). Values with a UTC offset
 * are converted to Dutch local time with the EU rule, without the ICU extension.
 */
import type { ImportPlan } from './plan';
import type { DatePlan, NumberPlan } from './sniff-values';
import { stagedColumn } from './stage';

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** How a typed staged column (Arrow, Parquet) is read; 'text' also for all text formats. */
export type TypedKind = 'text' | 'timestamp' | 'timestamptz' | 'date' | 'number';

export function typedKind(duckdbType: string | undefined): TypedKind {
  const type = (duckdbType ?? 'VARCHAR').toUpperCase();
  if (type === 'TIMESTAMP WITH TIME ZONE' || type === 'TIMESTAMPTZ') return 'timestamptz';
  if (type.startsWith('TIMESTAMP')) return 'timestamp';
  if (type === 'DATE') return 'date';
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL|U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT))/.test(type)) {
    return 'number';
  }
  return 'text';
}

export const kindOf = (plan: ImportPlan, field: string): TypedKind =>
  typedKind(plan.columnTypes?.[plan.columns[field]]);

/** True for text with a character outside ASCII: more bytes than characters. */
const nonAsciiSql = (text: string) => `strlen(${text}) <> length(${text})`;

/**
 * `trim(text)` that skips the work where it changes nothing. DuckDB's trim removes Unicode
 * space separators (category Zs) from both ends, and the only ASCII one is the space: a
 * value that is all ASCII (as many bytes as characters) and neither starts nor ends with a
 * space comes back as it is. Those checks compare bytes; trim decodes every character,
 * which made it a fifth of a million-row import. `text` must be a column reference (it is
 * repeated).
 */
export function trimSql(text: string): string {
  return `CASE WHEN ${text} LIKE ' %' OR ${text} LIKE '% ' OR ${nonAsciiSql(text)}
    THEN trim(${text}) ELSE ${text} END`;
}

/** A mapped field as trimmed text (NULL when empty), whatever the column's type. */
function column(plan: ImportPlan, field: string): string | null {
  const text = untrimmedTextSql(plan, field);
  if (text === null) return null;
  // A typed value cast to text is computed once per use; it is rare and short, so trim it.
  const trimmed = text.startsWith('CAST(') ? `trim(${text})` : trimSql(text);
  return `nullif(${trimmed}, '')`;
}

/** A mapped field as the staged text, untrimmed (typed values cast to text). */
export function untrimmedTextSql(plan: ImportPlan, field: string): string | null {
  const index = plan.columns[field];
  if (index === undefined) return null;
  const ref = `r.${stagedColumn(index)}`;
  const type = plan.columnTypes?.[index]?.toUpperCase();
  return type === undefined || type === 'VARCHAR' ? ref : `CAST(${ref} AS VARCHAR)`;
}

/** A typed column used as it is: the reference, or null when the field needs text parsing. */
export function typedColumn(
  plan: ImportPlan,
  field: string,
  kinds: readonly TypedKind[],
): string | null {
  const index = plan.columns[field];
  if (index === undefined || !kinds.includes(kindOf(plan, field))) return null;
  return `r.${stagedColumn(index)}`;
}

export const TEMPORAL: TypedKind[] = ['timestamp', 'timestamptz', 'date'];

/** A coordinate (or other number) field as DOUBLE: typed numbers as they are. */
export function numberSql(plan: ImportPlan, field: string): string | null {
  const typed = typedColumn(plan, field, ['number']);
  if (typed) return `CAST(${typed} AS DOUBLE)`;
  const text = column(plan, field);
  return text ? parseNumberSql(text, plan.numbers) : null;
}

/** The value as given, for NULL checks and the reason's detail (typed values stay typed). */
export function rawSql(plan: ImportPlan, field: string): string | null {
  return typedColumn(plan, field, [...TEMPORAL, 'number']) ?? column(plan, field);
}

/** Last Sunday of a month in `year` at 01:00 UTC, as SQL (the EU switch moment). */
const lastSundayUtc = (year: string, month: number) =>
  `(make_timestamp(${year}, ${month}, 31, 1, 0, 0) - to_days(CAST(dayofweek(make_date(${year}, ${month}, 31)) AS INTEGER)))`;

/** UTC wall time → Dutch local wall time. */
export function utcToLocalSql(utc: string): string {
  const year = `year(${utc})`;
  return `(${utc} + CASE WHEN ${utc} >= ${lastSundayUtc(year, 3)} AND ${utc} < ${lastSundayUtc(year, 10)}
    THEN INTERVAL 2 HOUR ELSE INTERVAL 1 HOUR END)`;
}

/** True for a reading in the spring-forward gap (02:xx on the last Sunday of March). */
export function isInSpringGapSql(ts: string): string {
  // The hour first: it rules out most readings at the lowest cost.
  return `(hour(${ts}) = 2 AND month(${ts}) = 3 AND day(${ts}) >= 25 AND dayofweek(${ts}) = 0)`;
}

/** Text → TIMESTAMP by a date plan (NULL when it does not parse). */
export function parseDateSql(value: string, plan: DatePlan): string {
  if (plan.kind === 'excel-serial') {
    // Serial 61 = 1900-03-01; Excel's fictitious 29 Feb 1900 (60) and earlier are refused.
    const serial = `TRY_CAST(replace(${value}, ',', '.') AS DOUBLE)`;
    return `(CASE WHEN ${serial} >= 61 THEN TIMESTAMP '1899-12-30 00:00:00'
      + to_microseconds(CAST(round(${serial} * 86400) AS BIGINT) * 1000000) END)`;
  }
  if (plan.kind !== 'strptime') return 'CAST(NULL AS TIMESTAMP)';
  // One format as a plain string: the list form costs a third more per value.
  const formats =
    plan.formats.length === 1
      ? literal(plan.formats[0])
      : `[${plan.formats.map(literal).join(', ')}]`;
  if (plan.utc) {
    const utc = `make_timestamp(epoch_us(try_strptime(${value}, ${formats})))`;
    return utcToLocalSql(utc);
  }
  return `CAST(try_strptime(${value}, ${formats}) AS TIMESTAMP)`;
}

/** Text → DOUBLE by a number plan. */
export function parseNumberSql(value: string, plan: NumberPlan): string {
  // Digit groups separated by a space, no-break or narrow no-break space ("155 000") lose
  // them. Most values have none; checking costs a fraction of three replacements.
  const spaced = `contains(${value}, ' ') OR ${nonAsciiSql(value)}`;
  const removed = `replace(replace(replace(${value}, ' ', ''), chr(160), ''), chr(8239), '')`;
  let text = `(CASE WHEN ${spaced} THEN ${removed} ELSE ${value} END)`;
  if (plan.thousands === '.' || plan.thousands === ',')
    text = `replace(${text}, ${literal(plan.thousands)}, '')`;
  if (plan.decimal === ',') text = `replace(${text}, ',', '.')`;
  return `TRY_CAST(${text} AS DOUBLE)`;
}

export { column as columnSql, literal as sqlLiteral };
