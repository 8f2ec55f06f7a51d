/**
 * Engine parity (issue 25): every registered builder (data/queries/registry.ts) with each
 * of its example arguments on DuckDB-WASM (the reference: the browser's engine), native
 * DuckDB (the regional server's) and ClickHouse (chDB, or a ClickHouse server), on the same
 * tables and the same projections built by the same builders in each engine's dialect.
 * Results are compared as sorted rows: equal texts, equal nulls, numbers within 1e-9
 * relative.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ChdbConnector } from '../../src/lib/data/clickhouse/chdb-connector';
import { ClickHouseServerConnector } from '../../src/lib/data/clickhouse/client-connector';
import type { Query, Row } from '../../src/lib/data/connector';
import { buildFactsTableSql } from '../../src/lib/data/queries/explore-facts-table';
import {
  buildFactsCodeValuesQuery,
  buildFactsGemeentenStatement,
  buildFactsStatement,
  type FactCodes,
} from '../../src/lib/data/queries/facts';
import { buildFactsNearStatement } from '../../src/lib/data/queries/facts-near';
import { buildFactsWindowsStatement } from '../../src/lib/data/queries/facts-windows';
import { BUILDERS, buildCall } from '../../src/lib/data/queries/registry';
import { CELL_SIZE, RD } from '../../src/lib/data/queries/registry-examples';
import { duckdb, withDialect, type SqlDialect } from '../../src/lib/data/sql/dialect';
import { clickhouse } from '../../src/lib/data/sql/dialect-clickhouse';
import { openNativeDuckDb } from './native-duckdb';
import { exportTables, loadReference } from './parity-data';

export const COMPARED = ['duckdb-native', 'clickhouse'] as const;
type Compared = (typeof COMPARED)[number];

export interface ParityFailure {
  builder: string;
  engine: Compared;
  dataset: string;
  /** Index of the example argument list (BUILDERS[builder].examples). */
  example: number;
  reason: string;
}

export interface ParityReport {
  builders: number;
  identical: Record<Compared, number>;
  failed: ParityFailure[];
}

