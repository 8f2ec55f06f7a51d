/**
 * The scan of data stored without the import (a workspace file, a publication): the first
 * rows only choose how a column is tested (categories by their distinct values, codes set
 * aside), so personal data that starts after them is still found, in a column of
 * categories and in a column of codes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { SAMPLE_ROWS } from '../../src/lib/data/import/plan';
import { TABLE_NAMES } from '../../src/lib/data/schema';
import { findStoredPersonalData } from '../../src/lib/data/stored-personal-data';

let conn: Connector;
beforeEach(async () => {
  conn = await createNodeConnector();
  await initDatabase(conn);
});
afterEach(() => conn.close());

const KEPT = new Set<string>([...TABLE_NAMES, 'wijkradar_meta']);
const ROWS = 3 * SAMPLE_ROWS;
const LATE = `i > ${2 * SAMPLE_ROWS}`; // the last third: well after the sample

/** ROWS incidents, ids `INC-0000001` …, outcomes from two categories, with `id` and `outcome`
 * replaced in the rows where the SQL says so. */
async function insertIncidents(id: string, outcome: string): Promise<void> {
  await conn.exec(`INSERT INTO incidents (id, occurred_from, occurred_to, theme, category,
      outcome, source, dataset, time_precision, gemeente)
    SELECT ${id}, TIMESTAMP '2026-01-01 10:00:00', TIMESTAMP '2026-01-01 10:00:00', 'jeugd',
      'overlast', ${outcome}, 'politie', 'test', 'exact', 'GM9901'
    FROM range(1, ${ROWS + 1}) r(i)`);
}

const phone = `'06-1234' || lpad(CAST(i % 10000 AS VARCHAR), 4, '0')`;
const code = `'INC-' || lpad(CAST(i AS VARCHAR), 7, '0')`;
const category = `CASE WHEN i % 2 = 0 THEN 'waarschuwing' ELSE 'proces-verbaal' END`;

describe('personal data in stored tables', () => {
  it('finds phone numbers in a column of categories after the first rows', async () => {
    await insertIncidents(code, `CASE WHEN ${LATE} THEN ${phone} ELSE ${category} END`);
    const found = await findStoredPersonalData(conn, ['incidents']);
    expect(found?.table).toBe('incidents');
    expect(found?.finding.column).toBe('outcome');
    expect(found?.finding.reason).toMatch(/telefoonnummers/);
  });

  it('finds e-mail addresses in a column of codes after the first rows', async () => {
    await insertIncidents(
      `CASE WHEN ${LATE} THEN 'persoon' || i || '@example.nl' ELSE ${code} END`,
      category,
    );
    const found = await findStoredPersonalData(conn, ['incidents']);
    expect(found?.finding.column).toBe('id');
    expect(found?.finding.reason).toMatch(/e-mail/);
  });

  it('passes clean codes and categories, and leaves no scan table behind', async () => {
    await insertIncidents(code, category);
    expect(await findStoredPersonalData(conn, ['incidents'])).toBeNull();
    const tables = await conn.query<{ name: string }>({
      sql: 'SELECT table_name AS name FROM duckdb_tables() ORDER BY 1',
    });
    const left = tables.map((t) => t.name).filter((name) => !KEPT.has(name));
    expect(left).toEqual([]);
  });
});
