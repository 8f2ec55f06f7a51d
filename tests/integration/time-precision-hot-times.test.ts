/**
 * Hour, weekday and dagdeel results use exact times only (issue 22, item 3): a record
 * known to the day is spread over its day (aoristic), records known to the month or year
 * are left out and counted — never read as midnight on 1 January.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timingShare } from '../../src/lib/analysis/times-tables';
import { ensureFacts } from '../../src/lib/data/analysis-facts';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { queryFactsHotTimes } from '../../src/lib/data/facts-hot-times';
import { buildDrilldownSummaryQuery } from '../../src/lib/data/queries/drilldown';
import {
  buildFilteredRecordsQuery,
  type RecordFilter,
} from '../../src/lib/data/queries/record-filter';
import { compileRecordFilter } from '../../src/lib/data/sql/record-filter';
import { recordSource } from '../../src/lib/data/sql/record-time';
import { buildHistoryRecordsQuery } from '../../src/lib/data/queries/briefing';
import { recordColumns } from '../../src/lib/data/published-columns';

/** [id, local time, precision]: 1 January 2025 and 4 June 2025 are Wednesdays. */
const RECORDS: [string, string, string][] = [
  ['e1', '2025-06-04 14:10:00', 'exact'],
  ['e2', '2025-06-04 14:40:00', 'exact'],
  ['e3', '2025-06-04 22:05:00', 'exact'],
  ['d1', '2025-06-05 00:00:00', 'day'],
  ['d2', '2025-06-05 00:00:00', 'day'],
  ['m1', '2025-03-01 00:00:00', 'month'],
  ['m2', '2025-03-01 00:00:00', 'month'],
  ...Array.from({ length: 5 }, (_, i): [string, string, string] => [
    `y${i}`,
    '2025-01-01 00:00:00',
    'year',
  ]),
];

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
  await initDatabase(conn);
  const values = RECORDS.map(
    ([id, at, precision]) =>
      `('${id}', TIMESTAMP '${at}', TIMESTAMP '${at}', 'afval', 5.9, 52.0, 'test', '${precision}')`,
  );
  await conn.exec(`INSERT INTO incidents
    (id, occurred_from, occurred_to, theme, lon, lat, dataset, time_precision)
    VALUES ${values.join(', ')}`);
  await ensureFacts(conn, 1);
});
afterAll(() => conn.close());

const WEDNESDAY = 2;
const THURSDAY = 3;

describe('Tijden from data with coarse times', () => {
  it('counts exact hours, spreads day-level records over their day, leaves out the rest', async () => {
    const summary = await queryFactsHotTimes(conn, {
      tables: ['incidents'],
      filter: {},
      maxWindowHours: 72,
    });
    expect(summary.exactCount).toBe(3);
    expect(summary.spreadCount).toBe(2);
    expect(summary.imprecise).toEqual({ leftOut: 7, dayOnly: 2 });
    // Not "woensdag 00:00": the five year-level records are in no hour.
    expect(summary.weekdayHour[WEDNESDAY * 24 + 0]).toBe(0);
    expect(summary.weekdayHour[WEDNESDAY * 24 + 14]).toBe(2);
    for (let h = 0; h < 24; h++) {
      expect(summary.weekdayHour[THURSDAY * 24 + h]).toBeCloseTo(2 / 24, 12);
    }
    const total = summary.weekdayHour.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(5, 9);
    // The month × year seasonality has no January or March spike either.
    const { firstYear, values } = summary.monthYear;
    expect(firstYear).toBe(2025);
    expect(values[0]).toBe(0);
    expect(values[2]).toBe(0);

    const share = timingShare(summary);
    expect(share).toMatchObject({ total: 12, exact: 3, spread: 2, leftOut: 7, dayOnly: 2 });
    expect(share.unknown).toBe(7);
    expect(share.unknownPercent).toBeCloseTo((7 / 12) * 100, 9);
  });

  it('a dagdeel or weekday filter never takes a coarse time for midnight or its weekday', async () => {
    const count = async (filter: RecordFilter) => {
      const where = compileRecordFilter(filter, recordSource('incidents', { located: false }));
      const [{ n }] = await conn.query<{ n: number }>({
        sql: `SELECT count(*)::INTEGER AS n FROM incidents WHERE ${where.sql}`,
        params: where.params,
      });
      return n;
    };
    expect(await count({ hours: [0, 1, 2, 3, 4, 5] })).toBe(0);
    expect(await count({ weekdays: [3] })).toBe(3); // Wednesday: the exact ones only
    expect(await count({ weekdays: [4] })).toBe(2); // Thursday: the day-level ones
    expect(await count({ months: [1] })).toBe(0); // year-level is no January
    expect(await count({ months: [3] })).toBe(2); // month-level is March

    const facts = await queryFactsHotTimes(conn, {
      tables: ['incidents'],
      filter: { hours: [0, 1, 2, 3, 4, 5] },
      maxWindowHours: 72,
    });
    expect(facts.exactCount + facts.spreadCount).toBe(0);
  });

  it('the drilldown hour counts and the briefing history use exact times only', async () => {
    const base = buildFilteredRecordsQuery(['incidents'], {}, { located: false });
    const rows = await conn.query<{ kind: string; key: string; n: number }>(
      buildDrilldownSummaryQuery(base),
    );
    const hours = rows.filter((r) => r.kind === 'uur');
    expect(hours).toEqual([
      { kind: 'uur', key: '14', n: 2 },
      { kind: 'uur', key: '22', n: 1 },
    ]);
    expect(rows.filter((r) => r.kind === 'maand').map((r) => [r.key, r.n])).toEqual([
      ['2025-03', 2],
      ['2025-06', 5],
    ]);
    const history = await conn.query(
      buildHistoryRecordsQuery({
        from: '2025-01-01 00:00:00',
        to: '2025-12-31 00:00:00',
        weekday: 3,
        hours: [0, 1, 2, 3, 4, 5],
      }),
    );
    expect(history).toEqual([]);
  });

  it('the published briefing files mark the same exact times, old files all exact', async () => {
    const bytes = await conn.queryIpc('SELECT * FROM incidents ORDER BY id');
    const ids = (
      await conn.query<{ id: string }>({ sql: 'SELECT id FROM incidents ORDER BY id' })
    ).map((r) => r.id);
    const exact = recordColumns('incidents', bytes).exact;
    expect(ids.filter((_, i) => exact[i] === 1)).toEqual(['e1', 'e2', 'e3']);
    const old = await conn.queryIpc('SELECT * EXCLUDE (time_precision) FROM incidents');
    expect([...recordColumns('incidents', old).exact].every((v) => v === 1)).toBe(true);
  });
});
