/**
 * Stage 3 of an import, the record's times: how the canonical time columns are composed
 * from the mapped fields (a timestamp column, or a date column with an optional time
 * column), and how precisely each row's time is known, as SQL on the staged columns.
 * The primitives (parsing, local time, column references) are in convert-sql.ts.
 */
import type { RecordKind } from './column-mapping';
import {
  columnSql as column,
  kindOf,
  parseDateSql,
  rawSql,
  sqlLiteral as literal,
  TEMPORAL,
  typedColumn,
  utcToLocalSql,
} from './convert-sql';
import type { ImportPlan } from './plan';
import { formatPrecision, type TimePrecision } from './sniff-dates';

/**
 * A field as a local TIMESTAMP: a typed timestamp or date as it is (with a time zone:
 * converted to Dutch local time), text by the field's date plan.
 */
function timestampOf(plan: ImportPlan, field: string): string {
  const typed = typedColumn(plan, field, TEMPORAL);
  if (typed) {
    return kindOf(plan, field) === 'timestamptz'
      ? utcToLocalSql(`make_timestamp(epoch_us(${typed}))`)
      : `CAST(${typed} AS TIMESTAMP)`;
  }
  return parseDateSql(column(plan, field)!, plan.dates[field]);
}

/**
 * How precisely a field's value gives the time ('exact', 'day', 'month', 'year'), as SQL.
 * A plan whose formats share one precision gives a constant; a column mixing, say, dates
 * with and without a time tests the value against each precision's formats.
 */
function precisionOf(plan: ImportPlan, field: string): string {
  const typed = typedColumn(plan, field, TEMPORAL);
  if (typed) return literal(kindOf(plan, field) === 'date' ? 'day' : 'exact');
  const date = plan.dates[field];
  if (date?.kind !== 'strptime') return literal('exact');
  const groups = new Map<TimePrecision, string[]>();
  for (const format of date.formats) {
    const precision = formatPrecision(format);
    if (precision === 'time') continue;
    groups.set(precision, [...(groups.get(precision) ?? []), format]);
  }
  const entries = [...groups];
  if (entries.length === 0) return literal('exact');
  if (entries.length === 1) return literal(entries[0][0]);
  const value = column(plan, field)!;
  const tests = entries
    .slice(0, -1)
    .map(
      ([precision, formats]) =>
        `WHEN try_strptime(${value}, [${formats.map(literal).join(', ')}]) IS NOT NULL THEN ${literal(precision)}`,
    );
  return `(CASE ${tests.join(' ')} ELSE ${literal(entries[entries.length - 1][0])} END)`;
}

interface TimeSpec {
  target: string;
  timestamp: string;
  date?: string;
  time?: string;
  /** Date used for a time column when the own date column is not mapped. */
  fallbackDate?: string;
  required?: boolean;
  /**
   * The earliest plausible year, when it is not the records' 1990 (convert.ts): a farm
   * building in the buitengebied may have stood empty since long before any registration.
   */
  earliestYear?: number;
}

/** How the canonical time columns are composed from import fields, per kind. */
export const TIME_SPECS: Record<Exclude<RecordKind, 'areas'>, TimeSpec[]> = {
  incidents: [
    {
      target: 'occurred_from',
      timestamp: 'occurred_from',
      date: 'occurred_date',
      time: 'occurred_time',
      required: true,
    },
    {
      target: 'occurred_to',
      timestamp: 'occurred_to',
      date: 'occurred_to_date',
      time: 'occurred_to_time',
      fallbackDate: 'occurred_date',
    },
  ],
  meldingen: [
    {
      target: 'reported_at',
      timestamp: 'reported_at',
      date: 'reported_date',
      time: 'reported_time',
      required: true,
    },
    { target: 'happened_from', timestamp: 'happened_from' },
    { target: 'happened_to', timestamp: 'happened_to' },
    { target: 'closed_at', timestamp: 'closed_at' },
  ],
  visits: [
    {
      target: 'started_at',
      timestamp: 'started_at',
      date: 'started_date',
      time: 'started_time',
      required: true,
    },
    {
      target: 'ended_at',
      timestamp: 'ended_at',
      date: 'ended_date',
      time: 'ended_time',
      fallbackDate: 'started_date',
    },
  ],
  buildings: [{ target: 'vacant_since', timestamp: 'vacant_since', earliestYear: 1900 }],
};

export interface TimeExpression {
  /** The parsed value before the DST-gap shift (NULL when absent or unreadable). */
  parsed: string;
  /** The raw text (NULL when the row gives no value). */
  raw: string;
  /** The value's precision as SQL text ('exact', 'day', 'month', 'year'). */
  precision: string;
}

/** The parsed timestamp and its raw text for one canonical time column, or null if unmapped. */
export function timeExpression(plan: ImportPlan, spec: TimeSpec): TimeExpression | null {
  const ts = rawSql(plan, spec.timestamp);
  if (ts) {
    return {
      parsed: timestampOf(plan, spec.timestamp),
      raw: ts,
      precision: precisionOf(plan, spec.timestamp),
    };
  }
  const dateField = spec.date && column(plan, spec.date) ? spec.date : spec.fallbackDate;
  const date = dateField ? rawSql(plan, dateField) : null;
  const time = spec.time ? column(plan, spec.time) : null;
  if (!date || (spec.fallbackDate === dateField && !time)) return null;
  const day = `CAST(${timestampOf(plan, dateField!)} AS DATE)`;
  const dayPrecision = precisionOf(plan, dateField!);
  if (!time) return { parsed: `CAST(${day} AS TIMESTAMP)`, raw: date, precision: dayPrecision };
  const clock = `CAST(${parseDateSql(time, plan.dates[spec.time!])} AS TIME)`;
  return {
    parsed: `(${day} + coalesce(${clock}, CASE WHEN ${time} IS NULL THEN TIME '00:00:00' END))`,
    raw: `concat_ws(' ', ${column(plan, dateField!)}, ${time})`,
    // A clock time makes a day exact; a row without one keeps its date's precision.
    precision:
      dayPrecision === literal('day')
        ? `(CASE WHEN ${time} IS NULL THEN 'day' ELSE 'exact' END)`
        : dayPrecision,
  };
}

/**
 * The precision every row of the plan gets when it is the same for all (a constant in the
 * SQL), else null: the report then need not read the rows to count them.
 */
export function constantPrecision(plan: ImportPlan): TimePrecision | null {
  if (plan.kind === 'areas' || plan.kind === 'buildings') return null;
  const spec = TIME_SPECS[plan.kind].find((s) => s.required)!;
  const expr = timeExpression(plan, spec);
  const match = expr ? /^'(exact|day|month|year)'$/.exec(expr.precision) : ['', 'exact'];
  return match ? (match[1] as TimePrecision) : null;
}
