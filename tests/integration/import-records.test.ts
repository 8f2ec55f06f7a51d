/**
 * Records as real exports have them (fixtures with provenance in
 * tests/fixtures/import/README.md), imported into Donderdeel's boundaries in the real
 * engine: Dutch theme labels find their theme and the rest is listed before the import,
 * a location number taken as record id keeps every row, and single rows with swapped
 * coordinates are corrected and counted. Every row is stored or rejected with a reason.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { importAreas } from '../../src/lib/data/import/areas';
import {
  listUnmappedCategories,
  prepareImport,
  runImport,
} from '../../src/lib/data/import/pipeline';
import type { ImportReport } from '../../src/lib/data/import/report';
import { normalizedLabelSql, normalizeLabel } from '../../src/lib/data/theme-labels';
import { wgs84ToRd } from '../../src/lib/analysis/rd';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const ROOT = path.resolve(import.meta.dirname, '../..');
const DATA = path.join(ROOT, 'data');
const fixture = async (name: string) => new Uint8Array(await readFile(path.join(FIXTURES, name)));

let conn: Connector;
const rows = <T = Record<string, unknown>>(sql: string, params: (string | number)[] = []) =>
  conn.query<T>({ sql, params });

beforeAll(async () => {
  conn = await createNodeConnector();
  await initDatabase(conn);
  for (const file of ['gemeente.geojson', 'wijken.geojson', 'buurten.geojson']) {
    const bytes = new Uint8Array(await readFile(path.join(DATA, file)));
    await importAreas(conn, file, bytes, 'gebieden');
  }
});
afterAll(() => conn.close());

const reasonCounts = (report: ImportReport) =>
  Object.fromEntries(report.reasons.map((r) => [r.reason, r.count]));

function expectAllAccounted(report: ImportReport) {
  expect(report.rows.accepted + report.rows.rejected).toBe(report.rows.total);
  const rejected = report.reasons.reduce((sum, r) => sum + r.count, 0);
  expect(rejected).toBe(report.rows.rejected);
}

describe('the label normaliser in SQL agrees with the one in TypeScript', () => {
  it('on theme names, Dutch labels, Signalen names and slugs', async () => {
    const labels = [
      'Horeca / Alcoholwet',
      'horeca-en-alcoholwet',
      'Overlast café',
      ' Jeugd  overlast! ',
      'Drank- en drugsoverlast',
      'En route & en passant',
      'Loslopende / agressieve honden',
      '---',
    ];
    for (const label of labels) {
      const [{ n }] = await rows<{ n: string }>(`SELECT ${normalizedLabelSql('?')} AS n`, [label]);
      expect(n, label).toBe(normalizeLabel(label));
    }
  });
});

describe('Dutch theme labels (a BOA app export with a Thema column)', () => {
  let report: ImportReport;
  it('lists the categories that would become overig before the import', async () => {
    const prepared = await prepareImport(
      conn,
      'incidents',
      'labels.csv',
      await fixture('incidenten-nederlandse-labels.csv'),
    );
    expect(prepared.problems).toEqual([]);
    expect(prepared.unmapped).toEqual([
      { category: 'Graffiti', count: 2 },
      { category: 'Wildplassen', count: 1 },
    ]);
    // The analyst maps one of them on the screen (any spelling of the listed label).
    const plan = { ...prepared.plan, themes: { GRAFFITI: 'overig' as const } };
    expect(await listUnmappedCategories(conn, prepared.staged, plan)).toEqual([
      { category: 'Wildplassen', count: 1 },
    ]);
    report = await runImport(
      conn,
      { ...prepared, plan: { ...plan, themes: { Wildplassen: 'woonoverlast' } } },
      { dataset: 'labels' },
    );
    expectAllAccounted(report);
    expect(report.rows).toEqual({ total: 12, accepted: 12, rejected: 0 });
    expect(reasonCounts(report)).toEqual({});
  });

  it('stores each label under its theme', async () => {
    const stored = await rows<{ id: string; theme: string }>(
      "SELECT id, theme FROM incidents WHERE dataset = 'labels' ORDER BY id",
    );
    expect(Object.fromEntries(stored.map((r) => [r.id, r.theme]))).toEqual({
      'BOA-2025-0101': 'jeugd',
      'BOA-2025-0102': 'horeca',
      'BOA-2025-0103': 'horeca',
      'BOA-2025-0104': 'afval',
      'BOA-2025-0105': 'parkeren',
      'BOA-2025-0106': 'horeca',
      'BOA-2025-0107': 'jeugd',
      'BOA-2025-0108': 'horeca',
      'BOA-2025-0109': 'honden',
      'BOA-2025-0110': 'overig',
      'BOA-2025-0111': 'overig',
      'BOA-2025-0112': 'woonoverlast',
    });
    expect(report.unmappedCategories).toEqual([{ category: 'Graffiti', count: 2 }]);
  });
});

describe('Signalen display names instead of slugs (meldingen)', () => {
  it('finds the theme through the mapping table, case and punctuation insensitive', async () => {
    const csv = [
      'id,created_at,hoofdcategorie,subcategorie,lon,lat',
      'N-1,2025-06-01 10:00,Overlast Bedrijven en Horeca,Geluidsoverlast muziek,6.2284,52.06249',
      'N-2,2025-06-01 11:00,Overlast van en door personen of groepen,Jongerenoverlast,6.19251,52.06491',
      'N-3,2025-06-01 12:00,Schoon,Uitwerpselen,6.20596,52.04153',
      'N-4,2025-06-01 13:00,Afval,Container bijplaatsing,6.21808,52.05468',
      'N-5,2025-06-01 14:00,Wonen,Woningdelen / spookburgers,6.24823,52.04958',
      'N-6,2025-06-01 15:00,Schoon,Graffiti / wildplak,6.18826,52.05286',
    ].join('\n');
    const bytes = new TextEncoder().encode(csv);
    const prepared = await prepareImport(conn, 'meldingen', 'namen.csv', bytes);
    expect(prepared.unmapped).toEqual([{ category: 'Schoon / Graffiti / wildplak', count: 1 }]);
    const report = await runImport(conn, prepared, { dataset: 'namen' });
    expectAllAccounted(report);
    const stored = await rows<{ id: string; theme: string }>(
      "SELECT id, theme FROM meldingen WHERE dataset = 'namen' ORDER BY id",
    );
    expect(stored.map((r) => r.theme)).toEqual([
      'horeca',
      'jeugd',
      'honden',
      'afval',
      'ondermijning',
      'overig',
    ]);
  });
});

describe('a location number taken as record id (an export per location)', () => {
  let report: ImportReport;
  it('proposes "niet uniek" and stores every registration with a generated id', async () => {
    const bytes = await fixture('incidenten-locatienummer.csv');
    const prepared = await prepareImport(conn, 'incidents', 'locaties.csv', bytes);
    expect(prepared.plan.columns.id).toBe(0);
    expect(prepared.idCheck).toMatchObject({ repeatedRows: 8, differingRows: 7, exactCopies: 1 });
    expect(prepared.plan.ids).toBe('generated');
    report = await runImport(conn, prepared, { dataset: 'locaties' });
    expectAllAccounted(report);
    expect(report.rows).toEqual({ total: 12, accepted: 11, rejected: 1 });
    expect(reasonCounts(report)).toEqual({
      'Dubbele rij in dit bestand (alle kolommen gelijk)': 1,
    });
    const stored = await rows<{ id: string; theme: string }>(
      "SELECT id, theme FROM incidents WHERE dataset = 'locaties' ORDER BY occurred_from",
    );
    expect(stored).toHaveLength(11);
    expect(new Set(stored.map((r) => r.id)).size).toBe(11);
    expect(stored[0].id).toMatch(/^[0-9a-f]{8}-1$/);
    expect(stored.filter((r) => r.theme === 'jeugd')).toHaveLength(3);
  });

  it('meets its own ids on a second import of the same file', async () => {
    const bytes = await fixture('incidenten-locatienummer.csv');
    const prepared = await prepareImport(conn, 'incidents', 'locaties.csv', bytes);
    const again = await runImport(conn, prepared, { dataset: 'locaties-2' });
    expectAllAccounted(again);
    expect(again.rows.accepted).toBe(0);
    expect(again.duplicates.existing).toBe(11);
  });

  it('still rejects the repeats as duplicates when the analyst keeps the ids unique', async () => {
    const bytes = await fixture('incidenten-locatienummer.csv');
    const prepared = await prepareImport(conn, 'incidents', 'locaties.csv', bytes, {
      ids: 'unique',
    });
    const unique = await runImport(conn, prepared, { dataset: 'uniek', commit: false });
    expectAllAccounted(unique);
    expect(reasonCounts(unique)['Dubbel registratienummer in dit bestand']).toBe(8);
  });

  it('leaves a stray repeat (Signalen) a duplicate', async () => {
    const bytes = await fixture('signalen-meldingen.csv');
    const prepared = await prepareImport(conn, 'meldingen', 'signalen.csv', bytes);
    expect(prepared.idCheck.differingRows).toBe(1);
    expect(prepared.plan.ids).toBe('unique');
  });
});

describe('single rows with X and Y swapped', () => {
  it('corrects and counts them in a WGS84 export, never "buiten de gemeente"', async () => {
    const bytes = await fixture('meldingen-xy-verwisseld.csv');
    const prepared = await prepareImport(conn, 'meldingen', 'xy.csv', bytes);
    expect(prepared.plan.coordinates).toMatchObject({ crs: 'wgs84', swapped: false });
    const report = await runImport(conn, prepared, { dataset: 'xy' });
    expectAllAccounted(report);
    expect(report.rows).toEqual({ total: 7, accepted: 6, rejected: 1 });
    expect(report.coordinatesSwapped).toBe(2);
    expect(reasonCounts(report)).toEqual({ 'Locatie buiten de gemeente': 1 });
    const stored = await rows<{ id: string; lon: number; lat: number; buurtcode: string }>(
      "SELECT id, lon, lat, buurtcode FROM meldingen WHERE dataset = 'xy' AND id IN ('MLD-502', 'MLD-505') ORDER BY id",
    );
    expect(stored).toEqual([
      { id: 'MLD-502', lon: 6.24823, lat: 52.04958, buurtcode: expect.any(String) },
      { id: 'MLD-505', lon: 6.2284, lat: 52.06249, buurtcode: expect.any(String) },
    ]);
  });

  it('corrects and counts them in an RD export (points computed with rd.ts)', async () => {
    const points = [
      [6.21808, 52.05468],
      [6.19251, 52.06491],
      [6.2284, 52.06249],
      [6.20596, 52.04153],
      [6.24823, 52.04958],
      [6.18826, 52.05286],
    ].map(([lon, lat]) => wgs84ToRd(lon, lat).map((v) => v.toFixed(2).replace('.', ',')));
    const lines = points.map(([x, y], i) =>
      // The fourth row has Y in the X column and X in the Y column.
      i === 3
        ? `R-${i};0${i + 1}-03-2025 10:00;afval;${y};${x}`
        : `R-${i};0${i + 1}-03-2025 10:00;afval;${x};${y}`,
    );
    const csv = ['nummer;Datum en tijd;Feit;X;Y', ...lines].join('\n');
    const prepared = await prepareImport(
      conn,
      'incidents',
      'rd.csv',
      new TextEncoder().encode(csv),
    );
    expect(prepared.plan.coordinates).toMatchObject({ crs: 'rd', swapped: false });
    const report = await runImport(conn, prepared, { dataset: 'rd-xy' });
    expectAllAccounted(report);
    expect(report.rows).toMatchObject({ total: 6, accepted: 6 });
    expect(report.coordinatesSwapped).toBe(1);
    const [row] = await rows<{ lon: number; lat: number }>(
      "SELECT lon, lat FROM incidents WHERE dataset = 'rd-xy' AND id = 'R-3'",
    );
    expect(row.lon).toBeCloseTo(6.20596, 4);
    expect(row.lat).toBeCloseTo(52.04153, 4);
  });
});

describe('npm run import:check with --mapping', () => {
  const check = async (...args: string[]) => {
    const cli = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, 'scripts/import-check.ts', ...args],
      { cwd: ROOT },
    );
    return JSON.parse(stdout);
  };

  it('applies a mapping file: its columns, its themes and the kind it names', async () => {
    const report = await check(
      path.join(FIXTURES, 'incidenten-nederlandse-labels.csv'),
      '--mapping',
      path.join(FIXTURES, 'boa-app-profiel.json'),
    );
    expect(report).toMatchObject({
      kind: 'incidents',
      rows: { total: 12, accepted: 12, rejected: 0 },
      unmappedCategories: [],
      ignoredColumns: [],
      coordinatesSwapped: 0,
    });
  });

  it('reports the rows with swapped coordinates', async () => {
    const report = await check(
      path.join(FIXTURES, 'meldingen-xy-verwisseld.csv'),
      '--kind',
      'meldingen',
    );
    expect(report).toMatchObject({ rows: { total: 7, accepted: 6 }, coordinatesSwapped: 2 });
  });
});

describe('GeoJSON point coordinates', () => {
  const collection = (crs?: unknown) => ({
    type: 'FeatureCollection',
    ...(crs ? { crs } : {}),
    features: [
      {
        type: 'Feature',
        properties: { id: 'M-1', datum: '2025-05-01 10:00', thema: 'Afval' },
        geometry: { type: 'Point', coordinates: crs ? [195000, 443000] : [6.21808, 52.05468] },
      },
    ],
  });
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

  it('are labelled lengte- and breedtegraad and mapped as such', async () => {
    const prepared = await prepareImport(conn, 'meldingen', 'punten.geojson', encode(collection()));
    expect(prepared.staged.headers.slice(-2)).toEqual(['lengtegraad', 'breedtegraad']);
    expect(prepared.plan.columns).toMatchObject({ lon: 3, lat: 4 });
  });

  it('stay x and y when the file names the Dutch grid', async () => {
    const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } };
    const prepared = await prepareImport(conn, 'meldingen', 'rd.geojson', encode(collection(crs)));
    expect(prepared.staged.headers.slice(-2)).toEqual(['x', 'y']);
    expect(prepared.plan.coordinates?.crs).toBe('rd');
  });
});
