/**
 * Trend tests compare only periods that the time precision covers (issue 22, item 3): a
 * file that gives the year only is no January spike in the monthly trends of Wijken and
 * Management, while a comparison of whole calendar years does count it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessDemandTrends,
  coversWholeYears,
  demandSeries,
  type KpiMonthRow,
} from '../../src/lib/analysis/management-kpis';
import { computeWijkTrends, type WijkMonthRow } from '../../src/lib/analysis/wijk-trends';
import { ensureFacts, queryFactsMonthlyCounts } from '../../src/lib/data/analysis-facts';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import {
  buildHexCellPeriodCountsQuery,
  fitRdPolynomial,
} from '../../src/lib/data/queries/hotspots';
import { buildMonthlyKpiQuery } from '../../src/lib/data/queries/management';
import { buildWijkMonthlyCountsQuery } from '../../src/lib/data/queries/trends';

const WIJK = 'WK999901';
/** Year-level records per year (a national register: year only, stored on 1 January). */
const YEAR_LEVEL: Record<number, number> = { 2022: 60, 2023: 60, 2024: 120 };
/** Exact background: two records on the 15th of every month, 2022–2024. */
const EXACT_PER_MONTH = 2;

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
  await initDatabase(conn);
  const row = (id: string, at: string, precision: string) =>
    `('${id}', TIMESTAMP '${at}', TIMESTAMP '${at}', 'overig', '${WIJK}', 'test', '${precision}')`;
  const values: string[] = [];
  for (const [year, n] of Object.entries(YEAR_LEVEL)) {
    for (let i = 0; i < n; i++) values.push(row(`y${year}-${i}`, `${year}-01-01 00:00:00`, 'year'));
  }
  for (let year = 2022; year <= 2024; year++) {
    for (let month = 1; month <= 12; month++) {
      const day = `${year}-${String(month).padStart(2, '0')}-15 12:00:00`;
      for (let i = 0; i < EXACT_PER_MONTH; i++)
        values.push(row(`e${year}${month}-${i}`, day, 'exact'));
    }
  }
  await conn.exec(`INSERT INTO incidents
    (id, occurred_from, occurred_to, theme, wijkcode, dataset, time_precision)
    VALUES ${values.join(', ')}`);
});
afterAll(() => conn.close());

const WIJKEN = [{ code: WIJK, name: 'Testwijk', inhabitants: 2000 }];
const RANGE = { first: { year: 2022, month: 1 }, last: { year: 2024, month: 1 } };

/** All incidents per month, year-level ones included: what the trends were built from before. */
async function monthlyRowsWithYearLevel(): Promise<WijkMonthRow[]> {
  return conn.query<WijkMonthRow>({
    sql: `SELECT wijkcode, theme, year(occurred_from)::INTEGER AS year,
        month(occurred_from)::INTEGER AS month, count(*)::INTEGER AS n
      FROM incidents GROUP BY ALL`,
  });
}

describe('Wijken: a year-level file gives no monthly spike', () => {
  it('read as January, the year-level records would be a significant rise (the artefact)', async () => {
    const trends = computeWijkTrends(await monthlyRowsWithYearLevel(), WIJKEN, RANGE, {
      periodMonths: 1,
    });
    expect(trends.panels[0].flag).toBe('stijging');
  });

  it('the monthly counts leave them out, so no month is flagged', async () => {
    const codes = await ensureFacts(conn, 1);
    const { rows, yearOnly } = await queryFactsMonthlyCounts(
      conn,
      { tables: ['incidents'], filter: {}, locations: [], radiusM: 100 },
      codes,
    );
    expect(rows.every((r) => r.n === EXACT_PER_MONTH)).toBe(true);
    expect(yearOnly).toBe(240); // said beside the series
    expect(rows).toHaveLength(36);
    for (const periodMonths of [1, 3, 12]) {
      const trends = computeWijkTrends(rows, WIJKEN, RANGE, { periodMonths });
      for (const panel of trends.panels) expect(panel.flag).not.toBe('stijging');
    }
    // The base-table query gives the same counts as the facts.
    const base = await conn.query<WijkMonthRow>(buildWijkMonthlyCountsQuery(['incidents'], {}));
    expect(base.reduce((a, r) => a + r.n, 0)).toBe(36 * EXACT_PER_MONTH);
  });
});

describe('Management: demand trends at the periods the precision covers', () => {
  let rows: KpiMonthRow[];
  beforeAll(async () => {
    rows = await conn.query<KpiMonthRow>(
      buildMonthlyKpiQuery({ from: '2022-01-01', to: '2024-12-31' }),
    );
  });

  it('counts every record in the totals and marks the year-level ones', () => {
    const january = rows.find((r) => r.year === 2024 && r.month === 1)!;
    expect(january).toMatchObject({ incidents: 122, year_level: 120 });
  });

  it('a part-year period compares no year-level records (no January spike)', () => {
    const period = { from: '2023-11', to: '2024-01' };
    expect(coversWholeYears(period)).toBe(false);
    const [trend] = assessDemandTrends(
      demandSeries(rows, (r) => r.wijkcode, null, coversWholeYears(period)),
      period,
      '2022-01',
    );
    expect([trend.current, trend.previous]).toEqual([6, 6]);
    expect(trend.comparison?.flag).toBe('geen significante verandering');
  });

  it('a calendar-year period compares them: the yearly rise is found', () => {
    const period = { from: '2024-01', to: '2024-12' };
    expect(coversWholeYears(period)).toBe(true);
    const [trend] = assessDemandTrends(
      demandSeries(rows, (r) => r.wijkcode, null, coversWholeYears(period)),
      period,
      '2022-01',
    );
    expect([trend.current, trend.previous]).toEqual([144, 84]);
    expect(trend.comparison?.flag).toBe('stijging');
  });
});

describe('emerging hot spots: time steps the precision covers', () => {
  it('counts no year-level record in a monthly step, and no month-level one in a weekly step', async () => {
    const at = (id: string, time: string, precision: string) =>
      `('${id}', TIMESTAMP '${time}', TIMESTAMP '${time}', 'overig', 5.9, 52.0, 'steps', '${precision}')`;
    await conn.exec(`INSERT INTO incidents
      (id, occurred_from, occurred_to, theme, lon, lat, dataset, time_precision) VALUES
      ${at('s-exact', '2025-01-01 09:00:00', 'exact')}, ${at('s-day', '2025-01-02 00:00:00', 'day')},
      ${at('s-month', '2025-01-01 00:00:00', 'month')}, ${at('s-year', '2025-01-01 00:00:00', 'year')}`);
    const options = {
      size: 250,
      rd: fitRdPolynomial({ minLon: 5.8, minLat: 51.9, maxLon: 6.0, maxLat: 52.1 }),
      filter: { from: '2025-01-01 00:00:00', to: '2025-04-01 00:00:00' },
    };
    const total = async (step: { months: number } | { weeks: number }) => {
      const rows = await conn.query<{ n: number }>(
        buildHexCellPeriodCountsQuery('incidents', { ...options, step }),
      );
      return rows.reduce((sum, r) => sum + r.n, 0);
    };
    expect(await total({ months: 1 })).toBe(3); // exact, day and month
    expect(await total({ weeks: 1 })).toBe(2); // exact and day
  });
});
