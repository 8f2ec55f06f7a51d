/**
 * How meldingen are handled (Management, "Afhandeling van meldingen"): the doorlooptijd of
 * the handled ones and the open ones against the norm the user sets. Pure builders returning
 * { sql, params } (STYLE.md §1); which meldingen count (themes, categories, wijken) is the
 * shared filter's, compiled by compileRecordFilter.
 *
 * - Open at a moment: reported before it, and closed after it — or not closed at all:
 *   no closed_at and a status that is none of CLOSED_MELDING_STATUSES. A melding without
 *   status and closed_at tells nothing about its handling and is not counted as open.
 * - Handled: closed_at at or after reported_at and a status that is not a cancellation or
 *   a split (a cancelled melding was never handled). The filter's period is on closed_at:
 *   "afgehandeld in de periode", so a month's figures are final once it has passed (per
 *   month of the report, the last months would show only the quick ones).
 * - Doorlooptijd and age in kalenderdagen on the wall clock: times are stored as local
 *   Dutch wall-clock TIMESTAMPs (schema.ts), and their difference counts a day of a clock
 *   change as one day, so 10:00 to 10:00 two weeks later is 14 days in March and October
 *   alike — what a norm in kalenderdagen means (in real hours it would be 14 days ± 1 hour,
 *   and a melding closed on the hour would fall outside the norm in autumn).
 */
import { isNormDays, type HandlingNorms } from '../../analysis/melding-handling';
import type { Query, QueryParam } from '../connector';
import { dialect } from '../sql/dialect';
import { checkTimestamp, sqlString } from '../sql/literals';
import { compileRecordFilter, type RecordFilter } from '../sql/record-filter';
import { localParts, recordSource } from '../sql/record-time';
import { registerAll } from './register';

export type { ClosedStatsRow, OpenStatsRow } from '../../analysis/melding-handling';

/**
 * Statuses that close a melding (compared trimmed and in lower case), and how: Signalen's
 * names and its status codes (o afgehandeld, a geannuleerd, s gesplitst: a split melding
 * lives on in its parts), and the words other systems use. The one list of the app.
 */
export const CLOSED_MELDING_STATUSES: Readonly<
  Record<string, 'afgehandeld' | 'geannuleerd' | 'gesplitst'>
> = {
  afgehandeld: 'afgehandeld',
  o: 'afgehandeld',
  gesloten: 'afgehandeld',
  afgesloten: 'afgehandeld',
  geannuleerd: 'geannuleerd',
  a: 'geannuleerd',
  gesplitst: 'gesplitst',
  s: 'gesplitst',
};

/** The groups of the tables: all together, per category, per wijk, per status, per month. */
export type HandlingGroup = 'total' | 'category' | 'wijk' | 'status' | 'month';

const STATUS = 'lower(trim(status))';
/** The status is not one of the closed statuses of `kinds`. */
const notClosedAs = (kinds: readonly string[]) =>
  `NOT ${dialect.oneOf(
    STATUS,
    ...Object.keys(CLOSED_MELDING_STATUSES)
      .filter((s) => kinds.includes(CLOSED_MELDING_STATUSES[s]))
      .map(sqlString),
  )}`;
/** No closed_at and a status that is not a closed one. */
const stillOpen = () =>
  `(closed_at IS NULL AND status IS NOT NULL AND ${notClosedAs(['afgehandeld', 'geannuleerd', 'gesplitst'])})`;
const handled = () => `closed_at IS NOT NULL AND closed_at >= reported_at
  AND (status IS NULL OR ${notClosedAs(['geannuleerd', 'gesplitst'])})`;

/** A melding's category: its sub-category, else its main category. */
export const MELDING_CATEGORY_SQL = 'coalesce(sub_category, main_category)';

const DAY_MS = 86_400_000;
/** Kalenderdagen from `earlier` to `later` on the wall clock (see the module comment). */
const wallClockDays = (later: string, earlier: string) =>
  `(${dialect.epochMs(later)} - ${dialect.epochMs(earlier)}) / ${DAY_MS}.0`;

const groupKey = (): Record<Exclude<HandlingGroup, 'month'>, string> => ({
  total: dialect.nullOf('VARCHAR'),
  category: MELDING_CATEGORY_SQL,
  wijk: 'wijkcode',
  status: 'status',
});

