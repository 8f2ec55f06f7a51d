/**
 * The handling of meldingen (data/queries/melding-handling.ts) on a hand-built meldingen
 * table in real DuckDB, against values worked out by hand below. Times are local wall-clock
 * readings; two meldingen cross a change of the clock (A4 in autumn, B2 in spring) and count
 * whole kalenderdagen, and one open melding (O6) is exactly 14 wall-clock days old on
 * 1 November 2025 — in real time 14 days and 1 hour, which would put it over a 14-day norm.
 *
 *   id  category (main/sub)           wijk  status          reported → closed          days
 *   A1  afval/container-is-vol        WK01  afgehandeld     01-10 08:00 → 01-11 08:00     1
 *   A2  afval/container-is-vol        WK01  o (Signalen)    02-01 09:00 → 02-03 09:00     2
 *   A3  afval/container-is-vol        WK01  'Afgehandeld '  02-10 12:00 → 02-13 12:00     3
 *   A4  afval/container-is-vol        WK01  afgehandeld     10-20 10:00 → 11-03 10:00    14 (autumn)
 *   A5  afval/container-is-vol        WK01  (none)          06-01 00:00 → 06-21 00:00    20
 *   A6  afval/container-is-vol        WK01  ' Geannuleerd'  05-01 → 05-31   cancelled: not handled
 *   A7  afval/container-is-vol        WK01  s (gesplitst)   05-01 → 05-02   split: not handled
 *   B1  afval/grofvuil                WK02  afgehandeld     02-20 00:00 → 02-20 12:00   0,5
 *   B2  afval/grofvuil                WK02  afgehandeld     03-20 12:00 → 04-07 12:00    18 (spring)
 *   C1  schoon/—                      —     afgehandeld     05-25 10:00 → 06-01 10:00     7
 *   C2  schoon/—                      —     afgehandeld     2024-12-01 → 2024-12-20   closed before 2025
 *   C3  schoon/—                      —     afgehandeld     12-28 → 2026-01-02        closed after 2025
 *   O1  afval/container-is-vol        WK01  gemeld          12-30 00:00, open
 *   O2  afval/container-is-vol        WK01  in behandeling  12-01 00:00, open
 *   O3  afval/grofvuil                WK02  in behandeling  12-11 00:00, open
 *   O4  afval/grofvuil                WK02  (none)          no closed_at: tells nothing
 *   O5  afval/grofvuil                WK02  afgehandeld     no closed_at: closed, time unknown
 *   O6  schoon/—                      —     gemeld          10-18 00:00, open (autumn)
 *   O7  schoon/—                      —     gemeld          2026-01-05, after the moment
 *
 * Handled in 2025 (all dates 2025 unless written): A 1,2,3,14,20; B 0,5 18; C 7.
 *   all:       0,5 1 2 3 7 14 18 20 → median (3+7)/2 = 5; p90 (R type 7): h = 7·0,9 = 6,3,
 *              18 + 0,3·(20−18) = 18,6; within 14 days: 6 of 8 (with grofvuil 21: 7).
 *   container: 1 2 3 14 20 → median 3; p90 h = 3,6: 14 + 0,6·6 = 17,6; within 4 of 5.
 *   grofvuil:  0,5 18 → median 9,25; p90 0,5 + 0,9·17,5 = 16,25; within 1 (norm 21: 2).
 *   theme afval (A+B): 0,5 1 2 3 14 18 20 → median 3; p90 h = 5,4: 18 + 0,4·2 = 18,8.
 * Open at 2026-01-01 00:00: O1 (2 days), O2 (31), O3 (21), O6 (75), C3 (4: closed later) → 5;
 *   over 14 days: O2, O3, O6 → 3; with grofvuil 21: O3 is not over (21 is not more than 21).
 * Open at 2025-11-01: A4 (12 days), O6 (14) → 2, none over; at 2025-12-01: O6 (44) → 1, over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NORMS, type HandlingNorms } from '../../src/lib/analysis/melding-handling';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import {
  buildClosedHandlingQuery,
  buildOpenHandlingQuery,
  type ClosedStatsRow,
  type OpenStatsRow,
} from '../../src/lib/data/queries/melding-handling';
import type { RecordFilter } from '../../src/lib/data/sql/record-filter';
import { loadHandlingFigures } from '../../src/lib/state/management/handling-data';
import { MeldingHandlingModel } from '../../src/lib/state/management/melding-handling.svelte';

const A = ['afval', 'container-is-vol', 'afval', 'WK01'] as const;
const B = ['afval', 'grofvuil', 'afval', 'WK02'] as const;
const C = ['schoon', null, 'overig', null] as const;

// id, reported_at, closed_at, status | category
const ROWS: [string, string, string | null, string | null, readonly (string | null)[]][] = [
  ['A1', '2025-01-10 08:00:00', '2025-01-11 08:00:00', 'afgehandeld', A],
  ['A2', '2025-02-01 09:00:00', '2025-02-03 09:00:00', 'o', A],
  ['A3', '2025-02-10 12:00:00', '2025-02-13 12:00:00', 'Afgehandeld ', A],
  ['A4', '2025-10-20 10:00:00', '2025-11-03 10:00:00', 'afgehandeld', A],
  ['A5', '2025-06-01 00:00:00', '2025-06-21 00:00:00', null, A],
  ['A6', '2025-05-01 10:00:00', '2025-05-31 10:00:00', ' Geannuleerd', A],
  ['A7', '2025-05-01 10:00:00', '2025-05-02 10:00:00', 's', A],
  ['B1', '2025-02-20 00:00:00', '2025-02-20 12:00:00', 'afgehandeld', B],
  ['B2', '2025-03-20 12:00:00', '2025-04-07 12:00:00', 'afgehandeld', B],
  ['C1', '2025-05-25 10:00:00', '2025-06-01 10:00:00', 'afgehandeld', C],
  ['C2', '2024-12-01 10:00:00', '2024-12-20 10:00:00', 'afgehandeld', C],
  ['C3', '2025-12-28 10:00:00', '2026-01-02 10:00:00', 'afgehandeld', C],
  ['O1', '2025-12-30 00:00:00', null, 'gemeld', A],
  ['O2', '2025-12-01 00:00:00', null, 'in behandeling', A],
  ['O3', '2025-12-11 00:00:00', null, 'in behandeling', B],
  ['O4', '2025-12-11 00:00:00', null, null, B],
  ['O5', '2025-12-11 00:00:00', null, 'afgehandeld', B],
  ['O6', '2025-10-18 00:00:00', null, 'gemeld', C],
  ['O7', '2026-01-05 00:00:00', null, 'gemeld', C],
];

const YEAR: RecordFilter = { from: '2025-01-01 00:00:00', to: '2026-01-01 00:00:00' };
const GROFVUIL_21: HandlingNorms = { defaultDays: 14, byCategory: { grofvuil: 21 } };
const AT = '2026-01-01 00:00:00';

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
  await initDatabase(conn);
  for (const [id, reported, closedAt, status, [main, sub, theme, wijk]] of ROWS) {
    await conn.query({
      sql: `INSERT INTO meldingen (id, reported_at, closed_at, status, main_category, sub_category,
          theme, wijkcode, dataset)
        VALUES (?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), ?, ?, ?, ?, ?, 'test')`,
      params: [id, reported, closedAt, status, main, sub, theme, wijk],
    });
  }
});
afterAll(() => conn.close());

const closed = (
  filter: RecordFilter,
  norms: HandlingNorms,
  group: 'total' | 'category' | 'wijk' | 'month',
) => conn.query<ClosedStatsRow>(buildClosedHandlingQuery(filter, norms, group));
const open = (
  filter: RecordFilter,
  norms: HandlingNorms,
  moments: string[],
  group: 'total' | 'category' | 'wijk' | 'status',
) => conn.query<OpenStatsRow>(buildOpenHandlingQuery(filter, norms, moments, group));
const byKey = <T extends { key: string | null }>(rows: T[]) =>
  Object.fromEntries(rows.map((r) => [r.key ?? '(geen)', r]));

describe('doorlooptijd of the meldingen handled in the period', () => {
  it('counts, median, p90 and share within the norm of all of them', async () => {
    const [total] = await closed(YEAR, DEFAULT_NORMS, 'total');
    expect(total.closed).toBe(8);
    expect(total.median_days).toBeCloseTo(5, 10);
    expect(total.p90_days).toBeCloseTo(18.6, 10);
    expect(total.within_norm).toBe(6);
    const [withOwn] = await closed(YEAR, GROFVUIL_21, 'total');
    expect(withOwn.within_norm).toBe(7);
  });

  it('per category: a sub-category, else the main one; each with its own norm', async () => {
    const rows = byKey(await closed(YEAR, GROFVUIL_21, 'category'));
    expect(Object.keys(rows).sort()).toEqual(['container-is-vol', 'grofvuil', 'schoon']);
    expect(rows['container-is-vol']).toMatchObject({
      main_category: 'afval',
      closed: 5,
      within_norm: 4,
    });
    expect(rows['container-is-vol'].median_days).toBeCloseTo(3, 10);
    expect(rows['container-is-vol'].p90_days).toBeCloseTo(17.6, 10);
    expect(rows.grofvuil).toMatchObject({ closed: 2, within_norm: 2 });
    expect(rows.grofvuil.median_days).toBeCloseTo(9.25, 10);
    expect(rows.grofvuil.p90_days).toBeCloseTo(16.25, 10);
    expect(rows.schoon).toMatchObject({ main_category: 'schoon', closed: 1, within_norm: 1 });
  });

  it('counts whole kalenderdagen across the clock changes', async () => {
    // A4 (autumn) and B2 (spring) alone: 14 and 18 days exactly, on the wall clock.
    const rows = byKey(
      await closed(
        { from: '2025-04-01 00:00:00', to: '2025-12-01 00:00:00' },
        DEFAULT_NORMS,
        'month',
      ),
    );
    expect(rows['2025-11']).toMatchObject({ closed: 1, median_days: 14, within_norm: 1 });
    expect(rows['2025-04']).toMatchObject({ closed: 1, median_days: 18, within_norm: 0 });
  });

  it('per wijk and per month of closing', async () => {
    const wijken = byKey(await closed(YEAR, DEFAULT_NORMS, 'wijk'));
    expect([wijken.WK01.closed, wijken.WK02.closed, wijken['(geen)'].closed]).toEqual([5, 2, 1]);
    const months = await closed(YEAR, DEFAULT_NORMS, 'month');
    expect(months.map((m) => [m.key, m.closed, m.median_days, m.within_norm])).toEqual([
      ['2025-01', 1, 1, 1],
      ['2025-02', 3, 2, 3],
      ['2025-04', 1, 18, 0],
      ['2025-06', 2, 13.5, 1],
      ['2025-11', 1, 14, 1],
    ]);
  });

  it("follows the shared filter's themes and wijken", async () => {
    const [afval] = await closed({ ...YEAR, themes: ['afval'] }, DEFAULT_NORMS, 'total');
    expect(afval.closed).toBe(7);
    expect(afval.median_days).toBeCloseTo(3, 10);
    expect(afval.p90_days).toBeCloseTo(18.8, 10);
    const [wk02] = await closed({ ...YEAR, wijkcodes: ['WK02'] }, DEFAULT_NORMS, 'total');
    expect(wk02.closed).toBe(2);
  });
});

describe('open meldingen at a moment', () => {
  it('counts the open ones, those over the norm and the oldest, in wall-clock days', async () => {
    const [total] = await open(YEAR, DEFAULT_NORMS, [AT], 'total');
    expect(total).toMatchObject({ moment: AT, open: 5, over_norm: 3, oldest_days: 75 });
    const [own] = await open(YEAR, GROFVUIL_21, [AT], 'total');
    expect(own.over_norm).toBe(2);
  });

  it('per category, per wijk and per status', async () => {
    const categories = byKey(await open(YEAR, DEFAULT_NORMS, [AT], 'category'));
    expect(categories['container-is-vol']).toMatchObject({
      open: 2,
      over_norm: 1,
      oldest_days: 31,
    });
    expect(categories.grofvuil).toMatchObject({ open: 1, over_norm: 1, oldest_days: 21 });
    expect(categories.schoon).toMatchObject({ open: 2, over_norm: 1, oldest_days: 75 });
    const wijken = byKey(await open(YEAR, DEFAULT_NORMS, [AT], 'wijk'));
    expect([wijken.WK01.open, wijken.WK02.open, wijken['(geen)'].open]).toEqual([2, 1, 2]);
    const statuses = byKey(await open(YEAR, DEFAULT_NORMS, [AT], 'status'));
    expect(Object.keys(statuses).sort()).toEqual(['afgehandeld', 'gemeld', 'in behandeling']);
    expect(statuses.gemeld).toMatchObject({ open: 2, over_norm: 1 });
    expect(statuses['in behandeling']).toMatchObject({ open: 2, over_norm: 2 });
  });

  it('at month ends, with a melding exactly 14 days old across the autumn change', async () => {
    const moments = ['2025-11-01 00:00:00', '2025-12-01 00:00:00', AT];
    const rows = await open({}, DEFAULT_NORMS, moments, 'total');
    expect(rows.map((r) => [r.moment, r.open, r.over_norm])).toEqual([
      ['2025-11-01 00:00:00', 2, 0],
      ['2025-12-01 00:00:00', 1, 1],
      [AT, 5, 3],
    ]);
    expect(rows[0].oldest_days).toBe(14);
  });

  it('follows the themes, and rejects a malformed moment or norm', async () => {
    const [afval] = await open({ themes: ['afval'] }, DEFAULT_NORMS, [AT], 'total');
    expect(afval.open).toBe(3);
    expect(() => buildOpenHandlingQuery({}, DEFAULT_NORMS, ['2026-01-01'], 'total')).toThrow(
      RangeError,
    );
    expect(() => buildOpenHandlingQuery({}, DEFAULT_NORMS, [], 'total')).toThrow(RangeError);
    const bad = { defaultDays: 14, byCategory: { grofvuil: 0 } };
    expect(() => buildClosedHandlingQuery(YEAR, bad, 'total')).toThrow(RangeError);
  });

  it('passes a category name as a parameter, never as SQL', async () => {
    const hostile = { defaultDays: 14, byCategory: { "x' OR 1=1 --": 1 } };
    const query = buildClosedHandlingQuery(YEAR, hostile, 'total');
    expect(query.sql).not.toContain('OR 1=1');
    const [total] = await conn.query<ClosedStatsRow>(query);
    expect(total.within_norm).toBe(6);
  });
});

describe("the Management view's figures and model", () => {
  const request = { period: { from: '2025-01', to: '2025-12' }, theme: null };

  it('puts the tables together: open at the end of the period, months with their ends', async () => {
    // The data (record times) ends on 5 January 2026, after the period: counted at its end.
    const figures = (await loadHandlingFigures(conn, request, DEFAULT_NORMS))!;
    expect(figures.asOf).toBe(AT);
    expect(figures.lastDay).toBe('2025-12-31');
    expect(figures.total).toMatchObject({ closed: 8, withinNorm: 6, open: 5, overNorm: 3 });
    expect(figures.total.medianDays).toBeCloseTo(5, 10);
    expect(figures.total.oldestDays).toBe(75);
    expect(figures.byCategory.map((r) => r.key)).toEqual([
      'container-is-vol',
      'grofvuil',
      'schoon',
    ]);
    expect(figures.byWijk.find((r) => r.key === null)).toMatchObject({ closed: 1, open: 2 });
    expect(figures.months).toHaveLength(12);
    expect(figures.months[10]).toMatchObject({ month: '2025-11', closed: 1, open: 1, overNorm: 1 });
    expect(figures.months[9]).toMatchObject({ month: '2025-10', closed: 0, open: 2, overNorm: 0 });
  });

  it('recomputes for a new norm and holds the readiness signal meanwhile', async () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: store.set.bind(store),
    };
    let pending = 0;
    const readiness = { begin: () => (pending++, () => void pending--) };
    const model = new MeldingHandlingModel(readiness, storage);
    const running = model.compute(conn, 1, request);
    expect(pending).toBe(1);
    await running;
    expect(pending).toBe(0);
    expect(model.figures?.total.overNorm).toBe(3);
    model.setCategoryNorm('grofvuil', 21);
    await model.compute(conn, 1, request);
    expect(model.figures?.total.overNorm).toBe(2);
    expect(model.figures?.total.withinNorm).toBe(7);
    // Kept in this browser: a new model (a reload) starts with the same norms.
    expect(new MeldingHandlingModel(readiness, storage).norms).toEqual(GROFVUIL_21);
  });
});
