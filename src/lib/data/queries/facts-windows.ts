/**
 * Hot times from the analysis facts (facts.ts): exact records counted per local hour, and
 * the records with a time window from their own small table (`analysis_windows`, the facts
 * rows with an end time; some 12% of a million), whose start and end are kept as UTC epoch
 * ms so that analysis/aoristic-events.ts spreads them without time-zone work. Reading the
 * windows from this table instead of filtering the million facts and converting their
 * times on every filter change is some 6× faster (61 → 10 ms at 1M in Chromium).
 *
 * The UTC instants are converted once when the facts are built (sql/local-time.ts).
 * tests/integration/facts-windows.test.ts holds the result equal to AoristicAccumulator.add
 * on the local readings, record by record.
 */
import { ANALYSIS_FACTS_TABLE, FACTS_KNOWN, factsQuery } from './facts';
import { dialect } from '../sql/dialect';
import { utcMsSql } from '../sql/local-time';
import { register } from './register';

export const FACTS_WINDOWS_TABLE = 'analysis_windows';

/** Builds the windows table from the facts (run after buildFactsStatement). */
export function buildFactsWindowsStatement(): string {
  return dialect.createTempTable(
    FACTS_WINDOWS_TABLE,
    `SELECT f.*, ${utcMsSql('f.t')} AS s, ${utcMsSql('f.t_end')} AS e
    FROM ${ANALYSIS_FACTS_TABLE} f WHERE f.t_end IS NOT NULL`,
  );
}

/**
 * Exact records (no end time) counted per local hour: rows (h, n) with h the hour key of
 * the facts (local hours since 1970), NULL for the records without a time. Records known
 * to the month or year only are not among them (buildFactsImpreciseQuery counts them).
 */
export const buildFactsExactHoursQuery = register(
  'facts-windows.buildFactsExactHoursQuery',
  factsQuery(
    false,
    (where) => `SELECT hour_key AS h, count(*)::INTEGER AS n
      FROM ${ANALYSIS_FACTS_TABLE} WHERE ${where} AND t_end IS NULL
        AND (${FACTS_KNOWN.hour} OR t IS NULL) GROUP BY hour_key`,
  ),
);

/** The filtered windows as rows (s, e): UTC epoch ms (s NULL: no time known). */
export const buildFactsWindowsQuery = register(
  'facts-windows.buildFactsWindowsQuery',
  factsQuery(
    false,
    (where) => `SELECT CAST(s AS DOUBLE) AS s, CAST(e AS DOUBLE) AS e
      FROM ${FACTS_WINDOWS_TABLE} WHERE ${where}`,
  ),
);

/**
 * The filtered records without an exact time, in one row: `left_out` known to the month or
 * year only (no hour, weekday or dagdeel can be given: left out of the hot times, and
 * said so), `day_only` known to the day (spread over it as a window).
 */
export const buildFactsImpreciseQuery = register(
  'facts-windows.buildFactsImpreciseQuery',
  factsQuery(
    false,
    (where) => `SELECT count(*) FILTER (WHERE NOT ${FACTS_KNOWN.weekday} AND t_end IS NULL)::INTEGER
          AS left_out,
        count(*) FILTER (WHERE ${FACTS_KNOWN.weekday})::INTEGER AS day_only
      FROM ${ANALYSIS_FACTS_TABLE} WHERE ${where} AND t IS NOT NULL AND NOT ${FACTS_KNOWN.hour}`,
  ),
);
