/**
 * Area boundaries from every real source (issue 22, item 2): CBS/PDOK wijken and buurten
 * in current camelCase and older upper-case fields, as GeoJSON (WGS84 and RD), GeoPackage
 * and zipped Shapefile; names only; a gemeente with wijken only; invalid geometry per
 * feature. Fixtures and their provenance: tests/fixtures/import/README.md.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAreaRates } from '../../src/lib/analysis/area-rates';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { importAreas, type AreaImportOptions } from '../../src/lib/data/import/areas';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import { nodeSqlite } from '../../src/lib/data/import/sqlite-node';
import { ImportError } from '../../src/lib/data/import/stage';
import { buildZip } from '../../src/lib/data/zip';
import { readZipDirectory, readZipEntries } from '../../src/lib/data/zip-reader';
import { loadDemoInNode } from '../helpers/demo-node';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const fixture = async (name: string) => new Uint8Array(await readFile(path.join(FIXTURES, name)));
const READERS = { sqlite: nodeSqlite };
const TRIANGLE = [
  [
    [6.1, 52],
    [6.2, 52],
    [6.2, 52.1],
    [6.1, 52],
  ],
];

/** A database of its own for one describe block. */
function useDatabase(open: () => Promise<Connector> = createNodeConnector): () => Connector {
  let conn: Connector;
  beforeAll(async () => {
    conn = await open();
  });
  afterAll(() => conn.close());
  return () => conn;
}

async function importFixture(conn: Connector, name: string, options: AreaImportOptions = {}) {
  return importAreas(conn, name, await fixture(name), 'grenzen', { readers: READERS, ...options });
}

async function stored(conn: Connector, level: string) {
  return conn.query<{
    code: string;
    name: string | null;
    parent: string | null;
    inhabitants: number | null;
  }>({
    sql: 'SELECT code, name, parent, inhabitants FROM areas WHERE level = ? ORDER BY code',
    params: [level],
  });
}

describe('CBS/PDOK boundaries in every format and spelling', () => {
  const db = useDatabase();

  it.each([
    ['buurten-pdok-camelcase.geojson', 'geojson', 'wgs84'],
    ['buurten-cbs-oud-rd.zip', 'shapefile', 'rd'],
  ])(
    '%s: buurten with their wijk, sentinel inhabitants, a derived gemeente',
    async (name, format, crs) => {
      const report = await importFixture(db(), name);
      expect(report).toMatchObject({
        format,
        crs,
        levels: ['buurt'],
        features: 4,
        accepted: 4,
        rejected: [],
        repaired: [],
        generatedCodes: 0,
        derived: { gemeente: true },
        areas: { gemeente: 1, buurt: 4 },
        assignedTo: 'buurt',
      });
      expect(await stored(db(), 'buurt')).toEqual([
        { code: 'BU09990101', name: 'Westzuid', parent: 'WK099901', inhabitants: 3900 },
        { code: 'BU09990102', name: 'Westnoord', parent: 'WK099901', inhabitants: 4220 },
        { code: 'BU0999A201', name: 'Oostzuid', parent: 'WK0999A2', inhabitants: null },
        { code: 'BU0999A202', name: 'Oostnoord', parent: 'WK0999A2', inhabitants: 6045 },
      ]);
      const [gemeente] = await db().query<{ code: string; name: string } & Record<string, number>>({
        sql: "SELECT code, name, min_lon, min_lat, max_lon, max_lat FROM areas WHERE level = 'gemeente'",
      });
      expect(gemeente.code).toBe('GM0999');
      expect(gemeente.name).toBe('Voorbeeldstad');
      // The dissolved outline spans the four buurten (RD → WGS84 within a millimetre's worth).
      [6.11, 51.99, 6.33, 52.12].forEach((v, i) =>
        expect(gemeente[['min_lon', 'min_lat', 'max_lon', 'max_lat'][i]]).toBeCloseTo(v, 6),
      );
    },
  );

  it('RD GeoJSON from the PDOK WFS (camelCase, crs member): wijken only', async () => {
    const report = await importFixture(db(), 'wijken-pdok-camelcase-rd.geojson');
    expect(report).toMatchObject({ crs: 'rd', levels: ['wijk'], accepted: 2 });
    expect((await stored(db(), 'wijk')).map((w) => [w.code, w.parent, w.inhabitants])).toEqual([
      ['WK099901', 'GM0999', 8120],
      ['WK0999A2', 'GM0999', 6045],
    ]);
  });

  it('a GeoPackage with a layer per level imports both levels', async () => {
    const report = await importFixture(db(), 'wijken-buurten-cbs.gpkg');
    expect(report).toMatchObject({
      format: 'geopackage',
      crs: 'rd',
      levels: ['buurt', 'wijk'],
      accepted: 6,
      rejected: [],
      areas: { gemeente: 1, wijk: 2, buurt: 4 },
    });
    expect((await stored(db(), 'buurt')).map((b) => b.parent)).toEqual([
      'WK099901',
      'WK099901',
      'WK0999A2',
      'WK0999A2',
    ]);
  });
});

