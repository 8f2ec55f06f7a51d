/**
 * What the values of a date or time column look like: the DuckDB `strptime` formats that
 * read them, a UTC offset, or Excel serial numbers (verified against DuckDB v1.4.3). The
 * bulk conversion runs in DuckDB SQL with the returned plan (convert-sql.ts).
 */

import {
  BARE_HOUR,
  DATE_CANDIDATES,
  matchingCandidates,
  type DateCandidate,
  type Family,
} from './date-candidates';

/** Below this share of the sample a detector reports its plan as not recognised. */
export const MIN_SHARE = 0.5;
/**
 * How to turn a column's text into a TIMESTAMP.
 *
 * - `strptime`: pass `formats` as a list to DuckDB, `try_strptime(value, formats)`, and
 *   CAST the result AS TIMESTAMP (fractions of 7–9 digits use `%n`, which yields
 *   TIMESTAMP_NS). Each format must match the whole value (surrounding spaces are fine),
 *   so the order only matters for two-digit years: `%y` formats come first because `%Y`
 *   would read '03-04-25' as the year 25. Formats without `%H` are date-only (midnight);
 *   formats without `%d` are time-only (DuckDB gives 1900-01-01 hh:mm), meant for a
 *   separate time column. Dates are always day-first: '03-04-2025' is 3 April.
 * - `utc: true`: the values carry 'Z' or a UTC offset ('+01:00', '+0100', '+01'). They
 *   denote instants, not Dutch wall-clock readings. DuckDB's `%z` yields TIMESTAMPTZ and
 *   the literal-'Z' formats a TIMESTAMP in UTC; `make_timestamp(epoch_us(x))` turns
 *   either into the UTC wall-clock (no ICU needed). The pipeline must then convert UTC →
 *   Europe/Amsterdam (`utcToLocal` in analysis/local-time.ts) before storing: offsets are
 *   never dropped. Offset and naive values are never mixed in one plan, because one `%z`
 *   format makes DuckDB read every naive value of the list as UTC.
 * - `excel-serial`: days since 1899-12-30 with the time as fraction; `decimal` tells
 *   whether Dutch Excel wrote a decimal comma. Convert with excelSerialToLocalMs, or in
 *   SQL for serials ≥ 61: `make_timestamp(CAST(round((s - 25569) * 86400) AS BIGINT) *
 *   1000000)`.
 * - `share`: the fraction of the non-empty sample the plan parses; values it does not
 *   parse are rejected rows with a reason. Below 50% the plan is `unknown`.
 */
export type DatePlan =
  | { kind: 'strptime'; formats: string[]; utc?: boolean; share?: number }
  | { kind: 'excel-serial'; decimal?: '.' | ','; share?: number }
  | { kind: 'unknown'; share?: number }
  /** A typed date or timestamp column (Arrow, Parquet): read as it is, nothing to parse. */
  | { kind: 'typed'; share?: number };

const EXCEL_SERIAL = /^\d{5}(?:([.,])\d+)?$/;