/** The norm of each melding as SQL: categories are parameters, days checked integers. */
function normSql(norms: HandlingNorms): Query {
  const days = (n: number) => {
    if (!isNormDays(n)) throw new RangeError(`not a norm in days: ${n}`);
    return String(n);
  };
  const own = Object.entries(norms.byCategory).filter(([, n]) => n !== norms.defaultDays);
  if (own.length === 0) return { sql: days(norms.defaultDays) };
  const cases = own.map(([, n]) => `WHEN ? THEN ${days(n)}`).join(' ');
  return {
    sql: `CASE ${MELDING_CATEGORY_SQL} ${cases} ELSE ${days(norms.defaultDays)} END`,
    params: own.map(([category]) => category),
  };
}

/** The shared filter's themes, categories and areas on meldingen; `time` places the period. */
function meldingFilter(
  filter: RecordFilter,
  time: 'reported_at' | 'closed_at',
): { sql: string; params: QueryParam[] } {
  const source = {
    ...recordSource('meldingen', { located: false }),
    time,
    parts: localParts(time),
  };
  delete source.known;
  return compileRecordFilter(filter, source);
}

const groupBy = (group: HandlingGroup) =>
  group === 'total' ? '' : `${dialect.groupByAll} ORDER BY key`;

/**
 * Handled meldingen closed in the filter's period, per group: rows (key, main_category,
 * closed, median_days, p90_days, within_norm) — doorlooptijd in kalenderdagen, median and
 * 90th percentile by linear interpolation (quantile_cont, as R's default type 7).
 */
function closedHandlingQuery(
  filter: RecordFilter,
  norms: HandlingNorms,
  group: HandlingGroup,
): Query {
  const where = meldingFilter(filter, 'closed_at');
  const norm = normSql(norms);
  const key = group === 'month' ? dialect.strftime('closed_at', '%Y-%m') : groupKey()[group];
  return {
    sql: `SELECT ${key} AS key, min(main_category) AS main_category,
        CAST(count(*) AS INTEGER) AS closed,
        ${dialect.quantileCont('days', 0.5)} AS median_days,
        ${dialect.quantileCont('days', 0.9)} AS p90_days,
        CAST(count(*) FILTER (WHERE days <= norm) AS INTEGER) AS within_norm
      FROM (
        SELECT *, ${wallClockDays('closed_at', 'reported_at')} AS days, ${norm.sql} AS norm
        FROM meldingen WHERE ${handled()} AND ${where.sql}
      )
      ${groupBy(group)}`,
    params: [...(norm.params ?? []), ...where.params],
  };
}

/**
 * Meldingen open at each of `moments` ('YYYY-MM-DD HH:MM:SS', local), per group: rows
 * (moment, key, main_category, open, over_norm, oldest_days) — over_norm: reported more
 * than their norm in kalenderdagen before the moment. The filter's period is not used (a
 * melding reported long ago and still open counts); the moments end it.
 */
function openHandlingQuery(
  filter: RecordFilter,
  norms: HandlingNorms,
  moments: readonly string[],
  group: Exclude<HandlingGroup, 'month'>,
): Query {
  if (moments.length === 0) throw new RangeError('no moment');
  for (const m of moments) checkTimestamp(m, 'moment');
  const sorted = [...moments].sort();
  const where = meldingFilter({ ...filter, from: undefined, to: undefined }, 'reported_at');
  const norm = normSql(norms);
  const key = groupKey()[group];
  const values = moments.map(() => 'SELECT CAST(? AS TIMESTAMP) AS moment').join(' UNION ALL ');
  const params: QueryParam[] = [
    ...moments,
    ...(norm.params ?? []),
    sorted.at(-1)!,
    sorted[0],
    ...where.params,
  ];
  return {
    sql: `SELECT ${dialect.strftime('moment', '%Y-%m-%d %H:%M:%S')} AS moment, ${key} AS key,
        min(main_category) AS main_category, CAST(count(*) AS INTEGER) AS open,
        CAST(count(*) FILTER (WHERE age > norm) AS INTEGER) AS over_norm,
        max(age) AS oldest_days
      FROM (
        SELECT m.moment, x.*, ${wallClockDays('m.moment', 'x.reported_at')} AS age
        FROM (${values}) AS m
        CROSS JOIN (
          SELECT *, ${norm.sql} AS norm FROM meldingen
          WHERE reported_at < CAST(? AS TIMESTAMP)
            AND (${stillOpen()} OR closed_at >= CAST(? AS TIMESTAMP)) AND ${where.sql}
        ) AS x
        WHERE x.reported_at < m.moment AND (x.closed_at >= m.moment OR x.closed_at IS NULL)
      )
      ${dialect.groupByAll} ORDER BY moment, key`,
    params,
  };
}

export const { buildClosedHandlingQuery, buildOpenHandlingQuery } = registerAll(
  'melding-handling',
  {
    buildClosedHandlingQuery: closedHandlingQuery,
    buildOpenHandlingQuery: openHandlingQuery,
  },
);
