/**
 * Time precision read from the content (issue 22, item 3): a registration export with a
 * date column and a separate clock-time column named `Tijdstip`, one with whole hours in a
 * column `Uur`, a year-only register and a date-only export (fixtures with provenance in tests/fixtures/import/README.md). Every
 * row is stored or rejected with a Dutch reason, and each record keeps how precisely its
 * time is known.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import type { ImportReport } from '../../src/lib/data/import/report';
import { loadDemoInNode } from '../helpers/demo-node';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const fixture = async (name: string) => new Uint8Array(await readFile(path.join(FIXTURES, name)));

let conn: Connector;
beforeAll(async () => {
  conn = await loadDemoInNode();
});
afterAll(() => conn.close());

async function importFixture(name: string, dataset: string) {
  const prepared = await prepareImport(conn, 'incidents', name, await fixture(name));
  const report = await runImport(conn, prepared, { dataset, now: new Date(2026, 10, 1) });
  const stored = await conn.query<{ id: string; at: string; precision: string }>({
    sql: `SELECT id, strftime(occurred_from, '%Y-%m-%d %H:%M') AS at, time_precision AS precision
          FROM incidents WHERE dataset = ? ORDER BY id`,
    params: [dataset],
  });
  return { prepared, report, stored };
}

const reasons = (report: ImportReport) =>
  Object.fromEntries(report.reasons.map((r) => [r.reason, r.count]));

describe('registration export with Datum constatering + Tijdstip (HH:MM)', () => {
  let result: Awaited<ReturnType<typeof importFixture>>;
  beforeAll(async () => {
    result = await importFixture('registratie-datum-tijdstip.csv', 'registratie');
  });

  it('maps Tijdstip as the clock time beside the date column, not as the timestamp', () => {
    const { plan, staged } = result.prepared;
    const header = (field: string) => staged.headers[plan.columns[field]];
    expect(header('occurred_date')).toBe('Datum constatering');
    expect(header('occurred_time')).toBe('Tijdstip');
    expect(plan.columns.occurred_from).toBeUndefined();
    expect(result.prepared.problems).toEqual([]);
  });

  it('stores every row with date and time combined; an empty time keeps day precision', () => {
    expect(result.report.rows).toEqual({ total: 10, accepted: 10, rejected: 0 });
    expect(result.stored.slice(0, 4).map((r) => [r.at, r.precision])).toEqual([
      ['2026-02-03 14:05', 'exact'],
      ['2026-02-03 23:40', 'exact'],
      ['2026-02-14 08:15', 'exact'],
      ['2026-02-21 09:30', 'exact'],
    ]);
    expect(result.stored.find((r) => r.id === '2026-Z006')).toMatchObject({
      at: '2026-03-07 00:00',
      precision: 'day',
    });
    // The DST gap still moves a reading an hour forward.
    expect(result.stored.find((r) => r.id === '2026-Z009')?.at).toBe('2026-03-29 03:30');
    expect(result.report.timePrecision).toEqual({ exact: 9, day: 1, month: 0, year: 0 });
  });
});

describe('registration export with Datum + Uur (whole hours)', () => {
  let result: Awaited<ReturnType<typeof importFixture>>;
  beforeAll(async () => {
    result = await importFixture('registratie-datum-uur.csv', 'uren');
  });

  it('maps Uur as the clock time beside the date column', () => {
    const { plan, staged } = result.prepared;
    expect(staged.headers[plan.columns.occurred_date]).toBe('Datum');
    expect(staged.headers[plan.columns.occurred_time]).toBe('Uur');
    expect(plan.columns.occurred_from).toBeUndefined();
    expect(result.prepared.problems).toEqual([]);
  });

  it('stores each record exact at its whole hour; an impossible hour is rejected', () => {
    const { report, stored } = result;
    expect(report.rows).toEqual({ total: 12, accepted: 11, rejected: 1 });
    expect(reasons(report)).toEqual({ 'Datum/tijd onleesbaar': 1 });
    const at = Object.fromEntries(stored.map((r) => [r.id, [r.at, r.precision]]));
    expect(at['R-2026-101']).toEqual(['2026-02-03 14:00', 'exact']);
    expect(at['R-2026-103']).toEqual(['2026-02-14 09:00', 'exact']);
    expect(at['R-2026-104']).toEqual(['2026-02-21 00:00', 'exact']);
    expect(at['R-2026-105']).toEqual(['2026-03-01 14:00', 'exact']);
    expect(at['R-2026-108']).toEqual(['2026-03-12 18:00', 'exact']);
    expect(at['R-2026-106']).toEqual(['2026-03-07 00:00', 'day']);
    expect(at['R-2026-109']).toEqual(['2026-03-29 03:00', 'exact']);
    expect(report.timePrecision).toEqual({ exact: 10, day: 1, month: 0, year: 0 });
  });

  it('gives the same report through npm run import:check', async () => {
    const cli = path.resolve(import.meta.dirname, '../../node_modules/tsx/dist/cli.mjs');
    const file = path.join(FIXTURES, 'registratie-datum-uur.csv');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, 'scripts/import-check.ts', file, '--kind', 'incidents'],
      { cwd: path.resolve(import.meta.dirname, '../..') },
    );
    expect(JSON.parse(stdout)).toMatchObject({
      rows: { total: 12, accepted: 11, rejected: 1 },
      timePrecision: { exact: 10, day: 1, month: 0, year: 0 },
      dstShifted: 1,
    });
  });
});

describe('year-only register (a national accident file)', () => {
  let result: Awaited<ReturnType<typeof importFixture>>;
  beforeAll(async () => {
    result = await importFixture('ongevallen-jaar.csv', 'ongevallen');
  });

  it('reads the year column as the time, with year precision', () => {
    const { plan, staged } = result.prepared;
    expect(staged.headers[plan.columns.occurred_from]).toBe('JAAR_VKL');
    expect(plan.dates.occurred_from).toMatchObject({ kind: 'strptime', formats: ['%Y'] });
  });

  it('stores 12 records at 1 January marked year, and rejects 1899 as out of range', () => {
    const { report, stored } = result;
    expect(report.rows).toEqual({ total: 13, accepted: 12, rejected: 1 });
    expect(report.rows.accepted + report.rows.rejected).toBe(report.rows.total);
    expect(reasons(report)).toEqual({ 'Datum/tijd buiten 1990–2027': 1 });
    expect(new Set(stored.map((r) => r.precision))).toEqual(new Set(['year']));
    expect(stored[0].at).toBe('2022-01-01 00:00');
    expect(report.timePrecision).toEqual({ exact: 0, day: 0, month: 0, year: 12 });
  });
});

describe('date-only export', () => {
  it('stores day precision and rejects an impossible date with a reason', async () => {
    const { report, stored } = await importFixture('dagregistratie-datum.csv', 'dagen');
    expect(report.rows).toEqual({ total: 8, accepted: 7, rejected: 1 });
    expect(reasons(report)).toEqual({ 'Datum/tijd onleesbaar': 1 });
    expect(report.timePrecision).toEqual({ exact: 0, day: 7, month: 0, year: 0 });
    expect(stored.every((r) => r.precision === 'day' && r.at.endsWith('00:00'))).toBe(true);
  });
});

describe('exact exports keep exact precision', () => {
  it('the BOA export with Datum + Tijd: exact except the row with an empty time', async () => {
    const { report } = await importFixture('incidenten-rd-1252.csv', 'boa');
    expect(report.timePrecision?.month).toBe(0);
    expect(report.timePrecision?.year).toBe(0);
    expect(report.timePrecision!.exact + report.timePrecision!.day).toBe(report.rows.accepted);
  });

  it('the demo data is stored exact', async () => {
    const rows = await conn.query<{ p: string }>({
      sql: "SELECT DISTINCT time_precision AS p FROM incidents WHERE dataset = 'demo'",
    });
    expect(rows).toEqual([{ p: 'exact' }]);
  });
});
