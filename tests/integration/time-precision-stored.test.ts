/**
 * The `time_precision` column and data saved before it existed: a snapshot or publication
 * whose record tables lack the column loads with 'exact', so nothing breaks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { insertIpcFilling, ipcColumnNames } from '../../src/lib/data/ipc-insert';
import { restoreSnapshot, takeSnapshot } from '../../src/lib/data/snapshot';

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
  await initDatabase(conn);
  await conn.exec(`INSERT INTO incidents (id, occurred_from, occurred_to, theme, lon, lat, dataset, time_precision)
    VALUES ('a', TIMESTAMP '2025-03-01 14:00', TIMESTAMP '2025-03-01 14:00', 'afval', 5.9, 52.0, 'x', 'exact'),
           ('b', TIMESTAMP '2025-01-01 00:00', TIMESTAMP '2025-01-01 00:00', 'afval', 5.9, 52.0, 'x', 'year')`);
  await conn.exec(`INSERT INTO visits (id, started_at, kind, dataset)
    VALUES ('v', TIMESTAMP '2025-03-01 14:00', 'surveillance', 'x')`);
});
afterAll(() => conn.close());

const precisions = () =>
  conn.query<{ id: string; p: string }>({
    sql: 'SELECT id, time_precision AS p FROM incidents ORDER BY id',
  });

describe('time_precision in stored data', () => {
  it('defaults to exact for rows inserted without it', async () => {
    expect(await conn.query({ sql: 'SELECT time_precision AS p FROM visits' })).toEqual([
      { p: 'exact' },
    ]);
  });

  it('survives a snapshot round trip', async () => {
    const snapshot = await takeSnapshot(conn);
    await restoreSnapshot(conn, snapshot);
    expect(await precisions()).toEqual([
      { id: 'a', p: 'exact' },
      { id: 'b', p: 'year' },
    ]);
  });

  it('restores an older snapshot without the column as exact', async () => {
    const snapshot = await takeSnapshot(conn);
    for (const table of ['incidents', 'meldingen', 'visits'] as const) {
      const old = await conn.queryIpc(`SELECT * EXCLUDE (time_precision) FROM ${table}`);
      expect(ipcColumnNames(old)).not.toContain('time_precision');
      snapshot.tables.set(table, old);
    }
    await restoreSnapshot(conn, snapshot);
    expect(await precisions()).toEqual([
      { id: 'a', p: 'exact' },
      { id: 'b', p: 'exact' },
    ]);
  });

  it('inserts an older publication file by name, filling the default', async () => {
    const old = await conn.queryIpc('SELECT * EXCLUDE (time_precision) FROM incidents');
    await conn.exec('DELETE FROM incidents');
    await insertIpcFilling(conn, old, 'incidents');
    expect((await precisions()).map((r) => r.p)).toEqual(['exact', 'exact']);
  });
});
