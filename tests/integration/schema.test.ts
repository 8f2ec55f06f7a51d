/**
 * The canonical schema is created by code, carries its version, and is idempotent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase, readSchemaVersion } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { SCHEMA_VERSION, TABLE_NAMES, TABLES } from '../../src/lib/data/schema';
import { DEFAULT_THEME_MAPPING } from '../../src/lib/data/themes';

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
  await initDatabase(conn);
});
afterAll(() => conn.close());

describe('schema', () => {
  it('creates every table of the data model with its columns and types', async () => {
    for (const table of TABLE_NAMES) {
      const columns = await conn.query<{ column_name: string; data_type: string }>({
        sql: `SELECT column_name, data_type FROM information_schema.columns
              WHERE table_name = ? ORDER BY ordinal_position`,
        params: [table],
      });
      expect(columns.map((c) => [c.column_name, c.data_type])).toEqual(
        TABLES[table].map((c) => [c.name, c.type]),
      );
    }
  });

  it('records the schema version and survives a second initialisation', async () => {
    expect(await readSchemaVersion(conn)).toBe(SCHEMA_VERSION);
    await initDatabase(conn);
    const [{ n }] = await conn.query<{ n: number }>({
      sql: 'SELECT count(*) AS n FROM theme_mapping',
    });
    expect(n).toBe(DEFAULT_THEME_MAPPING.length);
  });

  it('returns counts as numbers, not BigInt', async () => {
    const [row] = await conn.query({ sql: 'SELECT count(*) AS n, 2::BIGINT * 3 AS m' });
    expect(row).toEqual({ n: 1, m: 6 });
  });

  it('keeps timestamps as wall-clock readings, also inside the spring DST gap', async () => {
    const [row] = await conn.query<{ t: number }>({
      sql: "SELECT TIMESTAMP '2026-03-29 02:30:00' AS t",
    });
    expect(new Date(row.t).toISOString()).toBe('2026-03-29T02:30:00.000Z');
  });

  it('does not try to load extensions (offline)', async () => {
    const settings = await conn.query<{ name: string; value: string }>({
      sql: `SELECT name, value FROM duckdb_settings()
            WHERE name IN ('autoinstall_known_extensions', 'autoload_known_extensions') ORDER BY name`,
    });
    expect(settings.map((s) => s.value)).toEqual(['false', 'false']);
  });
});