describe('names only, one level, derived hierarchy', () => {
  const db = useDatabase();

  it('names only: the level is asked for, in Dutch', async () => {
    const error = await importFixture(db(), 'buurten-eigen-gis-namen.geojson').catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toMatch(/Kies het niveau \(gemeente, wijk of buurt\)/);
    expect(error.message).toContain('name, fid');
  });

  it('names only with a level: stable generated codes', async () => {
    const first = await importFixture(db(), 'buurten-eigen-gis-namen.geojson', { level: 'buurt' });
    expect(first).toMatchObject({ accepted: 4, generatedCodes: 4, levels: ['buurt'] });
    const codes = (await stored(db(), 'buurt')).map((b) => b.code);
    codes.forEach((c) => expect(c).toMatch(/^BUX[0-9A-F]{8}$/));
    await importFixture(db(), 'buurten-eigen-gis-namen.geojson', { level: 'buurt' });
    expect((await stored(db(), 'buurt')).map((b) => b.code)).toEqual(codes);
  });

  it("a buurt's wijk is derived by containment when the file lacks it", async () => {
    const report = await importFixture(db(), 'wijken-statcode.geojson');
    expect(report.derived.parents).toBeGreaterThanOrEqual(4);
    const buurten = await stored(db(), 'buurt');
    const wijkOf = Object.fromEntries(buurten.map((b) => [b.name, b.parent]));
    expect(wijkOf).toEqual({
      Westzuid: 'WK099901',
      Westnoord: 'WK099901',
      Oostzuid: 'WK0999A2',
      Oostnoord: 'WK0999A2',
    });
    // The gemeente outline now comes from the wijken; wijken belong to it.
    expect((await stored(db(), 'wijk')).map((w) => w.parent)).toEqual(['GM0999', 'GM0999']);
  });

  it('a mapping names the columns of an own GIS export', async () => {
    const fresh = await createNodeConnector();
    try {
      const report = await importAreas(
        fresh,
        'eigen.geojson',
        new TextEncoder().encode(
          JSON.stringify({
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                properties: { ID: 'W-1', OMSCHR: 'Alles', SOORT: 'wijk', INW: '120' },
                geometry: {
                  type: 'Polygon',
                  coordinates: TRIANGLE,
                },
              },
            ],
          }),
        ),
        'eigen',
        { mapping: { code: 'ID', name: 'OMSCHR', level: 'SOORT', inhabitants: 'INW' } },
      );
      expect(report).toMatchObject({ levels: ['wijk'], accepted: 1 });
      expect(await stored(fresh, 'wijk')).toEqual([
        { code: 'W-1', name: 'Alles', parent: expect.any(String), inhabitants: 120 },
      ]);
    } finally {
      await fresh.close();
    }
  });
});

