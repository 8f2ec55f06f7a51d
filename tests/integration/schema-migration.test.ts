/**
 * Schema 2 (`gemeente` on every record and area, data/gemeente.ts): workspaces and
 * publications of schema 1 still open, each row with its gemeente; imports place new rows
 * in the gemeente of their area. Fixtures of schema 1: tests/fixtures/v1 (README there).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase, readSchemaVersion } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { fillGemeente, GEMEENTE_TABLES, namedGemeenteCode } from '../../src/lib/data/gemeente';
import { importAreas } from '../../src/lib/data/import/areas';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import { ipcColumnNames } from '../../src/lib/data/ipc-insert';
import {
  parseManifest,
  readVerified,
  replaceWithPublication,
  selectFiles,
} from '../../src/lib/data/published';
import { SCHEMA_VERSION } from '../../src/lib/data/schema';
import { restoreSnapshot, takeSnapshot } from '../../src/lib/data/snapshot';
import { decodeWorkspace } from '../../src/lib/data/workspace-file';
import { directoryReader } from '../../scripts/lib/publish-files';
import { DATA_DIR, loadDemoInNode } from '../helpers/demo-node';

const V1 = path.resolve(import.meta.dirname, '../fixtures/v1');
const IMPORT = path.resolve(import.meta.dirname, '../fixtures/import');
const bytesOf = async (file: string) => new Uint8Array(await readFile(file));

let conn: Connector | null = null;
afterEach(async () => {
  await conn?.close();
  conn = null;
});

/** Per table: gemeente → rows (NULL as 'NULL'), tables without rows left out. */
async function gemeenten(c: Connector): Promise<Record<string, Record<string, number>>> {
  const rows = await c.query<{ t: string; g: string; n: number }>({
    sql: GEMEENTE_TABLES.map(
      (t) =>
        `SELECT '${t}' AS t, coalesce(gemeente, 'NULL') AS g, count(*)::INTEGER AS n FROM ${t} GROUP BY 2`,
    ).join(' UNION ALL '),
  });
  const result: Record<string, Record<string, number>> = {};
  for (const { t, g, n } of rows) result[t] = { ...result[t], [g]: n };
  return result;
}

describe('a workspace file of schema 1', () => {
  it('opens with every row in its gemeente: the boundary’s code', async () => {
    const snapshot = await decodeWorkspace(await bytesOf(path.join(V1, 'donderdeel-v1.wijkradar')));
    expect(snapshot.manifest.schema_version).toBe(1);
    expect(ipcColumnNames(snapshot.tables.get('incidents')!)).not.toContain('gemeente');
    conn = await createNodeConnector();
    await restoreSnapshot(conn, snapshot);
    const { tables } = snapshot.manifest;
    expect(await gemeenten(conn)).toEqual({
      incidents: { GM9901: tables.incidents },
      meldingen: { GM9901: tables.meldingen },
      visits: { GM9901: tables.visits },
      areas: { GM9901: tables.areas },
      buildings: { GM9901: tables.buildings },
      watch_locations: { GM9901: tables.watch_locations },
      interventions: { GM9901: tables.interventions },
    });
    // Saved again, it is a workspace of schema 2 with the column.
    expect(await readSchemaVersion(conn)).toBe(SCHEMA_VERSION);
    const again = await takeSnapshot(conn);
    expect(again.manifest.schema_version).toBe(2);
    expect(ipcColumnNames(again.tables.get('meldingen')!)).toContain('gemeente');
  });

  it('without boundaries or area codes takes the code made from the name set up', async () => {
    const snapshot = await decodeWorkspace(
      await bytesOf(path.join(V1, 'zonder-grenzen-v1.wijkradar')),
    );
    expect(snapshot.manifest.settings.municipality).toBe('Voorbeeldstad');
    conn = await createNodeConnector();
    await restoreSnapshot(conn, snapshot);
    const code = namedGemeenteCode('Voorbeeldstad');
    expect(code).toMatch(/^GMX[0-9A-F]{8}$/);
    expect(code).not.toBe(namedGemeenteCode('Andere gemeente'));
    expect(await gemeenten(conn)).toEqual({ incidents: { [code]: 30 } });
  });
});

describe('a publication of schema 1', () => {
  it('opens with every row in its gemeente', async () => {
    const reader = directoryReader(path.join(V1, 'publicatie-v1'));
    const manifest = parseManifest(await reader.read('manifest.json'));
    expect(manifest.schema_version).toBe(1);
    const files = selectFiles(manifest);
    conn = await createNodeConnector();
    await replaceWithPublication(conn, files, await readVerified(reader, files));
    const counts = await gemeenten(conn);
    for (const table of GEMEENTE_TABLES) {
      expect(counts[table], table).toEqual({ GM9901: manifest.tables[table] });
    }
  });
});

describe('imports', () => {
  it('place new records in the gemeente of the boundaries loaded', async () => {
    conn = await createNodeConnector();
    await initDatabase(conn);
    for (const file of ['gemeente.geojson', 'wijken.geojson']) {
      await importAreas(conn, file, await bytesOf(path.join(DATA_DIR, file)), 'gebieden');
    }
    const prepared = await prepareImport(
      conn,
      'incidents',
      'labels.csv',
      await bytesOf(path.join(IMPORT, 'incidenten-nederlandse-labels.csv')),
    );
    const themes = { Graffiti: 'overig', Wildplassen: 'overig' } as const;
    const report = await runImport(
      conn,
      { ...prepared, plan: { ...prepared.plan, themes } },
      { dataset: 'labels' },
    );
    expect(report.rows.accepted).toBe(12);
    expect(await gemeenten(conn)).toEqual({ areas: { GM9901: 9 }, incidents: { GM9901: 12 } });
  });

  it('give each row the gemeente of the wijk it lies in when several are loaded', async () => {
    conn = await loadDemoInNode();
    // A second gemeente owns the wijk Zuid (as in a region's data).
    await conn.exec(`INSERT INTO areas SELECT 'GM9902', 'Tweede', 'gemeente', NULL, NULL, FALSE,
        NULL, geometry, min_lon, min_lat, max_lon, max_lat, 'test', NULL
      FROM areas WHERE code = 'WK990103'`);
    await conn.exec("UPDATE areas SET parent = 'GM9902' WHERE code = 'WK990103'");
    await fillGemeente(conn, { all: true });
    const [row] = await conn.query<Record<string, number>>({
      sql: `SELECT
          count(*) FILTER (WHERE gemeente = 'GM9902')::INTEGER AS tweede,
          count(*) FILTER (WHERE wijkcode = 'WK990103')::INTEGER AS zuid,
          count(*) FILTER (WHERE gemeente = 'GM9901')::INTEGER AS donderdeel,
          count(*)::INTEGER AS total
        FROM incidents`,
    });
    expect(row.tweede).toBeGreaterThan(0);
    expect(row.tweede).toBe(row.zuid);
    expect(row.donderdeel).toBe(row.total - row.zuid);
    const buurten = await conn.query<{ gemeente: string; n: number }>({
      sql: `SELECT gemeente, count(*)::INTEGER AS n FROM areas
        WHERE level = 'buurt' AND parent = 'WK990103' GROUP BY 1`,
    });
    expect(buurten.map((b) => b.gemeente)).toEqual(['GM9902']);
  });
});
