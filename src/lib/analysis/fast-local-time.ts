/**
 * Date-free versions of the Europe/Amsterdam conversions in local-time.ts, for hot loops over
 * millions of records (aoristic weighting): a table of year starts and summer-time bounds
 * replaces `new Date(...)` per call. Same rule and same disambiguation as local-time.ts;
 * tests compare the two for every quarter hour of several years.
 */
import { summerTimeUtc } from './local-time';

const HOUR = 3_600_000;

/** Days since 1970-01-01 → absolute month index year * 12 + (month − 1) (Hinnant's algorithm). */
export function monthIndexOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/** ISO weekday of a day since 1970-01-01 (a Thursday): 0 = Monday … 6 = Sunday. */
export const weekdayOfDay = (day: number): number => (((day + 3) % 7) + 7) % 7;

const yearOf = (ms: number): number =>
  Math.floor(monthIndexOfDay(Math.floor(ms / 86_400_000)) / 12);

/** UTC year starts and summer-time bounds for TABLE_FIRST_YEAR…+TABLE_YEARS, built once. */
const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 400;
let yearTable: Float64Array | null = null; // [yearStart, summerStart, summerEnd] per year

function getYearTable(): Float64Array {
  if (yearTable) return yearTable;
  const table = new Float64Array(3 * (TABLE_YEARS + 1));
  for (let i = 0; i <= TABLE_YEARS; i++) {
    const [start, end] = summerTimeUtc(TABLE_FIRST_YEAR + i);
    table.set([Date.UTC(TABLE_FIRST_YEAR + i, 0, 1), start, end], 3 * i);
  }
  return (yearTable = table);
}

/** Year of a (UTC or local) epoch-ms value, as a table index, or −1 outside the table. */
function yearSlot(ms: number): number {
  const table = getYearTable();
  let i = Math.floor(ms / 31_556_952_000) + 1970 - TABLE_FIRST_YEAR; // mean Gregorian year
  if (i < 0 || i >= TABLE_YEARS) return -1;
  if (ms < table[3 * i]) i--;
  else if (ms >= table[3 * i + 3]) i++;
  return i >= 0 && i < TABLE_YEARS ? i : -1;
}

/** [summerStart, summerEnd] (UTC) of the year containing ms. */
function summerBounds(ms: number): [number, number] {
  const slot = yearSlot(ms);
  if (slot !== -1) {
    const table = getYearTable();
    return [table[3 * slot + 1], table[3 * slot + 2]];
  }
  return summerTimeUtc(yearOf(ms));
}

/**
 * localToUtc of local-time.ts without Date objects: summer time applies to local readings in
 * [start + 2h, end + 2h); the spring gap and everything else read as winter time — the same
 * "compatible" choice.
 */
export function localToUtcFast(local: number): number {
  const [summerStart, summerEnd] = summerBounds(local);
  return local >= summerStart + 2 * HOUR && local < summerEnd + 2 * HOUR
    ? local - 2 * HOUR
    : local - HOUR;
}

/** UTC offset at instant t and the next instant at which it changes. */
export function utcOffsetAndNextChange(t: number): [number, number] {
  const [summerStart, summerEnd] = summerBounds(t);
  if (t < summerStart) return [HOUR, summerStart];
  if (t < summerEnd) return [2 * HOUR, summerEnd];
  return [HOUR, summerTimeUtc(yearOf(t) + 1)[0]];
}
