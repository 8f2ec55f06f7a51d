/**
 * What the values of a date or time column look like: the DuckDB `strptime` formats that
 * read them, a UTC offset, or Excel serial numbers (verified against DuckDB v1.4.3). The
 * bulk conversion runs in DuckDB SQL with the returned plan (convert-sql.ts).
 */

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

type Family = 'local' | 'utc' | 'time';

interface DateCandidate {
  format: string;
  regex: RegExp;
  family: Family;
  /** Higher is more specific: offset > fraction > seconds > minutes > date only. */
  rank: number;
}

const D12 = '(?<d>\\d{1,2})';
const M12 = '(?<m>\\d{1,2})';
const DATE_PARTS = [
  { re: `(?<y>\\d{4})-${M12}-${D12}`, fmt: '%Y-%m-%d', iso: true },
  { re: `(?<y>\\d{4})/${M12}/${D12}`, fmt: '%Y/%m/%d', iso: false },
  { re: `${D12}-${M12}-(?<y>\\d{4})`, fmt: '%d-%m-%Y', iso: false },
  { re: `${D12}/${M12}/(?<y>\\d{4})`, fmt: '%d/%m/%Y', iso: false },
  { re: `${D12}\\.${M12}\\.(?<y>\\d{4})`, fmt: '%d.%m.%Y', iso: false },
  { re: `${D12}-${M12}-(?<yy>\\d{2})`, fmt: '%d-%m-%y', iso: false },
  { re: `${D12}/${M12}/(?<yy>\\d{2})`, fmt: '%d/%m/%y', iso: false },
];
const COMPACT_DATE = { re: '(?<y>\\d{4})(?<m>\\d{2})(?<d>\\d{2})', fmt: '%Y%m%d' };
/** Coarse dates: a month of a year, or a year alone (DuckDB reads them as its first day). */
const MONTH_PARTS = [
  { re: `(?<y>\\d{4})-${M12}`, fmt: '%Y-%m' },
  { re: `(?<y>\\d{4})/${M12}`, fmt: '%Y/%m' },
  { re: `${M12}-(?<y>\\d{4})`, fmt: '%m-%Y' },
  { re: `${M12}/(?<y>\\d{4})`, fmt: '%m/%Y' },
];
const YEAR_PART = { re: '(?<y>\\d{4})', fmt: '%Y' };

const HM = '(?<H>\\d{1,2}):(?<M>\\d{2})';
const HMS = `${HM}:(?<S>\\d{2})`;
const TIME_PARTS = [
  { re: HM, fmt: '%H:%M', rank: 1 },
  { re: HMS, fmt: '%H:%M:%S', rank: 2 },
  { re: `${HMS}\\.(?<f>\\d{1,6})`, fmt: '%H:%M:%S.%f', rank: 3 },
  { re: `${HMS}\\.(?<f>\\d{7,9})`, fmt: '%H:%M:%S.%n', rank: 3 },
];
const COMPACT_TIMES = [
  { re: '(?<H>\\d{2})(?<M>\\d{2})', fmt: '%H%M', rank: 1 },
  { re: '(?<H>\\d{2})(?<M>\\d{2})(?<S>\\d{2})', fmt: '%H%M%S', rank: 2 },
];

function candidate(re: string, format: string, family: Family, rank: number): DateCandidate {
  return { format, regex: new RegExp(`^${re}$`), family, rank };
}

function buildCandidates(): DateCandidate[] {
  const list: DateCandidate[] = [];
  for (const date of DATE_PARTS) {
    list.push(candidate(date.re, date.fmt, 'local', 0));
    for (const time of TIME_PARTS) {
      list.push(candidate(`${date.re} ${time.re}`, `${date.fmt} ${time.fmt}`, 'local', time.rank));
      if (!date.iso) continue;
      list.push(candidate(`${date.re}T${time.re}`, `${date.fmt}T${time.fmt}`, 'local', time.rank));
      for (const sep of [' ', 'T']) {
        const base = `${date.re}${sep}${time.re}`;
        const fmt = `${date.fmt}${sep}${time.fmt}`;
        list.push(candidate(`${base}Z`, `${fmt}Z`, 'utc', time.rank + 10));
        list.push(
          candidate(`${base}(?<z>[+-]\\d{2}(?::?\\d{2})?)`, `${fmt}%z`, 'utc', time.rank + 10),
        );
      }
    }
  }
  list.push(candidate(COMPACT_DATE.re, COMPACT_DATE.fmt, 'local', 0));
  for (const time of COMPACT_TIMES) {
    list.push(
      candidate(
        `${COMPACT_DATE.re} ${time.re}`,
        `${COMPACT_DATE.fmt} ${time.fmt}`,
        'local',
        time.rank,
      ),
    );
  }
  for (const month of MONTH_PARTS) list.push(candidate(month.re, month.fmt, 'local', -1));
  // A year ('2023') also reads as a compact time (20:23): at equal cover the local family
  // wins, and a real time column has values like '0830' that are no year.
  list.push(candidate(YEAR_PART.re, YEAR_PART.fmt, 'local', -2));
  for (const time of [...TIME_PARTS, COMPACT_TIMES[0]]) {
    list.push(candidate(time.re, time.fmt, 'time', time.rank));
  }
  return list;
}

const DATE_CANDIDATES = buildCandidates();

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Range checks on the parts, as DuckDB makes them (31-02 and 24:00 are not dates). */
function validParts(groups: Record<string, string | undefined>): boolean {
  const num = (key: string): number | null =>
    groups[key] === undefined ? null : Number(groups[key]);
  const yy = num('yy');
  // DuckDB's %y pivot: 00–68 → 20xx, 69–99 → 19xx.
  const year = yy !== null ? (yy < 69 ? 2000 + yy : 1900 + yy) : num('y');
  const month = num('m');
  const day = num('d');
  if (year !== null && (year < 1900 || year > 2100)) return false;
  if (month !== null && (month < 1 || month > 12)) return false;
  if (year !== null && month !== null && day !== null) {
    if (year < 1900 || year > 2100 || month < 1 || month > 12) return false;
    if (day < 1 || day > daysInMonth(year, month)) return false;
  }
  const hour = num('H');
  if (hour !== null && hour > 23) return false;
  const minute = num('M');
  if (minute !== null && minute > 59) return false;
  const second = num('S');
  if (second !== null && second > 59) return false;
  const zone = groups.z;
  if (zone !== undefined) {
    const digits = zone.slice(1).replace(':', '');
    if (Number(digits.slice(0, 2)) > 14 || Number(digits.slice(2) || '0') > 59) return false;
  }
  return true;
}

function matchingCandidates(value: string): number[] {
  const hits: number[] = [];
  DATE_CANDIDATES.forEach((c, index) => {
    const m = c.regex.exec(value);
    if (m && validParts(m.groups ?? {})) hits.push(index);
  });
  return hits;
}

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
 * 1 January) and must never be read as that moment.
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

/**
 * What a column's values hold, read from a sample whatever the header says: date and time
 * ('datetime'), a date without a time ('day', 'month', 'year'), a clock time without a
 * date ('time'), or no date at all (null). A mix of precisions reports the coarsest one
 * that most values have (a date column with a few timestamps is still a date column).
 */
export function classifyTemporalValues(
  values: readonly string[],
): 'datetime' | 'day' | 'month' | 'year' | 'time' | null {
  const plan = detectDateFormat(values);
  if (plan.kind === 'excel-serial' || plan.kind === 'typed') return 'datetime';
  if (plan.kind !== 'strptime') return null;
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
