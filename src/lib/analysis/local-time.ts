/**
 * Dutch local time (Europe/Amsterdam) without the ICU extension or Intl time zones, so the
 * same code runs in DuckDB-less analysis, the browser and Node, and fast enough for
 * millions of rows.
 *
 * Rule (EU Directive 2000/84/EC, in force for the Netherlands since 1996): CEST (UTC+2)
 * from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC;
 * CET (UTC+1) otherwise.
 *
 * "Local epoch milliseconds" are wall-clock readings encoded as if they were UTC
 * (Date.UTC(y, m, d, h, min)) — the same convention DuckDB uses for a TIMESTAMP without
 * time zone, which is how wijkradar stores times.
 */
const HOUR = 3_600_000;

/** Date.UTC of the last Sunday of the month, at 01:00 UTC. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const back = lastDay.getUTCDay();
  return Date.UTC(year, month, lastDay.getUTCDate() - back, 1);
}

const transitionCache = new Map<number, [number, number]>();

/** [start, end) of summer time in the given year, as UTC epoch milliseconds. */
export function summerTimeUtc(year: number): [number, number] {
  let cached = transitionCache.get(year);
  if (!cached) {
    cached = [lastSundayAt1Utc(year, 2), lastSundayAt1Utc(year, 9)];
    transitionCache.set(year, cached);
  }
  return cached;
}

/** Offset of Amsterdam local time from UTC at the given instant, in milliseconds. */
export function amsterdamOffsetMs(utcMs: number): number {
  const [start, end] = summerTimeUtc(new Date(utcMs).getUTCFullYear());
  return utcMs >= start && utcMs < end ? 2 * HOUR : HOUR;
}

/** UTC instant → local wall-clock (local epoch ms). */
export function utcToLocal(utcMs: number): number {
  return utcMs + amsterdamOffsetMs(utcMs);
}

/**
 * Local wall-clock → UTC instant.
 * - Spring gap (02:00–03:00 on the last Sunday of March does not exist): the reading is
 *   taken as if the clock had not been moved yet, i.e. 02:30 → 01:30 UTC (= 03:30 CEST),
 *   the "compatible" disambiguation of RFC 9557 / Temporal.
 * - Autumn overlap (02:00–03:00 on the last Sunday of October occurs twice): the earlier
 *   instant (still summer time) is chosen, also as in "compatible".
 */
export function localToUtc(localMs: number): number {
  const asSummer = localMs - 2 * HOUR;
  const asWinter = localMs - HOUR;
  const summerValid = amsterdamOffsetMs(asSummer) === 2 * HOUR;
  const winterValid = amsterdamOffsetMs(asWinter) === HOUR;
  if (summerValid) return asSummer; // includes the overlap: earlier instant
  if (winterValid) return asWinter;
  return asWinter; // gap: read with the pre-transition (winter) offset
}

/** True when the local wall-clock reading falls in the spring-forward gap. */
export function isInSpringGap(localMs: number): boolean {
  return utcToLocal(localToUtc(localMs)) !== localMs;
}

/** True when the local wall-clock reading occurs twice (autumn fall-back hour). */
export function isInAutumnOverlap(localMs: number): boolean {
  const asSummer = localMs - 2 * HOUR;
  const asWinter = localMs - HOUR;
  return amsterdamOffsetMs(asSummer) === 2 * HOUR && amsterdamOffsetMs(asWinter) === HOUR;
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

/** Local epoch ms → 'YYYY-MM-DD HH:MM:SS' (the CSV/DuckDB TIMESTAMP text form). */
export function formatLocalTimestamp(localMs: number): string {
  const d = new Date(localMs);
  return (
    `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`
  );
}

/** Local epoch ms → 'YYYY-MM-DD'. */
export function formatLocalDate(localMs: number): string {
  return formatLocalTimestamp(localMs).slice(0, 10);
}