describe('records in wijken when there are no buurten', () => {
  const db = useDatabase(loadDemoInNode);

  it('every stored record is reassigned to a wijk (buurtcode NULL), in one import', async () => {
    await db().exec("DELETE FROM areas WHERE level IN ('buurt', 'wijk')");
    const report = await importFixture(db(), 'wijken-pdok-camelcase-rd.geojson');
    expect(report).toMatchObject({ assignedTo: 'wijk', unassignedRecords: 0 });
    const rows = await db().query<{ wijkcode: string | null; buurten: number; n: number }>({
      sql: `SELECT wijkcode, CAST(count(buurtcode) AS INTEGER) AS buurten, CAST(count(*) AS INTEGER) AS n
            FROM incidents WHERE lon IS NOT NULL GROUP BY wijkcode ORDER BY wijkcode`,
    });
    expect(rows.map((r) => r.wijkcode)).toEqual(['WK099901', 'WK0999A2']);
    expect(rows.every((r) => r.buurten === 0 && r.n > 0)).toBe(true);
  });

  it('a new export is placed in the wijken too (no "not iterable" crash)', async () => {
    const bytes = await fixture('signalen-meldingen.csv');
    const prepared = await prepareImport(db(), 'meldingen', 'signalen.csv', bytes);
    const report = await runImport(db(), prepared, { dataset: 'wijk-test', commit: true });
    expect(report.rows.accepted).toBeGreaterThan(0);
    const rows = await db().query<{ wijkcode: string | null; buurtcode: string | null }>({
      sql: "SELECT DISTINCT wijkcode, buurtcode FROM meldingen WHERE dataset = 'wijk-test' AND lon IS NOT NULL",
    });
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((r) => {
      expect(['WK099901', 'WK0999A2']).toContain(r.wijkcode);
      expect(r.buurtcode).toBeNull();
    });
  });
});

describe('invalid input: repaired or refused per feature, with a Dutch reason', () => {
  const db = useDatabase();

  it('repairs unclosed rings, winding and self-intersections; rejects the rest', async () => {
    const report = await importFixture(db(), 'buurten-ongeldige-geometrie.geojson');
    expect(report.accepted).toBe(4);
    expect(report.repaired).toEqual([
      { feature: 2, repairs: ['ring gesloten'] },
      { feature: 3, repairs: ['draairichting gecorrigeerd'] },
      { feature: 4, repairs: ['zelfdoorsnijding hersteld'] },
    ]);
    expect(report.rejected).toEqual([
      { feature: 5, reason: 'Lege geometrie (geen vlak met oppervlak)' },
      { feature: 6, reason: 'Geen vlak (Polygon of MultiPolygon) maar LineString' },
      { feature: 7, reason: 'Coördinaat onleesbaar (geen getal)' },
      { feature: 8, reason: 'Geen geometrie' },
      { feature: 9, reason: 'Coördinaat oneindig groot' },
    ]);
    const [bowtie] = await db().query<{ geometry: string }>({
      sql: "SELECT geometry FROM areas WHERE code = 'BU0999A202'",
    });
    expect(JSON.parse(bowtie.geometry).coordinates).toHaveLength(2); // its two triangles
  });

  it('a missing, empty or fractional population is stored as unknown (NULL), "1.234" as 1234', async () => {
    const populations: unknown[] = [undefined, null, '', '1.234', '1.234,0', '12,5', 35];
    const bytes = new TextEncoder().encode(
      JSON.stringify({
        type: 'FeatureCollection',
        features: populations.map((aantal_inwoners, i) => ({
          type: 'Feature',
          properties: { buurtcode: `BU099900${i}`, aantal_inwoners },
          // Side by side: one derived gemeente outline around them.
          geometry: {
            type: 'Polygon',
            coordinates: TRIANGLE.map((ring) => ring.map(([x, y]) => [x + 0.1 * i, y])),
          },
        })),
      }),
    );
    const report = await importAreas(db(), 'inwoners.geojson', bytes, 'x');
    expect(report.accepted).toBe(populations.length);
    expect(report.repaired).toEqual([
      { feature: 6, repairs: ['aantal inwoners ‘12,5’ is geen heel getal: onbekend gelaten'] },
    ]);
    const rows = await stored(db(), 'buurt');
    expect(rows.map((r) => r.inhabitants)).toEqual([null, null, null, 1234, 1234, null, 35]);
    // Unknown reads as "onbekend" in the rates, never as "geen inwoners".
    const rates = computeAreaRates(
      rows.map((r) => ({ ...r, water: false })),
      new Map(),
    );
    const statuses = new Set(rates.map((r) => r.status));
    expect([...statuses].sort()).toEqual(['ok', 'onbekend', 'te-weinig-inwoners']);
    expect(rates.at(-1)).toMatchObject({ inhabitants: 35, status: 'te-weinig-inwoners' });
  });

  it('bad nesting is one feature\'s problem, not the file\'s ("poly[0] is not iterable")', async () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { buurtcode: 'BU1' },
            geometry: { type: 'Polygon', coordinates: [5] },
          },
          {
            type: 'Feature',
            properties: { buurtcode: 'BU2' },
            geometry: {
              type: 'Polygon',
              coordinates: TRIANGLE,
            },
          },
        ],
      }),
    );
    const report = await importAreas(db(), 'nest.geojson', bytes, 'x');
    expect(report.accepted).toBe(1);
    expect(report.rejected).toEqual([{ feature: 1, reason: 'Ring onleesbaar' }]);
  });

  it.each([
    ['geen-json.geojson', new TextEncoder().encode('wijk;naam\n1;a'), /geen leesbare GeoJSON/],
    [
      'leeg.geojson',
      new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'),
      /geen gebieden/,
    ],
    ['los.shp', new Uint8Array([0, 0, 39, 10]), /pak de \.shp, \.dbf en \.prj samen in één \.zip/],
    [
      'zonder-shp.zip',
      buildZip(new Map([['lees mij.txt', new Uint8Array([65])]])),
      /geen Shapefile/,
    ],
    [
      'zonder-dbf.zip',
      buildZip(new Map([['buurten.shp', new Uint8Array(100)]])),
      /ontbreekt het \.dbf-bestand/,
    ],
  ])('%s is refused with what to do', async (name, bytes, message) => {
    const error = await importAreas(db(), name, bytes, 'x', { readers: READERS }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toMatch(message);
  });

  it('a Shapefile in another projection is refused', async () => {
    const zip = await fixture('buurten-cbs-oud-rd.zip');
    const parts = await readZipEntries(zip, readZipDirectory(zip), 1e9);
    parts.set(
      'buurt_2023_v1.prj',
      new TextEncoder().encode('PROJCS["ETRS89 / UTM zone 31N",GEOGCS["ETRS89"],UNIT["metre",1]]'),
    );
    const error = await importAreas(db(), 'utm.zip', buildZip(parts), 'x').catch((e) => e);
    expect(error.message).toMatch(/niet RD New \(EPSG:28992\) of WGS84/);
  });
});

