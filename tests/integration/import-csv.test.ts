/**
 * The import pipeline on exports in the shapes municipalities really send (fixtures with
 * provenance in tests/fixtures/import/README.md), against Donderdeel's real boundaries in
 * the real engine: every row is stored or listed with its Dutch reason, personal-data
 * columns never reach the database, and a failed import changes nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import { rejectedRowsCsv } from '../../src/lib/data/import/rejected-rows';
import type { ImportReport } from '../../src/lib/data/import/report';
import { loadDemoInNode } from '../helpers/demo-node';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const fixture = async (name: string) => new Uint8Array(await readFile(path.join(FIXTURES, name)));

let conn: Connector;
const rows = (sql: string, params: (string | number)[] = []) => conn.query({ sql, params });

beforeAll(async () => {
  conn = await loadDemoInNode();
});
afterAll(() => conn.close());

const reasonCounts = (report: ImportReport) =>
  Object.fromEntries(report.reasons.map((r) => [r.reason, r.count]));

describe('Signalen-style meldingen export (UTF-8, comma, time windows)', () => {
  let report: ImportReport;
  let csv: string;
  beforeAll(async () => {
    const prepared = await prepareImport(
      conn,
      'meldingen',
      'signalen.csv',
      await fixture('signalen-meldingen.csv'),
      {
        sourceLabel: 'Signalen',
      },
    );
    report = await runImport(conn, prepared, { dataset: 'signalen-test' });
    csv = await rejectedRowsCsv(conn, prepared.staged, prepared.plan);
  });

  it('accounts for every row: 6 stored, 5 rejected, each with its Dutch reason', () => {
    expect(report.rows).toEqual({ total: 11, accepted: 6, rejected: 5 });
    expect(reasonCounts(report)).toEqual({
      'Registratienummer ontbreekt': 1,
      'Voorval tot ligt vóór voorval vanaf': 1,
      'Dubbel registratienummer in dit bestand': 1,
      'Locatie buiten de gemeente': 1,
      'Coördinaten onleesbaar': 1,
    });
  });

  it('refuses the free-text and e-mail columns and never stores them', async () => {
    expect(report.refusedColumns.map((c) => [c.column, c.kind])).toEqual([
      ['text', 'vrije tekst'],
      ['reporter_email', 'e-mailadres'],
    ]);
    expect(csv).not.toContain('@example');
    expect(csv).not.toContain('luidruchtig');
    const stored = JSON.stringify(
      await rows("SELECT * FROM meldingen WHERE dataset = 'signalen-test'"),
    );
    expect(stored).not.toContain('@example');
    expect(stored).not.toContain('Zakken naast');
  });

  it('stores the windows, mixed timestamp formats, themes and areas', async () => {
    const stored = await rows(
      `SELECT id, strftime(reported_at, '%Y-%m-%d %H:%M') AS reported, strftime(happened_from, '%Y-%m-%d %H:%M') AS from_,
              theme, status, source, buurtcode, wijkcode
       FROM meldingen WHERE dataset = 'signalen-test' ORDER BY id`,
    );
    expect(stored).toEqual([
      {
        id: 'SIG-1001',
        reported: '2025-06-14 07:12',
        from_: '2025-06-13 22:00',
        theme: 'afval',
        status: 'o',
        source: 'Signalen',
        buurtcode: 'BU99010001',
        wijkcode: 'WK990100',
      },
      {
        id: 'SIG-1002',
        reported: '2025-06-14 08:30',
        from_: null,
        theme: 'jeugd',
        status: 'm',
        source: 'Signalen',
        buurtcode: 'BU99010201',
        wijkcode: 'WK990102',
      },
      {
        id: 'SIG-1003',
        reported: '2025-06-15 21:45',
        from_: '2025-06-15 21:00',
        theme: 'horeca',
        status: 'b',
        source: 'Signalen',
        buurtcode: 'BU99010101',
        wijkcode: 'WK990101',
      },
      {
        id: 'SIG-1005',
        reported: '2025-06-16 11:00',
        from_: null,
        theme: 'honden',
        status: 'o',
        source: 'Signalen',
        buurtcode: 'BU99010302',
        wijkcode: 'WK990103',
      },
      {
        id: 'SIG-1009',
        reported: '2025-06-19 14:00',
        from_: null,
        theme: 'overig',
        status: 'm',
        source: 'Signalen',
        buurtcode: 'BU9901AB01',
        wijkcode: 'WK9901AB',
      },
      {
        id: 'SIG-1010',
        reported: '2025-06-20 15:00',
        from_: null,
        theme: 'ondermijning',
        status: 'b',
        source: 'Signalen',
        buurtcode: 'BU99010402',
        wijkcode: 'WK990104',
      },
    ]);
  });

  it('lists the unmapped category instead of losing it', () => {
    expect(report.unmappedCategories).toEqual([
      { category: 'nieuwe-hoofdcategorie / onbekend-onderwerp', count: 1 },
    ]);
  });

  it('offers every rejected row for download with its reason and value', () => {
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'rij;reden;waarde;id;created_at;incident_date_start;incident_date_end;main_category;sub_category;state;lon;lat;oorspronkelijke regel',
    );
    expect(lines).toHaveLength(6);
    expect(lines[5]).toMatch(/^11;Coördinaten onleesbaar;abc 52.05468;SIG-1011;/);
  });

  it('skips ids that already exist unless replacing is chosen', async () => {
    const again = await prepareImport(
      conn,
      'meldingen',
      'signalen.csv',
      await fixture('signalen-meldingen.csv'),
    );
    const skipped = await runImport(conn, again, { dataset: 'signalen-test-2' });
    expect(skipped.rows.accepted).toBe(0);
    expect(skipped.duplicates.existing).toBe(6);
    expect(reasonCounts(skipped)['Registratienummer bestaat al (overgeslagen)']).toBe(6);

    const replace = await prepareImport(
      conn,
      'meldingen',
      'signalen.csv',
      await fixture('signalen-meldingen.csv'),
      {
        duplicates: 'replace',
      },
    );
    const replaced = await runImport(conn, replace, { dataset: 'signalen-test-3' });
    expect(replaced.rows.accepted).toBe(6);
    const [{ n }] = await rows("SELECT count(*) AS n FROM meldingen WHERE id LIKE 'SIG-%'");
    expect(n).toBe(6);
  });
});

describe('BOA export from Excel (Windows-1252, semicolons, RD New with decimal commas)', () => {
  let report: ImportReport;
  beforeAll(async () => {
    const prepared = await prepareImport(
      conn,
      'incidents',
      'boa.csv',
      await fixture('incidenten-rd-1252.csv'),
    );
    report = await runImport(conn, prepared, { dataset: 'boa-test' });
  });

  it('detects encoding, delimiter and coordinate system', () => {
    expect(report.encoding).toBe('windows-1252');
    expect(report.delimiter).toBe(';');
    expect(report.crs).toMatchObject({ crs: 'rd', swapped: false });
  });

  it('accounts for every row, including one the reader could not split', () => {
    expect(report.rows).toEqual({ total: 9, accepted: 6, rejected: 3 });
    expect(reasonCounts(report)).toEqual({
      'Te weinig kolommen in de regel': 1,
      'Datum/tijd onleesbaar': 1,
      'Locatie buiten de gemeente': 1,
    });
    expect(report.refusedColumns.map((c) => c.column)).toEqual(['Opmerking']);
  });

  it('decodes Windows-1252 text and converts RD to the right buurt', async () => {
    const [row] = await rows(
      "SELECT category, lon, lat, buurtcode FROM incidents WHERE id = '2025-000101'",
    );
    expect(row.category).toBe('Geluidsoverlast café');
    expect(row.lon as number).toBeCloseTo(6.21808, 4);
    expect(row.lat as number).toBeCloseTo(52.05468, 4);
    expect(row.buurtcode).toBe('BU99010001');
  });

  it('moves the non-existent spring-forward time on by an hour and keeps the autumn one', async () => {
    const times = await rows(
      `SELECT id, strftime(occurred_from, '%Y-%m-%d %H:%M') AS t FROM incidents
       WHERE id IN ('2025-000103', '2025-000104', '2025-000105') ORDER BY id`,
    );
    expect(times).toEqual([
      { id: '2025-000103', t: '2026-03-29 03:30' },
      { id: '2025-000104', t: '2026-10-25 02:30' },
      { id: '2025-000105', t: '2026-10-26 00:00' },
    ]);
    expect(report.dstShifted).toBe(1);
  });
});

describe('a failing import leaves the data as it was', () => {
  it('rolls back when the commit fails midway', async () => {
    const before = await rows('SELECT count(*) AS n, sum(hash(id)) AS h FROM incidents');
    const prepared = await prepareImport(
      conn,
      'incidents',
      'boa.csv',
      await fixture('incidenten-rd-1252.csv'),
      {
        duplicates: 'replace',
      },
    );
    // Sabotage the final table after planning: the INSERT inside the transaction fails
    // after the DELETE of the replaced ids already ran.
    const original = conn.query.bind(conn);
    conn.query = (async (query) => {
      if (query.sql.startsWith('INSERT INTO incidents')) throw new Error('schijf vol');
      return original(query);
    }) as Connector['query'];
    await expect(runImport(conn, prepared, { dataset: 'boa-again' })).rejects.toThrow('schijf vol');
    conn.query = original;
    expect(await rows('SELECT count(*) AS n, sum(hash(id)) AS h FROM incidents')).toEqual(before);
  });
});
