/**
 * The text shapes a date or time value can take, each with the DuckDB `strptime` format
 * that reads it (verified against DuckDB v1.4.3) and a regular expression that recognises
 * it, so a sample can be judged in TypeScript before DuckDB converts the whole column
 * (sniff-dates.ts chooses the formats; convert-sql.ts runs them).
 */

export type Family = 'local' | 'utc' | 'time';

export interface DateCandidate {
  format: string;
  regex: RegExp;
  family: Family;
  /** Higher is more specific: offset > fraction > seconds > minutes > date only. */
  rank: number;
  /** A whole hour (HOUR_PARTS): tried only on values of HOUR_SHAPE. */
  hour?: boolean;
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

/**
 * A whole hour without minutes: '14', '9' (BARE_HOUR), or with a unit: '14u', '14 uur',
 * '14h'. DuckDB reads the unit as a literal, case and space included, so each spelling is
 * a format of its own. A bare number 0–23 may as well be a count: sniff-dates.ts reports
 * it apart ('hour'), and column-content.ts takes it as a time only by its header or
 * beside a date column.
 */
export const BARE_HOUR = '%H';
const HOUR_UNITS = ['u', 'uur', 'h', 'U', 'Uur', 'UUR', 'H'];
/** Every whole-hour spelling in one test: most values are none, and skip the 15 below. */
const HOUR_SHAPE = new RegExp(`^\\d{1,2} ?(?:${HOUR_UNITS.join('|')})?$`);
const HOUR_PARTS = [
  { re: '(?<H>\\d{1,2})', fmt: BARE_HOUR },
  ...HOUR_UNITS.flatMap((unit) =>
    ['', ' '].map((space) => ({
      re: `(?<H>\\d{1,2})${space}${unit}`,
      fmt: `%H${space}${unit}`,
    })),
  ),
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
  for (const hour of HOUR_PARTS)
    list.push({ ...candidate(hour.re, hour.fmt, 'time', 0), hour: true });
  return list;
}

export const DATE_CANDIDATES = buildCandidates();

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

/** The candidates (indexes into DATE_CANDIDATES) that read a value, range checks included. */
export function matchingCandidates(value: string): number[] {
  const hits: number[] = [];
  const maybeHour = HOUR_SHAPE.test(value);
  DATE_CANDIDATES.forEach((c, index) => {
    if (c.hour && !maybeHour) return;
    const m = c.regex.exec(value);
    if (m && validParts(m.groups ?? {})) hits.push(index);
  });
  return hits;
}