export interface Engine {
  dialect: SqlDialect;
  query(query: Query): Promise<Row[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** The aandachtslocaties of Donderdeel (their first corner) and the radius around them. */
const LOCATIONS = [
  { id: 'AL-PERENPAD', lon: 6.18472, lat: 52.050187 },
  { id: 'AL-ISSELDREEF', lon: 6.259553, lat: 52.041162 },
  { id: 'AL-EIKENSTRAAT', lon: 6.2193, lat: 52.0489 },
];
const RADIUS_M = 300;

/** Builds the projections the views read, with the engine's own dialect. */
export async function buildProjections(engine: Engine): Promise<void> {
  const inDialect = <T>(build: () => T) => withDialect(engine.dialect, build);
  const values = (await engine.query(inDialect(buildFactsCodeValuesQuery))) as {
    field: string;
    value: string;
  }[];
  const codes: FactCodes = {
    themes: values.filter((v) => v.field === 'theme').map((v) => v.value),
    wijkcodes: values.filter((v) => v.field === 'wijkcode').map((v) => v.value),
    gemeenten: values.filter((v) => v.field === 'gemeente').map((v) => v.value),
  };
  const statements = inDialect(() => [
    buildFactsGemeentenStatement(),
    buildFactsStatement(codes),
    buildFactsWindowsStatement(),
    buildFactsNearStatement(LOCATIONS, RADIUS_M),
    ...buildFactsTableSql(RD, CELL_SIZE),
  ]);
  for (const sql of statements) {
    // A statement that fails shows as failures of the builders that read its table.
    await engine.exec(sql).catch((error: Error) => {
      console.error(`${engine.dialect.name}: ${error.message.split('\n')[0].slice(0, 400)}`);
    });
  }
}

/** A value as compared: bigint and Date as numbers, undefined as null. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  return value ?? null;
}

const sortKey = (row: Row, columns: string[]) =>
  JSON.stringify(
    columns.map((c) =>
      typeof row[c] === 'number' ? Number((row[c] as number).toPrecision(10)) : row[c],
    ),
  );

/** Rows with plain values, sorted on all columns (numbers to 10 digits for the order). */
function canonical(rows: readonly Row[]): { columns: string[]; rows: Row[] } {
  const columns = Object.keys(rows[0] ?? {}).sort();
  const plainRows = rows.map((r) => Object.fromEntries(columns.map((c) => [c, plain(r[c])])));
  const keyed = plainRows.map((r) => [sortKey(r, columns), r] as const);
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { columns, rows: keyed.map(([, r]) => r) };
}

const close = (a: number, b: number) =>
  a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** Null when equal, else what differs first. */
export function difference(expected: readonly Row[], actual: readonly Row[]): string | null {
  const e = canonical(expected);
  const a = canonical(actual);
  if (e.rows.length !== a.rows.length) return `${a.rows.length} rows, expected ${e.rows.length}`;
  if (e.rows.length === 0) return null;
  if (e.columns.join() !== a.columns.join()) {
    return `columns ${a.columns.join(', ')}, expected ${e.columns.join(', ')}`;
  }
  for (let i = 0; i < e.rows.length; i++) {
    for (const c of e.columns) {
      const [x, y] = [e.rows[i][c], a.rows[i][c]];
      const same = typeof x === 'number' && typeof y === 'number' ? close(x, y) : Object.is(x, y);
      if (!same) return `row ${i} ${c}: ${JSON.stringify(y)}, expected ${JSON.stringify(x)}`;
    }
  }
  return null;
}

/** Runs every builder's examples on the reference and the compared engines. */
async function compareDataset(
  dataset: string,
  reference: Engine,
  engines: Record<Compared, Engine>,
  empty: string[],
): Promise<ParityFailure[]> {
  const failures: ParityFailure[] = [];
  for (const [builder, entry] of Object.entries(BUILDERS)) {
    for (const [example, args] of entry.examples.entries()) {
      const call = { builder, args };
      const expected = await reference.query(buildCall(call));
      if (expected.length === 0) empty.push(`${builder} #${example}`);
      for (const name of COMPARED) {
        const engine = engines[name];
        let reason: string | null;
        try {
          const query = withDialect(engine.dialect, () => buildCall(call));
          reason = difference(expected, await engine.query(query));
        } catch (error) {
          reason = (error as Error).message.split('\n')[0].slice(0, 300);
        }
        if (reason) failures.push({ builder, engine: name, dataset, example, reason });
      }
    }
  }
  return failures;
}

/**
 * Parity on Donderdeel, or with `records` on a synthetic region of about that size:
 * the failures, and which examples gave no rows at all on the reference (`empty`, which
 * prove nothing). ClickHouse is chDB, or the server at `clickhouseUrl` (openClickHouse).
 */
export async function parityOn(
  records = 0,
  clickhouseUrl?: string,
): Promise<{ failures: ParityFailure[]; empty: string[] }> {
  const dataset = records ? `synthetisch-${records}` : 'donderdeel';
  const dir = await mkdtemp(path.join(tmpdir(), 'wijkradar-parity-'));
  const opened: Engine[] = [];
  try {
    const wasm = await loadReference(records);
    const reference: Engine = { ...bind(wasm), dialect: duckdb };
    opened.push(reference);
    await exportTables(wasm, dir);
    const native: Engine = { ...bind(await openNativeDuckDb(dir)), dialect: duckdb };
    opened.push(native);
    const ch = await openClickHouse(dir, clickhouseUrl);
    opened.push(ch);
    for (const engine of opened) await buildProjections(engine);
    const empty: string[] = [];
    const engines = { 'duckdb-native': native, clickhouse: ch };
    return { failures: await compareDataset(dataset, reference, engines, empty), empty };
  } finally {
    for (const engine of opened) await engine.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * ClickHouse with the tables of `dir`: chDB in-process, or a ClickHouse server through
 * @clickhouse/client (`url`: http[s]://user:password@host:8123/database). The server's
 * database must be empty (the run creates the app's tables there) and is emptied again
 * when the engine closes.
 */
async function openClickHouse(dir: string, url?: string): Promise<Engine> {
  const tables = await tableNames(dir);
  const file = (table: string) => path.join(dir, `${table}.parquet`);
  if (!url) {
    const chdb = await ChdbConnector.open();
    for (const table of tables) await chdb.loadFile(file(table), 'Parquet', table, true);
    return { ...bind(chdb), dialect: clickhouse };
  }
  const server = await ClickHouseServerConnector.open({ url });
  const inDatabase = { sql: 'SELECT name FROM system.tables WHERE database = currentDatabase()' };
  const present = await server.query<{ name: string }>(inDatabase);
  if (present.length > 0) {
    await server.close();
    throw new Error(
      `De database van --clickhouse-url is niet leeg (${present.length} tabellen): gebruik een lege database voor de pariteitscontrole.`,
    );
  }
  for (const table of tables) await server.loadParquet(file(table), table);
  const close = async () => {
    for (const { name } of await server.query<{ name: string }>(inDatabase)) {
      await server.exec(`DROP TABLE IF EXISTS ${name}`);
    }
    await server.close();
  };
  return { ...bind(server), dialect: clickhouse, close };
}

async function tableNames(dir: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  return (await readdir(dir)).filter((f) => f.endsWith('.parquet')).map((f) => f.slice(0, -8));
}

export function bind(conn: {
  query(q: Query): Promise<Row[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}): Omit<Engine, 'dialect'> {
  return {
    query: (q) => conn.query(q),
    exec: (sql) => conn.exec(sql),
    close: () => conn.close(),
  };
}

/** The report over the datasets: a builder is identical on an engine when all its examples are. */
export function report(failures: readonly ParityFailure[]): ParityReport {
  const names = Object.keys(BUILDERS);
  const identical = Object.fromEntries(
    COMPARED.map((engine) => [
      engine,
      names.filter((b) => !failures.some((f) => f.builder === b && f.engine === engine)).length,
    ]),
  ) as Record<Compared, number>;
  return { builders: names.length, identical, failed: [...failures] };
}