/** Greedy set cover within one family: every format that parses a value not yet parsed. */
function coverFamily(
  family: Family,
  hits: readonly number[][],
): { formats: DateCandidate[]; covered: number } {
  const uncovered = new Set(hits.keys());
  const chosen: DateCandidate[] = [];
  for (;;) {
    const counts = new Map<number, number>();
    for (const i of uncovered) {
      for (const c of hits[i]) {
        if (DATE_CANDIDATES[c].family === family) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
    }
    let best = -1;
    let bestCount = 0;
    for (const [c, count] of counts) {
      if (count > bestCount) [best, bestCount] = [c, count];
    }
    if (best < 0) break;
    chosen.push(DATE_CANDIDATES[best]);
    for (const i of [...uncovered]) if (hits[i].includes(best)) uncovered.delete(i);
  }
  return { formats: chosen, covered: hits.length - uncovered.size };
}

/**
 * The strptime formats (or Excel serial plan) that parse a column, judged from a sample.
 * Every format that parses some value is returned (so mixed with/without seconds parses
 * completely), most specific first, two-digit years before four-digit ones. See DatePlan
 * for offsets and Excel serials.
 */
export function detectDateFormat(values: readonly string[]): DatePlan {
  const sample = values.map((v) => (typeof v === 'string' ? v.trim() : '')).filter((v) => v !== '');
  if (sample.length === 0) return { kind: 'unknown', share: 0 };

  const hits = sample.map(matchingCandidates);
  let best: { family: Family; formats: DateCandidate[]; covered: number } | null = null;
  for (const family of ['local', 'utc', 'time'] as const) {
    const cover = coverFamily(family, hits);
    if (!best || cover.covered > best.covered) best = { family, ...cover };
  }

  let excel = 0;
  let comma = 0;
  for (const v of sample) {
    const m = EXCEL_SERIAL.exec(v);
    if (!m) continue;
    const serial = Number(v.replace(',', '.'));
    if (serial >= 20_000 && serial <= 80_000) {
      excel++;
      if (m[1] === ',') comma++;
    }
  }

  const strptimeShare = best ? best.covered / sample.length : 0;
  const excelShare = excel / sample.length;
  if (excelShare > strptimeShare && excelShare >= MIN_SHARE) {
    return { kind: 'excel-serial', decimal: comma > 0 ? ',' : '.', share: excelShare };
  }
  if (!best || strptimeShare < MIN_SHARE) {
    return { kind: 'unknown', share: Math.max(strptimeShare, excelShare) };
  }
  const ordered = [...best.formats].sort(
    (a, b) => Number(b.format.includes('%y')) - Number(a.format.includes('%y')) || b.rank - a.rank,
  );
  const plan: DatePlan = {
    kind: 'strptime',
    formats: ordered.map((c) => c.format),
    share: strptimeShare,
  };
  if (best.family === 'utc') plan.utc = true;
  return plan;
}

const DAY_MS = 86_400_000;

/**
 * Excel serial date → local wall-clock epoch ms (Date.UTC convention, local-time.ts),
 * rounded to the second (Excel writes times as binary fractions: 14:05 is 0.586805…).
 * Excel's 1900 system counts 1900 as a leap year: serial 60 is the non-existent
 * 29-02-1900 (NaN), 61 is 1900-03-01, 25569 is 1970-01-01; serials below 1 are NaN.
 */
export function excelSerialToLocalMs(serial: number): number {
  if (!Number.isFinite(serial) || serial < 1 || (serial >= 60 && serial < 61)) return NaN;
  const days = serial < 60 ? serial - 25_568 : serial - 25_569;
  return Math.round((days * DAY_MS) / 1000) * 1000;
}

/**
 * How precisely a stored record's time is known: to the minute ('exact'), or only its day,
 * month or year. Coarse times are stored at the start of their period (midnight, the 1st,
 * 1 January) and must never be read as that moment. A date with a whole hour ('Uur' = 14)
 * is 'exact' at 14:00: the hour is the finest grain any analysis reads (hour of day,
 * dagdeel, aoristic hours), so an hour column gives those views all they need and no
 * separate 'hour' precision would change a result.
 */
export type TimePrecision = 'exact' | 'day' | 'month' | 'year';
export const TIME_PRECISIONS: readonly TimePrecision[] = ['exact', 'day', 'month', 'year'];

/** What one strptime format reads: a moment, a day, a month, a year, or a clock time only. */
export function formatPrecision(format: string): TimePrecision | 'time' {
  const hasDate = /%[dmYy]/.test(format);
  if (!hasDate) return 'time';
  if (format.includes('%H')) return 'exact';
  if (format.includes('%d')) return 'day';
  return format.includes('%m') ? 'month' : 'year';
}

/** True for a plan that reads bare numbers 0–23 only: hours, or just as well counts. */
export function isBareHourPlan(plan: DatePlan): boolean {
  return plan.kind === 'strptime' && plan.formats.every((f) => f === BARE_HOUR);
}

/**
 * What a column's values hold, read from a sample whatever the header says: date and time
 * ('datetime'), a date without a time ('day', 'month', 'year'), a clock time without a
 * date ('time'), bare whole numbers 0–23 that may be hours or a count ('hour'; the header
 * and the other columns decide, column-content.ts), or no date at all (null). A mix of
 * precisions reports the coarsest one that most values have (a date column with a few
 * timestamps is still a date column).
 */
export function classifyTemporalValues(
  values: readonly string[],
): 'datetime' | 'day' | 'month' | 'year' | 'time' | 'hour' | null {
  const plan = detectDateFormat(values);
  if (plan.kind === 'excel-serial' || plan.kind === 'typed') return 'datetime';
  if (plan.kind !== 'strptime') return null;
  if (isBareHourPlan(plan)) return 'hour';
  const precisions = new Set(plan.formats.map(formatPrecision));
  if (precisions.has('time')) return 'time';
  if (precisions.size === 1 && precisions.has('exact')) return 'datetime';
  const counts = new Map<string, number>();
  for (const value of values) {
    const v = value.trim();
    const hit = DATE_CANDIDATES.find((c) => plan.formats.includes(c.format) && c.regex.test(v));
    if (hit)
      counts.set(formatPrecision(hit.format), (counts.get(formatPrecision(hit.format)) ?? 0) + 1);
  }
  const exact = counts.get('exact') ?? 0;
  const coarse = (['day', 'month', 'year'] as const)
    .map((p) => [p, counts.get(p) ?? 0] as const)
    .reduce((a, b) => (b[1] > a[1] ? b : a));
  return coarse[1] >= exact ? coarse[0] : 'datetime';
}
