/**
 * Europe/Amsterdam local time in SQL, by the rule of analysis/fast-local-time.ts (no ICU
 * extension offline): summer time (UTC+2) for local readings from 03:00 on the last Sunday
 * of March until 03:00 on the last Sunday of October, winter time (UTC+1) otherwise. The
 * spring gap's 02:xx, which the clock skips, reads as winter time (so it happened at 03:xx
 * summer time); the autumn overlap's first 02:xx as summer time.
 * tests/integration/facts-windows.test.ts holds both uses equal to the TypeScript rule.
 */
import { dialect } from './dialect';

const HOUR_MS = 3_600_000;

/** The last Sunday of a month with 31 days (March, October) of the year of `ts`, as DATE. */
const lastSunday = (ts: string, month: 3 | 10) =>
  `(${dialect.makeDate(`year(${ts})`, `${month}`, '31')} - (${dialect.isoWeekday(dialect.makeDate(`year(${ts})`, `${month}`, '31'))} % 7)::INTEGER)`;

/** UTC epoch ms of a local wall-clock TIMESTAMP expression. */
export const utcMsSql = (ts: string) => `${dialect.epochMs(ts)} - CASE
    WHEN ${ts} >= ${lastSunday(ts, 3)} + INTERVAL 3 HOUR
      AND ${ts} < ${lastSunday(ts, 10)} + INTERVAL 3 HOUR THEN ${2 * HOUR_MS}
    ELSE ${HOUR_MS} END`;

/** TRUE for a local reading in the spring gap (02:00–03:00 on the last Sunday of March). */
export const inSpringGapSql = (ts: string) =>
  `(${ts} >= ${lastSunday(ts, 3)} + INTERVAL 2 HOUR AND ${ts} < ${lastSunday(ts, 3)} + INTERVAL 3 HOUR)`;
