/**
 * The same pipeline for the other formats analysts bring: GeoJSON points, Parquet (read
 * through parquet-wasm; DuckDB's parquet extension is not available offline), Arrow IPC,
 * and CBS/PDOK area boundaries in RD New; plus the command-line check.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { Table as WasmTable, writeParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { pointInMultiPolygon, type MultiPolygonCoords } from '../../src/lib/analysis/area-index';
import { rdToWgs84 } from '../../src/lib/analysis/rd';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { importAreas } from '../../src/lib/data/import/areas';
import { nodeParquetReader, nodeParquetReaderWith } from '../../src/lib/data/import/parquet-node';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import { loadDemoInNode } from '../helpers/demo-node';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/import');

let conn: Connector;
beforeAll(async () => {
  conn = await loadDemoInNode();
});
afterAll(() => conn.close());

/** Three visits in Donderdeel, typed as a registration system would write them. */
function visitsTable() {
  return tableFromArrays({
    bezoeknummer: ['B-1', 'B-2', 'B-3'],
    begin: ['2026-05-01 21:00:00', '2026-05-02 22:15:00', 'gisteren'],
    einde: ['2026-05-01 22:00:00', '2026-05-02 23:00:00', '2026-05-03 01:00:00'],
    soort: ['surveillance', 'controle', 'surveillance'],
    thema: ['jeugd', 'horeca', 'jeugd'],
    lon: Float64Array.from([6.19251, 6.21808, 6.2284]),
    lat: Float64Array.from([52.06491, 52.05468, 52.06249]),
  });
}

describe('Parquet and Arrow', () => {
  it('imports a Parquet file written by another tool', async () => {
    const parquet = writeParquet(WasmTable.fromIPCStream(tableToIPC(visitsTable(), 'stream')));
    expect(new TextDecoder().decode(parquet.subarray(0, 4))).toBe('PAR1');
    const prepared = await prepareImport(conn, 'visits', 'bezoeken.parquet', parquet, {
      parquet: nodeParquetReader,
    });
    expect(prepared.staged.format).toBe('parquet');
    expect(prepared.problems).toEqual([]);
    const report = await runImport(conn, prepared, { dataset: 'parquet-test' });
    expect(report.rows).toEqual({ total: 3, accepted: 2, rejected: 1 });
    expect(report.reasons).toEqual([{ reason: 'Begin bezoek onleesbaar', count: 1 }]);
    const stored = await conn.query({
      sql: "SELECT id, kind, theme, buurtcode FROM visits WHERE dataset = 'parquet-test' ORDER BY id",
    });
    expect(stored).toEqual([
      { id: 'B-1', kind: 'surveillance', theme: 'jeugd', buurtcode: 'BU99010201' },
      { id: 'B-2', kind: 'controle', theme: 'horeca', buurtcode: 'BU99010001' },
    ]);
  });

  it('reads a large Parquet file in chunks: every row once, in the file order', async () => {
    const ids = (n: number) =>
      Array.from({ length: n }, (_, i) => `R-${String(n - i).padStart(5, '0')}`);
    const parquetOf = (n: number) =>
      writeParquet(
        WasmTable.fromIPCStream(
          tableToIPC(
            tableFromArrays({
              nummer: ids(n),
              x: Float64Array.from({ length: n }, (_, i) => 6.19 + i * 1e-6),
            }),
            'stream',
          ),
        ),
      );
    // 2,600 rows in chunks of 1,000 (the last one partial) and 2,000 rows (ends on a chunk).
    for (const n of [2600, 2000]) {
      const prepared = await prepareImport(conn, 'visits', 'veel.parquet', parquetOf(n), {
        parquet: nodeParquetReaderWith(1000),
      });
      expect(prepared.staged.rowCount).toBe(n);
      const rows = await conn.query<{ rn: number; c0: string; c1: number }>({
        sql: 'SELECT rn, c0, c1 FROM import_rows ORDER BY rn',
      });
      expect(rows.map((r) => r.c0)).toEqual(ids(n));
      expect(rows.map((r) => r.rn)).toEqual(ids(n).map((_, i) => i + 1));
      expect(rows[n - 1].c1).toBeCloseTo(6.19 + (n - 1) * 1e-6, 9);
    }
  });

  it('refuses a Parquet file without rows with a Dutch message', async () => {
    const empty = tableFromArrays({ nummer: [] as string[] });
    const parquet = writeParquet(WasmTable.fromIPCStream(tableToIPC(empty, 'stream')));
    await expect(
      prepareImport(conn, 'visits', 'leeg.parquet', parquet, { parquet: nodeParquetReader }),
    ).rejects.toThrow('Het bestand bevat geen rijen met gegevens.');
  });

  it('imports an Arrow IPC file', async () => {
    const ipc = tableToIPC(visitsTable(), 'file');
    const prepared = await prepareImport(conn, 'visits', 'bezoeken.arrow', ipc, {
      duplicates: 'replace',
    });
    expect(prepared.staged.format).toBe('arrow');
    const report = await runImport(conn, prepared, { dataset: 'arrow-test' });
    expect(report.rows.accepted).toBe(2);
  });

  it('refuses a damaged Parquet file with a Dutch message', async () => {
    const parquet = writeParquet(WasmTable.fromIPCStream(tableToIPC(visitsTable(), 'stream')));
    const damaged = parquet.slice(0, parquet.length - 40);
    await expect(
      prepareImport(conn, 'visits', 'kapot.parquet', damaged, { parquet: nodeParquetReader }),
    ).rejects.toThrow('Het Parquet-bestand is onleesbaar.');
  });
});

