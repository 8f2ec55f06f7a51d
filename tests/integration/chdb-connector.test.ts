/**
 * The ClickHouse connector in-process (chDB): the Connector interface the views use, on
 * ClickHouse. A query a registered builder made with DuckDB's SQL (a view never chooses
 * the dialect) is built again in ClickHouse's; Arrow goes in and out; rows come back as
 * from DuckDB (numbers, epoch ms of the wall-clock time, nulls). The first run installs
 * chDB into the cache folder.
 */
import { tableFromArrays, tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChdbConnector } from '../../src/lib/data/clickhouse/chdb-connector';
import { clickHouseTableSql } from '../../src/lib/data/clickhouse/clickhouse-schema';
import { buildDataPeriodQuery } from '../../src/lib/data/queries/filter-options';

const scale = Number(process.env.E2E_TIME_SCALE ?? 1);
let ch: ChdbConnector;

beforeAll(async () => {
  ch = await ChdbConnector.open();
  // Times travel as Arrow timestamps in ms (apache-arrow's default for Date values).
  const at = (s: string) => new Date(`${s}Z`);
  const times = [at('2024-03-31T02:30:00'), at('2025-10-26T02:30:00'), at('2026-01-01T00:00:00')];
  await ch.insertArrow(
    tableFromArrays({
      id: ['I1', 'I2', 'I3'],
      occurred_from: times,
      occurred_to: times,
      theme: ['jeugd', 'afval', 'afval'],
      category: ['alcohol-jeugd', null, 'afvaldumping'],
      lon: Float64Array.from([6.2, 6.21, 6.22]),
      _rowid: BigUint64Array.from([0n, 1n, 2n]),
    }),
    'incidents',
    { create: true },
  );
  // The app's tables get the app's column types (clickhouse-schema.ts).
  for (const table of ['meldingen', 'visits'] as const) await ch.exec(clickHouseTableSql(table));
}, 900_000 * scale);

afterAll(async () => {
  await ch?.close();
});

describe('the chDB connector', () => {
  it('runs a builder query made with DuckDB SQL by building it again for ClickHouse', async () => {
    const query = buildDataPeriodQuery();
    expect(query.sql).toContain('strftime(');
    expect(await ch.query(query)).toEqual([{ first: '2024-03-31', last: '2026-01-01' }]);
  });

  it('gives rows as DuckDB does: numbers, nulls and wall-clock epoch ms, with ? parameters', async () => {
    const rows = await ch.query({
      sql: `SELECT id, category, occurred_from AS t, count() OVER () AS n FROM incidents
        WHERE id <> ? AND lon < ? ORDER BY id`,
      params: ['I3', 6.215],
    });
    expect(rows).toEqual([
      { id: 'I1', category: 'alcohol-jeugd', t: Date.UTC(2024, 2, 31, 2, 30), n: 2 },
      { id: 'I2', category: null, t: Date.UTC(2025, 9, 26, 2, 30), n: 2 },
    ]);
  });

  it('answers Arrow IPC and appends Arrow', async () => {
    await ch.insertArrow(
      tableFromArrays({
        id: ['I4'],
        occurred_from: [new Date(0)],
        occurred_to: [new Date(0)],
        theme: ['horeca'],
      }),
      'incidents',
    );
    const table = tableFromIPC(await ch.queryIpc('SELECT count() AS n FROM incidents'));
    expect(Number(table.get(0)?.n)).toBe(4);
  });

  it('is read-only for files: imports stay in the browser', async () => {
    await expect(ch.registerFile()).rejects.toThrow(/alleen in de browser/);
  });
});
