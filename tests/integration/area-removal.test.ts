/**
 * A derived gemeente outline follows the areas it was derived from (issue 22): removing
 * the wijken or buurten on the Gegevens screen (removeDataset) removes the outline with
 * them, or derives it again from the areas that remain — the map never keeps the outline
 * of boundaries that are gone, and no record keeps the code of a removed area. Fixtures: tests/fixtures/import/README.md (Voorbeeldstad).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { centroid } from '@turf/turf';
import type { FeatureCollection, Polygon } from 'geojson';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase } from '../../src/lib/data/database';
import { listDatasets, removeDataset } from '../../src/lib/data/datasets';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { countAreas, importAreas } from '../../src/lib/data/import/areas';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

let conn: Connector;
beforeEach(async () => {
  conn = await createNodeConnector();
});
afterEach(() => conn.close());

/** The western wijk's two buurten of the PDOK fixture: half the gemeente. */
async function westBuurten(): Promise<Uint8Array> {
  const file = path.join(FIXTURES, 'buurten-pdok-camelcase.geojson');
  const collection = JSON.parse(await readFile(file, 'utf8'));
  collection.features = collection.features.filter(
    (f: { properties: { wijkCode: string } }) => f.properties.wijkCode === 'WK099901',
  );
  return new TextEncoder().encode(JSON.stringify(collection));
}

async function importFile(name: string, bytes: Uint8Array, dataset: string) {
  return importAreas(conn, name, bytes, dataset);
}

async function gemeenten() {
  return conn.query<{ code: string; dataset: string; max_lon: number }>({
    sql: "SELECT code, dataset, max_lon FROM areas WHERE level = 'gemeente'",
  });
}

const datasets = async () => [...new Set((await listDatasets(conn)).map((d) => d.dataset))];

describe('removing the areas a gemeente outline was derived from', () => {
  it('removes the outline with the buurten it came from', async () => {
    const report = await importFile('buurten.geojson', await westBuurten(), 'buurten');
    expect(report.derived.gemeente).toBe(true);
    expect(await datasets()).toEqual(['afgeleid:buurten', 'buurten']);

    await removeDataset(conn, 'buurten');
    expect(await countAreas(conn)).toEqual({ gemeente: 0, wijk: 0, buurt: 0 });
    expect(await datasets()).toEqual([]);
  });

  it('derives the outline again from the buurten when its wijken are removed', async () => {
    await importFile('buurten.geojson', await westBuurten(), 'buurten');
    const wijken = await readFile(path.join(FIXTURES, 'wijken-statcode.geojson'));
    await importFile('wijken.geojson', new Uint8Array(wijken), 'wijken');
    const [fromWijken] = await gemeenten();
    expect(fromWijken.dataset).toBe('afgeleid:wijken');

    await removeDataset(conn, 'wijken');
    const [buurtEdge] = await conn.query<{ e: number }>({
      sql: "SELECT max(max_lon) AS e FROM areas WHERE level = 'buurt'",
    });
    const after = await gemeenten();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ code: fromWijken.code, dataset: 'afgeleid:buurten' });
    // Half the width: the outline of the western buurten, not of the removed wijken.
    expect(after[0].max_lon).toBeCloseTo(buurtEdge.e, 9);
    expect(after[0].max_lon).toBeLessThan(fromWijken.max_lon - 0.05);
    expect(await datasets()).toEqual(['afgeleid:buurten', 'buurten']);
  });

  it('keeps an imported gemeente; without it, derives one from what remains', async () => {
    const square = [
      [
        [6.1, 51.98],
        [6.34, 51.98],
        [6.34, 52.13],
        [6.1, 52.13],
        [6.1, 51.98],
      ],
    ];
    const gemeente = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { statcode: 'GM0999', statnaam: 'Voorbeeldstad' },
          geometry: { type: 'Polygon', coordinates: square },
        },
      ],
    };
    await importFile('gemeente.geojson', new TextEncoder().encode(JSON.stringify(gemeente)), 'gm');
    await importFile('buurten.geojson', await westBuurten(), 'buurten');
    const wijken = await readFile(path.join(FIXTURES, 'wijken-statcode.geojson'));
    await importFile('wijken.geojson', new Uint8Array(wijken), 'wijken');
    await removeDataset(conn, 'buurten');
    expect(await gemeenten()).toEqual([{ code: 'GM0999', dataset: 'gm', max_lon: 6.34 }]);

    await removeDataset(conn, 'gm');
    const after = await gemeenten();
    expect(after).toMatchObject([{ code: 'GM0999', dataset: 'afgeleid:wijken' }]);
    expect(after[0].max_lon).toBeLessThan(6.34);
    const parents = await conn.query<{ parent: string }>({
      sql: "SELECT DISTINCT parent FROM areas WHERE level = 'wijk'",
    });
    expect(parents).toEqual([{ parent: 'GM0999' }]);
  });

  it('does not bring back an outline removed on purpose', async () => {
    await importFile('buurten.geojson', await westBuurten(), 'buurten');
    await removeDataset(conn, 'afgeleid:buurten');
    expect((await countAreas(conn)).gemeente).toBe(0);
    expect((await countAreas(conn)).buurt).toBe(2);
  });
});

/**
 * Records follow the areas too: removing buurten places every record with coordinates
 * again in the wijken that remain, and removing those leaves records in no area — no
 * record keeps the code of a buurt or wijk that is gone (counts per wijk would otherwise
 * name areas that no longer exist on the map).
 */
describe('records in areas that are removed', () => {
  it('are placed in the wijken that remain, then in no area', async () => {
    await initDatabase(conn);
    const file = path.join(FIXTURES, 'buurten-pdok-camelcase.geojson');
    const buurten = JSON.parse(await readFile(file, 'utf8')) as FeatureCollection<Polygon>;
    for (const [i, feature] of buurten.features.entries()) {
      const [lon, lat] = centroid(feature).geometry.coordinates;
      await conn.query({
        sql: `INSERT INTO incidents (id, occurred_from, occurred_to, theme, lon, lat, dataset)
              VALUES (?, TIMESTAMP '2026-03-01 10:00', TIMESTAMP '2026-03-01 10:00', 'afval', ?, ?, 'registraties')`,
        params: [`R${i + 1}`, lon, lat],
      });
    }
    await importFile('buurten.geojson', new Uint8Array(await readFile(file)), 'buurten');
    const wijken = await readFile(path.join(FIXTURES, 'wijken-statcode.geojson'));
    await importFile('wijken.geojson', new Uint8Array(wijken), 'wijken');
    const codes = async () =>
      (
        await conn.query<{ id: string; buurtcode: string | null; wijkcode: string | null }>({
          sql: 'SELECT id, buurtcode, wijkcode FROM incidents ORDER BY id',
        })
      ).map((r) => [r.id, r.buurtcode, r.wijkcode]);
    expect(await codes()).toEqual([
      ['R1', 'BU09990101', 'WK099901'],
      ['R2', 'BU09990102', 'WK099901'],
      ['R3', 'BU0999A201', 'WK0999A2'],
      ['R4', 'BU0999A202', 'WK0999A2'],
    ]);

    await removeDataset(conn, 'buurten');
    expect(await codes()).toEqual([
      ['R1', null, 'WK099901'],
      ['R2', null, 'WK099901'],
      ['R3', null, 'WK0999A2'],
      ['R4', null, 'WK0999A2'],
    ]);

    await removeDataset(conn, 'wijken');
    expect(await codes()).toEqual([
      ['R1', null, null],
      ['R2', null, null],
      ['R3', null, null],
      ['R4', null, null],
    ]);
  });
});