describe('GeoJSON points', () => {
  it('takes properties as columns and the point as coordinates; other geometries are rejected', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'GB-1', soort: 'stal', leeg_sinds: '2024-03-01', status: 'leegstaand' },
          geometry: { type: 'Point', coordinates: [6.151, 52.07879] },
        },
        {
          type: 'Feature',
          properties: { id: 'GB-2', soort: 'schuur', leeg_sinds: null, status: 'in gebruik' },
          geometry: { type: 'Point', coordinates: [6.149, 52.02779] },
        },
        {
          type: 'Feature',
          properties: { id: 'GB-3', soort: 'loods' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [6.1, 52],
              [6.2, 52.1],
            ],
          },
        },
      ],
    };
    const bytes = new TextEncoder().encode(JSON.stringify(collection));
    const prepared = await prepareImport(conn, 'buildings', 'gebouwen.geojson', bytes);
    const report = await runImport(conn, prepared, { dataset: 'geojson-test' });
    expect(report.rows).toEqual({ total: 3, accepted: 2, rejected: 1 });
    expect(report.reasons).toEqual([{ reason: 'Geen puntgeometrie', count: 1 }]);
    const stored = await conn.query({
      sql: "SELECT id, kind, strftime(vacant_since, '%Y-%m-%d') AS since, wijkcode FROM buildings WHERE dataset = 'geojson-test' ORDER BY id",
    });
    expect(stored).toEqual([
      { id: 'GB-1', kind: 'stal', since: '2024-03-01', wijkcode: 'WK990106' },
      { id: 'GB-2', kind: 'schuur', since: null, wijkcode: 'WK990106' },
    ]);
  });
});

describe('CBS/PDOK boundaries in RD New (older field names)', () => {
  let areasDb: Connector;
  beforeAll(async () => {
    areasDb = await createNodeConnector();
  });
  afterAll(() => areasDb.close());

  it('reads the level, converts RD, keeps codes as strings, holes and sentinels', async () => {
    const bytes = new Uint8Array(await readFile(path.join(FIXTURES, 'wijken-rd-oud-cbs.geojson')));
    const report = await importAreas(areasDb, 'wijken.geojson', bytes, 'cbs');
    expect(report).toMatchObject({
      level: 'wijk',
      crs: 'rd',
      features: 4,
      accepted: 3,
      waterOnly: 1,
    });
    expect(report.rejected).toEqual([{ feature: 4, reason: 'Gebiedscode ontbreekt' }]);
    const rows = await areasDb.query<{
      code: string;
      inhabitants: number | null;
      water: boolean;
      geometry: string;
    }>({
      sql: "SELECT code, inhabitants, water, geometry FROM areas WHERE level = 'wijk' ORDER BY code",
    });
    expect(rows.map((r) => [r.code, r.inhabitants, r.water])).toEqual([
      ['WK099901', 0, true],
      ['WK0999A1', 4210, false],
      ['WK0999B2', null, false],
    ]);
    const a1 = JSON.parse(rows[1].geometry) as { coordinates: number[][][][] };
    expect(a1.coordinates[0]).toHaveLength(2); // outer ring and the hole
    const [lon, lat] = a1.coordinates[0][0][0];
    expect(lon).toBeCloseTo(5.3143, 3); // RD 150000, 450000 (proj4, STACK.md definition)
    expect(lat).toBeCloseTo(52.0383, 3);
  });

  it('a point in the hole of one wijk belongs to the wijk that fills it', async () => {
    const [x, y] = rdToWgs84(151000, 451000);
    const lookup = await areasDb.query<{ code: string; geometry: string }>({
      sql: "SELECT code, geometry FROM areas WHERE level = 'wijk' ORDER BY code",
    });
    const inside = lookup
      .filter((r) =>
        pointInMultiPolygon(
          x,
          y,
          (JSON.parse(r.geometry) as { coordinates: MultiPolygonCoords }).coordinates,
        ),
      )
      .map((r) => r.code);
    expect(inside).toEqual(['WK0999B2']);
  });

  it('new buurt boundaries reassign every stored record', async () => {
    const before = await conn.query<{ n: number }>({
      sql: 'SELECT count(*) AS n FROM incidents WHERE buurtcode IS NOT NULL',
    });
    const buurten = new Uint8Array(await readFile(path.join(ROOT, 'data/buurten.geojson')));
    const report = await importAreas(conn, 'buurten.geojson', buurten, 'demo');
    expect(report.level).toBe('buurt');
    const after = await conn.query<{ n: number }>({
      sql: 'SELECT count(*) AS n FROM incidents WHERE buurtcode IS NOT NULL',
    });
    expect(after).toEqual(before);
    expect(report.unassignedRecords).toBeLessThan(5);
  });
});

describe('npm run import:check', () => {
  it('prints the import report as JSON and stores nothing', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        'scripts/import-check.ts',
        path.join(FIXTURES, 'signalen-meldingen.csv'),
        '--kind',
        'meldingen',
      ],
      { cwd: ROOT },
    );
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      encoding: 'utf-8',
      delimiter: ',',
      crs: { crs: 'wgs84', swapped: false },
      rows: { total: 11, accepted: 6, rejected: 5 },
      committed: false,
    });
    expect(report.refusedColumns.map((c: { column: string }) => c.column)).toEqual([
      'text',
      'reporter_email',
    ]);
  });
});
