/**
 * Visit hours are real elapsed time (issue 23): a visit is timed on Europe/Amsterdam
 * instants, not on wall-clock readings. On 26 October 2025 the clock goes from 03:00 back
 * to 02:00, so 01:30–03:30 lasts 3 hours; on 30 March 2025 it jumps from 02:00 to 03:00,
 * so 01:30–03:30 lasts 1 hour. Ordinary days and a visit without an end are unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { buildMonthlyKpiQuery } from '../../src/lib/data/queries/management';

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
  await initDatabase(conn);
});
afterAll(() => conn.close());

/** Visit hours of one visit in wijk WK01, by the Management query. */
async function hoursOf(start: string, end: string | null): Promise<number> {
  await conn.exec('DELETE FROM visits');
  await conn.query({
    sql: `INSERT INTO visits (id, started_at, ended_at, kind, theme, wijkcode, dataset)
      VALUES ('v', CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), 'surveillance', 'afval', 'WK01', 'x')`,
    params: [start, end],
  });
  const rows = await conn.query<{ visit_hours: number; visits: number }>(
    buildMonthlyKpiQuery({ from: '2025-01-01', to: '2025-12-31' }),
  );
  expect(rows).toHaveLength(1);
  expect(rows[0].visits).toBe(1);
  return rows[0].visit_hours;
}

describe('visit hours across the clock changes', () => {
  it.each([
    [
      'autumn: 01:30–03:30 on 26-10-2025 is 3 hours',
      '2025-10-26 01:30:00',
      '2025-10-26 03:30:00',
      3,
    ],
    [
      'spring: 01:30–03:30 on 30-03-2025 is 1 hour',
      '2025-03-30 01:30:00',
      '2025-03-30 03:30:00',
      1,
    ],
    [
      'autumn, over the night: 22:00–06:00 is 9 hours',
      '2025-10-25 22:00:00',
      '2025-10-26 06:00:00',
      9,
    ],
    [
      'spring, over the night: 22:00–06:00 is 7 hours',
      '2025-03-29 22:00:00',
      '2025-03-30 06:00:00',
      7,
    ],
    [
      'an ordinary day: 09:15–11:45 is 2.5 hours',
      '2025-06-12 09:15:00',
      '2025-06-12 11:45:00',
      2.5,
    ],
    ['an end before the start counts 0', '2025-06-12 11:00:00', '2025-06-12 09:00:00', 0],
  ])('%s', async (_, start, end, hours) => {
    expect(await hoursOf(start, end)).toBeCloseTo(hours, 9);
  });

  it('a visit without an end counts as a visit of 0 hours', async () => {
    expect(await hoursOf('2025-10-26 01:30:00', null)).toBe(0);
  });
});
