/**
 * A register with one row per location and a count column (issue 22, item 4), imported
 * into Testdorp's boundaries in the real engine: each row is stored as its count of
 * records, so the Verkennen counts per wijk and theme equal the sums of `count`; invalid
 * counts are rejected with their reason; `npm run import:check` reports rows and records.
 * Fixture and its expected sums: tests/fixtures/import/eigen-gemeente/README.md.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { importAreas } from '../../src/lib/data/import/areas';
import { buildConvertSql } from '../../src/lib/data/import/convert';
import { countSummary, COUNT_REASONS } from '../../src/lib/data/import/count-column';
import { prepareImport, runImport, type PreparedImport } from '../../src/lib/data/import/pipeline';
import { rejectedRowsCsv } from '../../src/lib/data/import/rejected-rows';
import type { ImportReport } from '../../src/lib/data/import/report';
import { buildAreaCountsQuery, buildThemeCountsQuery } from '../helpers/oracles/base-table-queries';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIR = path.join(ROOT, 'tests/fixtures/import/eigen-gemeente');
const FILE = path.join(DIR, 'ongevallen-per-locatie.csv');
const AREAS = ['gemeente', 'wijken', 'buurten'].map((l) => path.join(DIR, `testdorp-${l}.geojson`));
const read = async (file: string) => new Uint8Array(await readFile(file));

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
  await initDatabase(conn);
  for (const file of AREAS) await importAreas(conn, path.basename(file), await read(file), 'td');
});
afterAll(() => conn.close());

const reasons = (report: ImportReport) =>
  Object.fromEntries(report.reasons.map((r) => [r.reason, r.count]));
const stored = async (dataset: string) =>
  (
    await conn.query<{ n: number; ids: number; copies: number }>({
      sql: `SELECT count(*) AS n, count(DISTINCT id) AS ids,
              count(*) FILTER (WHERE regexp_matches(id, '#[0-9]+$')) AS copies
            FROM incidents WHERE dataset = ?`,
      params: [dataset],
    })
  )[0];

describe('a register with one row per location and a count column', () => {
  let report: ImportReport;
  let prepared: PreparedImport;
  it('proposes the count column and generated ids', async () => {
    prepared = await prepareImport(conn, 'incidents', 'ongevallen.csv', await read(FILE));
    expect(prepared.problems).toEqual([]);
    expect(prepared.staged.headers[prepared.plan.columns.count]).toBe('count');
    expect(prepared.plan.ids).toBe('generated');
    report = await runImport(conn, prepared, { dataset: 'bron' });
  });

  it('stores each valid row as its count of records, and accounts for every row', async () => {
    expect(report.rows).toEqual({ total: 16, accepted: 10, rejected: 6 });
    expect(report.records).toBe(33);
    expect(report.countColumn).toBe('count');
    expect(report.timePrecision).toEqual({ exact: 0, day: 0, month: 0, year: 33 });
    expect(countSummary(report)).toBe('10 rijen → 33 registraties (kolom count)');
    expect(await stored('bron')).toEqual({ n: 33, ids: 33, copies: 23 });
  });

  it('rejects invalid counts with their reason, listed with the value', async () => {
    expect(reasons(report)).toEqual({
      [COUNT_REASONS.belowOne]: 2,
      [COUNT_REASONS.fraction]: 1,
      [COUNT_REASONS.unreadable]: 1,
      [COUNT_REASONS.tooLarge]: 1,
      [COUNT_REASONS.missing]: 1,
    });
    // The work tables are still those of the import above.
    const csv = await rejectedRowsCsv(conn, prepared.staged, prepared.plan);
    const lines = csv.trim().split('\r\n').slice(1);
    expect(lines.map((l) => l.split(';').slice(1, 3).join(';'))).toEqual([
      'Aantal kleiner dan 1;0',
      'Aantal kleiner dan 1;-2',
      'Aantal is geen geheel getal;1,5',
      'Aantal onleesbaar;twee',
      'Aantal boven 1.000 per rij;1500',
      'Aantal ontbreekt;',
    ]);
  });

  it('counts per wijk and theme in the Verkennen queries equal the sums of count', async () => {
    const wijken = await conn.query(buildAreaCountsQuery(['incidents'], {}, 'wijk'));
    expect(wijken).toEqual([
      { code: 'WK990201', n: 12 },
      { code: 'WK990202', n: 21 },
    ]);
    const themes = await conn.query(buildThemeCountsQuery(['incidents'], {}));
    expect(themes).toEqual([
      { theme: 'overig', n: 17 },
      { theme: 'parkeren', n: 9 },
      { theme: 'jeugd', n: 7 },
    ]);
  });

  it('skips the rows stored already, and replaces every copy without doubling', async () => {
    const bytes = await read(FILE);
    const skipped = await runImport(
      conn,
      await prepareImport(conn, 'incidents', 'ongevallen.csv', bytes),
      { dataset: 'bron' },
    );
    expect(skipped.rows.accepted).toBe(0);
    expect(skipped.records).toBe(0);
    const replaced = await runImport(
      conn,
      await prepareImport(conn, 'incidents', 'ongevallen.csv', bytes, { duplicates: 'replace' }),
      { dataset: 'bron' },
    );
    expect(replaced.records).toBe(33);
    expect(await stored('bron')).toEqual({ n: 33, ids: 33, copies: 23 });
  });
});

describe('files without a count column', () => {
  it('are imported row for row, with no count step in the conversion', async () => {
    const text = new TextDecoder().decode(await read(FILE));
    // The same rows without the count column: every row one record.
    const csv = text
      .split('\r\n')
      .map((line) => line.split(';').slice(0, 5).join(';'))
      .join('\r\n');
    const prepared = await prepareImport(
      conn,
      'incidents',
      'zonder-aantal.csv',
      new TextEncoder().encode(csv),
    );
    expect(prepared.plan.columns.count).toBeUndefined();
    expect(buildConvertSql(prepared.plan)).not.toMatch(/count_|"count"/);
    const report = await runImport(conn, prepared, { dataset: 'zonder' });
    expect(report.rows).toEqual({ total: 16, accepted: 16, rejected: 0 });
    expect(report.records).toBe(16);
    expect(report.countColumn).toBeNull();
    expect(countSummary(report)).toBeNull();
    expect(await stored('zonder')).toEqual({ n: 16, ids: 16, copies: 0 });
  });
});

describe('a typed count column (Arrow)', () => {
  it('expands whole numbers and rejects fractions and zero', async () => {
    const table = tableFromArrays({
      id: ['A-1', 'A-2', 'A-3', 'A-4'],
      datum: ['2025-03-01 10:00', '2025-03-02 11:00', '2025-03-03 12:00', '2025-03-04 13:00'],
      thema: ['afval', 'afval', 'honden', 'honden'],
      lengtegraad: Float64Array.from([4.99, 5.01, 4.99, 5.01]),
      breedtegraad: Float64Array.from([52.01, 51.99, 51.99, 52.01]),
      aantal: Float64Array.from([4, 2.5, 0, 1]),
    });
    const prepared = await prepareImport(conn, 'meldingen', 'a.arrow', tableToIPC(table, 'file'));
    expect(prepared.staged.headers[prepared.plan.columns.count]).toBe('aantal');
    const report = await runImport(conn, prepared, { dataset: 'arrow-aantal' });
    expect(report.rows).toEqual({ total: 4, accepted: 2, rejected: 2 });
    expect(report.records).toBe(5);
    expect(reasons(report)).toEqual({
      [COUNT_REASONS.fraction]: 1,
      [COUNT_REASONS.belowOne]: 1,
    });
    const ids = await conn.query<{ id: string }>({
      sql: "SELECT id FROM meldingen WHERE dataset = 'arrow-aantal' ORDER BY id",
    });
    expect(ids.map((r) => r.id)).toEqual(['A-1', 'A-1#2', 'A-1#3', 'A-1#4', 'A-4']);
  });
});

describe('npm run import:check with a count column', () => {
  it('reports rows and records, with the count column from the mapping file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'wijkradar-aantal-'));
    const profile = path.join(dir, 'bron-profiel.json');
    const mapping = {
      id: 'locatienummer',
      occurred_from: 'JAAR_VKL',
      category: 'Soort ongeval',
      x: 'X_COORD',
      y: 'Y_COORD',
      count: 'count',
    };
    await writeFile(
      profile,
      JSON.stringify({ name: 'BRON', kind: 'incidents', mapping, ids: 'generated' }),
    );
    const cli = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    const args = [cli, 'scripts/import-check.ts', FILE, '--mapping', profile];
    for (const file of AREAS) args.push('--areas', file);
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT });
    expect(JSON.parse(stdout)).toMatchObject({
      rows: { total: 16, accepted: 10, rejected: 6 },
      records: 33,
      countColumn: 'count',
      committed: false,
    });
  });
});