describe('npm run import:check with boundaries', () => {
  const ROOT = path.resolve(import.meta.dirname, '../..');
  async function check(...args: string[]) {
    const run = promisify(execFile);
    const cli = [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/import-check.ts'];
    try {
      const { stdout, stderr } = await run(process.execPath, [...cli, ...args], { cwd: ROOT });
      return { code: 0, json: JSON.parse(stdout), stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, json: JSON.parse(e.stdout), stderr: e.stderr };
    }
  }
  const at = (name: string) => path.join(FIXTURES, name);

  it('names only: exit 2 and a Dutch message; with --level the areas are counted', async () => {
    const refused = await check(at('buurten-eigen-gis-namen.geojson'), '--kind', 'areas');
    expect(refused.code).toBe(2);
    expect(refused.json.error).toMatch(/Kies het niveau/);
    expect(refused.stderr).not.toMatch(/at .*\.ts:\d+/);
    const ok = await check(
      at('buurten-eigen-gis-namen.geojson'),
      '--kind',
      'areas',
      '--level',
      'buurt',
    );
    expect(ok.code).toBe(0);
    expect(ok.json).toMatchObject({ generatedCodes: 4, areas: { gemeente: 1, wijk: 0, buurt: 4 } });
  });

  it('records against wijken only: no crash, areas per level in the report', async () => {
    const { code, json } = await check(
      at('signalen-meldingen.csv'),
      '--kind',
      'meldingen',
      '--areas',
      at('wijken-pdok-camelcase-rd.geojson'),
    );
    expect(code).toBe(0);
    expect(json.areas).toEqual({ gemeente: 1, wijk: 2, buurt: 0 });
    expect(json.rows.accepted).toBeGreaterThan(0);
  });

  it('an unusable boundary file is reported under its own name', async () => {
    const { code, json } = await check(
      at('signalen-meldingen.csv'),
      '--kind',
      'meldingen',
      '--areas',
      at('wijken-statcode.geojson'),
      '--areas',
      at('signalen-meldingen.csv'),
    );
    expect(code).toBe(2);
    expect(json.file).toBe(at('signalen-meldingen.csv'));
    expect(json.error).toMatch(/geen leesbare GeoJSON/);
  });
});
