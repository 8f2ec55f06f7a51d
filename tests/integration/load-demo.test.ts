/**
 * Loading Donderdeel through the same loader as the browser, in Node with the real engine:
 * exact counts from the truth file, every record placed in a buurt, themes from the
 * category mapping, and the load is atomic and leaves other datasets alone.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { GEMEENTE_TABLES } from '../../src/lib/data/gemeente';
import { DEMO_DATASET, loadDemo, type FileSource } from '../../src/lib/data/load-demo';
import { buildPeriodQuery, buildTableCountsQuery } from '../../src/lib/data/queries/overview';
import { themeForCategory } from '../../src/lib/data/themes';
import {
  DATA_DIR,
  directorySource,
  loadDemoInNode,
  readTruth,
  type Truth,
} from '../helpers/demo-node';

let conn: Connector;
let truth: Truth;
const count = async (sql: string, params: (string | number)[] = []) =>
  (await conn.query<{ n: number }>({ sql, params }))[0].n;

beforeAll(async () => {
  truth = await readTruth();
  conn = await loadDemoInNode();
});
afterAll(() => conn.close());

describe('demo load', () => {
  it('loads exactly the counts of the truth file', async () => {
    const counts = Object.fromEntries(
      (await conn.query<{ table_name: string; n: number }>(buildTableCountsQuery())).map((r) => [
        r.table_name,
        r.n,
      ]),
    );
    expect(counts.incidents).toBe(truth.counts.incidents);
    expect(counts.meldingen).toBe(truth.counts.meldingen);
    expect(counts.visits).toBe(truth.counts.visits);
    expect(counts.buildings).toBe(truth.counts.buildings);
    expect(counts.watch_locations).toBe(truth.counts.watch_locations);
    expect(counts.interventions).toBe(truth.counts.interventions);
    expect(counts.areas).toBe(1 + truth.counts.wijken + truth.counts.buurten);
  });

  it('covers the period of the truth file', async () => {
    const [period] = await conn.query<{ first: number; last: number }>(buildPeriodQuery());
    expect(new Date(period.first).toISOString().slice(0, 10)).toBe(truth.period.from);
    expect(new Date(period.last).toISOString().slice(0, 10)).toBe(truth.period.to);
  });

  it('assigns every record and building to a buurt and its wijk', async () => {
    for (const table of ['incidents', 'meldingen', 'visits', 'buildings']) {
      expect(
        await count(
          `SELECT count(*) AS n FROM ${table} WHERE buurtcode IS NULL OR wijkcode IS NULL`,
        ),
      ).toBe(0);
      // The wijk is the buurt's parent in the areas table.
      expect(
        await count(`SELECT count(*) AS n FROM ${table} t JOIN areas a ON a.code = t.buurtcode AND a.level = 'buurt'
                     WHERE a.parent <> t.wijkcode`),
      ).toBe(0);
    }
    expect(await count('SELECT count(DISTINCT buurtcode) AS n FROM meldingen')).toBeGreaterThan(15);
  });

  it('gives every row of every table Donderdeel’s gemeente code (its boundary, GM9901)', async () => {
    for (const table of GEMEENTE_TABLES) {
      const rows = await conn.query<{ g: string | null; n: number }>({
        sql: `SELECT gemeente AS g, count(*)::INTEGER AS n FROM ${table} GROUP BY 1`,
      });
      expect(rows, table).toEqual([{ g: 'GM9901', n: expect.any(Number) }]);
    }
  });

  it('derives each melding theme from the category mapping', async () => {
    const rows = await conn.query<{ main_category: string; sub_category: string; theme: string }>({
      sql: 'SELECT DISTINCT main_category, sub_category, theme FROM meldingen',
    });
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows)
      expect(row.theme).toBe(themeForCategory(row.main_category, row.sub_category));
  });

  it('keeps area codes as strings and CBS sentinels as unknown inhabitants', async () => {
    const codes = await conn.query<{ code: string }>({ sql: 'SELECT code FROM areas' });
    for (const { code } of codes)
      expect(code).toMatch(/^(GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$/);
    expect(await count('SELECT count(*) AS n FROM areas WHERE inhabitants < 0')).toBe(0);
  });

  it('reloading replaces the demo without duplicates and leaves other datasets alone', async () => {
    await conn.exec(`INSERT INTO incidents (id, occurred_from, occurred_to, theme, dataset)
                     VALUES ('EIGEN-1', TIMESTAMP '2026-01-01 10:00:00', TIMESTAMP '2026-01-01 10:00:00', 'afval', 'import-1')`);
    await loadDemo(conn, directorySource(DATA_DIR));
    expect(
      await count('SELECT count(*) AS n FROM incidents WHERE dataset = ?', [DEMO_DATASET]),
    ).toBe(truth.counts.incidents);
    expect(await count("SELECT count(*) AS n FROM incidents WHERE dataset = 'import-1'")).toBe(1);
    await conn.exec("DELETE FROM incidents WHERE dataset = 'import-1'");
  });

  it('a load that fails midway leaves the previous data intact', async () => {
    const broken: FileSource = {
      async read(name) {
        const bytes = new Uint8Array(await readFile(path.join(DATA_DIR, name)));
        if (name !== 'visits.csv') return bytes;
        // A visits file whose 100th row has an impossible timestamp: the CSV reader fails
        // after incidents and meldingen were already written inside the transaction.
        const lines = new TextDecoder().decode(bytes).split('\n');
        lines[100] = lines[100].replace(
          /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/,
          '2025-13-45 99:99:99',
        );
        return new TextEncoder().encode(lines.join('\n'));
      },
    };
    await expect(loadDemo(conn, broken)).rejects.toThrow();
    expect(await count('SELECT count(*) AS n FROM incidents')).toBe(truth.counts.incidents);
    expect(await count('SELECT count(*) AS n FROM visits')).toBe(truth.counts.visits);
    expect(await count('SELECT count(*) AS n FROM areas')).toBe(
      1 + truth.counts.wijken + truth.counts.buurten,
    );
  });
});
