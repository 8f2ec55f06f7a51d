/**
 * Typed files (Arrow IPC, Parquet) take a fast path: timestamps, time zones, numbers and
 * integer ids are read as they are instead of printed and parsed back. An analyst must not
 * be able to tell: the same records exported as CSV text and as a typed file give the same
 * stored rows, the same rejected rows and the same Dutch reasons.
 */
import {
  Float64,
  Int32,
  Table,
  TimeUnit,
  Timestamp,
  Utf8,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import { Table as WasmTable, writeParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { nodeParquetReader } from '../../src/lib/data/import/parquet-node';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import { rejectedRowsCsv } from '../../src/lib/data/import/rejected-rows';
import type { ImportReport } from '../../src/lib/data/import/report';
import { loadDemoInNode } from '../helpers/demo-node';

let conn: Connector;
beforeAll(async () => {
  conn = await loadDemoInNode();
});
afterAll(() => conn.close());

/**
 * One record per case. `from` is local wall-clock time, `to` an instant in UTC (a system
 * that exports with an offset); Dutch summer time is UTC+2, winter time UTC+1.
 */
const RECORDS: {
  id: number | null;
  from: string | null;
  toUtc: string | null;
  category: string;
  lon: number | null;
  lat: number | null;
}[] = [
  // Stored: 21:00 local, until 20:00 UTC = 22:00 local.
  {
    id: 1,
    from: '2026-05-01 21:00:00',
    toUtc: '2026-05-01 20:00:00',
    category: 'vernieling',
    lon: 6.19251,
    lat: 52.06491,
  },
  {
    id: 2,
    from: '2026-05-02 22:15:00',
    toUtc: null,
    category: 'drugsoverlast',
    lon: 6.21808,
    lat: 52.05468,
  },
  // Winter time: 23:30 UTC on 1 Feb is 00:30 local on 2 Feb.
  {
    id: 3,
    from: '2026-02-01 23:45:00',
    toUtc: '2026-02-01 23:30:00',
    category: 'vernieling',
    lon: 6.2284,
    lat: 52.06249,
  },
  { id: 4, from: null, toUtc: null, category: 'vernieling', lon: 6.19251, lat: 52.06491 },
  {
    id: 5,
    from: '1985-06-01 10:00:00',
    toUtc: null,
    category: 'vernieling',
    lon: 6.19251,
    lat: 52.06491,
  },
  { id: 6, from: '2026-05-03 10:00:00', toUtc: null, category: 'vernieling', lon: null, lat: null },
  // Amsterdam: far outside Donderdeel.
  { id: 7, from: '2026-05-03 11:00:00', toUtc: null, category: 'vernieling', lon: 4.9, lat: 52.37 },
  {
    id: null,
    from: '2026-05-03 12:00:00',
    toUtc: null,
    category: 'vernieling',
    lon: 6.19251,
    lat: 52.06491,
  },
  // Ends before it starts: 08:00 UTC = 10:00 local < 11:00 local.
  {
    id: 9,
    from: '2026-05-04 11:00:00',
    toUtc: '2026-05-04 08:00:00',
    category: 'vernieling',
    lon: 6.21808,
    lat: 52.05468,
  },
  {
    id: 2,
    from: '2026-05-05 09:00:00',
    toUtc: null,
    category: 'vernieling',
    lon: 6.21808,
    lat: 52.05468,
  },
  // In the spring DST gap (29 March 2026, 02:00–03:00 does not exist): moved to 03:30.
  {
    id: 11,
    from: '2026-03-29 02:30:00',
    toUtc: null,
    category: 'drugsoverlast',
    lon: 6.2284,
    lat: 52.06249,
  },
];

const HEADERS = ['id', 'occurred_from', 'occurred_to', 'category', 'lon', 'lat'];
const MAPPING = Object.fromEntries(HEADERS.map((h) => [h, h]));

function asCsv(): Uint8Array {
  const lines = RECORDS.map((r) =>
    [
      r.id ?? '',
      r.from ?? '',
      r.toUtc ? `${r.toUtc.replace(' ', 'T')}Z` : '',
      r.category,
      r.lon ?? '',
      r.lat ?? '',
    ].join(','),
  );
  return new TextEncoder().encode([HEADERS.join(','), ...lines].join('\n') + '\n');
}

/** Wall-clock text → epoch milliseconds of that wall time read as UTC. */
const ms = (text: string | null) =>
  text === null ? null : Date.parse(`${text.replace(' ', 'T')}Z`);

function asArrowTable(): Table {
  return new Table({
    id: vectorFromArray(
      RECORDS.map((r) => r.id),
      new Int32(),
    ),
    occurred_from: vectorFromArray(
      RECORDS.map((r) => ms(r.from)),
      new Timestamp(TimeUnit.MICROSECOND),
    ),
    occurred_to: vectorFromArray(
      RECORDS.map((r) => ms(r.toUtc)),
      new Timestamp(TimeUnit.MICROSECOND, 'UTC'),
    ),
    category: vectorFromArray(
      RECORDS.map((r) => r.category),
      new Utf8(),
    ),
    lon: vectorFromArray(
      RECORDS.map((r) => r.lon),
      new Float64(),
    ),
    lat: vectorFromArray(
      RECORDS.map((r) => r.lat),
      new Float64(),
    ),
  });
}

interface Outcome {
  report: ImportReport;
  stored: Record<string, unknown>[];
  /** rij;reden;waarde of every rejected row. */
  rejected: string[];
  types?: string[];
}

async function importAs(name: string, bytes: Uint8Array): Promise<Outcome> {
  const prepared = await prepareImport(conn, 'incidents', name, bytes, {
    parquet: nodeParquetReader,
    mapping: MAPPING,
  });
  expect(prepared.problems).toEqual([]);
  const dataset = `typed-${name}`;
  const report = await runImport(conn, prepared, { dataset, now: new Date('2026-06-01') });
  const stored = await conn.query({
    sql: `SELECT id, strftime(occurred_from, '%Y-%m-%d %H:%M:%S') AS from_local,
            strftime(occurred_to, '%Y-%m-%d %H:%M:%S') AS to_local, theme, category,
            round(lon, 6) AS lon, round(lat, 6) AS lat, buurtcode, wijkcode
          FROM incidents WHERE dataset = ? ORDER BY id, occurred_from`,
    params: [dataset],
  });
  const csv = await rejectedRowsCsv(conn, prepared.staged, prepared.plan);
  const rejected = csv
    .replace('\ufeff', '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(';').slice(0, 3).join(';'));
  await conn.exec(`DELETE FROM incidents WHERE dataset = '${dataset}'`);
  return { report, stored, rejected, types: prepared.staged.columnTypes };
}

describe('typed Arrow and Parquet files against the same records as CSV', () => {
  let csv: Outcome;
  let arrow: Outcome;
  let parquet: Outcome;
  beforeAll(async () => {
    csv = await importAs('meldingen.csv', asCsv());
    arrow = await importAs('meldingen.arrow', tableToIPC(asArrowTable(), 'stream'));
    parquet = await importAs(
      'meldingen.parquet',
      writeParquet(WasmTable.fromIPCStream(tableToIPC(asArrowTable(), 'stream'))),
    );
  });

  it('reads the typed columns as typed (the fast path is taken)', () => {
    expect(csv.types).toBeUndefined();
    expect(arrow.types).toEqual([
      'INTEGER',
      'TIMESTAMP',
      'TIMESTAMP WITH TIME ZONE',
      'VARCHAR',
      'DOUBLE',
      'DOUBLE',
    ]);
    expect(parquet.types?.[1]).toMatch(/^TIMESTAMP/);
    expect(parquet.types?.[2]).toBe('TIMESTAMP WITH TIME ZONE');
  });

  it('stores the CSV rows as expected: local time, DST gap moved, UTC converted', () => {
    expect(csv.report.rows).toEqual({ total: 11, accepted: 4, rejected: 7 });
    expect(csv.stored.map((r) => [r.id, r.from_local, r.to_local])).toEqual([
      ['1', '2026-05-01 21:00:00', '2026-05-01 22:00:00'],
      ['11', '2026-03-29 03:30:00', '2026-03-29 03:30:00'],
      ['2', '2026-05-02 22:15:00', '2026-05-02 22:15:00'],
      ['3', '2026-02-01 23:45:00', '2026-02-02 00:30:00'],
    ]);
    expect(csv.stored.every((r) => typeof r.buurtcode === 'string')).toBe(true);
    expect(Object.fromEntries(csv.report.reasons.map((r) => [r.reason, r.count]))).toEqual({
      'Datum/tijd ontbreekt': 1,
      'Datum/tijd buiten 1990–2027': 1,
      'Locatie ontbreekt': 1,
      'Locatie buiten de gemeente': 1,
      'Registratienummer ontbreekt': 1,
      'Einddatum/-tijd ligt vóór datum/tijd': 1,
      'Dubbel registratienummer in dit bestand': 1,
    });
    expect(csv.report.dstShifted).toBe(1);
  });

  it('gives the same stored rows, reasons and rejected rows for Arrow and Parquet', () => {
    for (const typed of [arrow, parquet]) {
      expect(typed.stored).toEqual(csv.stored);
      expect(typed.report.rows).toEqual(csv.report.rows);
      expect(typed.report.reasons).toEqual(csv.report.reasons);
      expect(typed.report.dstShifted).toBe(csv.report.dstShifted);
      expect(typed.report.crs).toEqual(csv.report.crs);
      expect(typed.rejected).toEqual(csv.rejected);
    }
  });
});
