/**
 * Native DuckDB (@duckdb/node-api 1.4.3, the browser engine's version) for the engine
 * parity run: from server/node_modules when the regional server is installed there, else
 * installed on first use into the cache folder (install-on-demand.ts). Loads the parity
 * Parquet files (parity-data.ts) as tables in row order, so its rowids are the reference's.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Query, Row } from '../../src/lib/data/connector';
import { importOnDemand } from '../../src/lib/data/clickhouse/install-on-demand';
import { TABLE_NAMES } from '../../src/lib/data/schema';

export const NATIVE_DUCKDB = '@duckdb/node-api@1.4.3-r.3';
/** The module's entry file inside node_modules. */
export const NATIVE_ENTRY = path.join('@duckdb', 'node-api', 'lib', 'index.js');
const SERVER_MODULES = path.resolve(import.meta.dirname, '../../server/node_modules');

/** The part of @duckdb/node-api the scripts use (the parity run and the import bench). */
interface Reader {
  getRowObjectsJS(): Record<string, unknown>[];
}
interface NativeConnection {
  run(sql: string, values?: unknown[]): Promise<unknown>;
  runAndReadAll(sql: string, values?: unknown[]): Promise<Reader>;
  closeSync(): void;
}
export interface NativeModule {
  DuckDBInstance: {
    create(
      path: string,
      options?: Record<string, string>,
    ): Promise<{ connect(): Promise<NativeConnection>; closeSync(): void }>;
  };
}

async function loadNative(): Promise<NativeModule> {
  const server = path.join(SERVER_MODULES, NATIVE_ENTRY);
  if (existsSync(server)) return (await import(pathToFileURL(server).href)) as NativeModule;
  return importOnDemand<NativeModule>('duckdb-node-api-1.4.3', NATIVE_DUCKDB, NATIVE_ENTRY);
}

/** A value as the app's Arrow boundary gives it (arrow-rows.ts): numbers, epoch ms. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  return value ?? null;
}

export interface NativeDuckDb {
  readonly engine: string;
  query<T = Row>(query: Query): Promise<T[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Native DuckDB in memory with the tables of `dir` (`<table>.parquet`, with `_rowid`). */
export async function openNativeDuckDb(dir: string): Promise<NativeDuckDb> {
  const { DuckDBInstance } = await loadNative();
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const conn = await instance.connect();
  for (const table of TABLE_NAMES) {
    const file = path.join(dir, `${table}.parquet`).replaceAll("'", "''");
    await conn.run(
      `CREATE TABLE ${table} AS SELECT * EXCLUDE (_rowid) FROM read_parquet('${file}') ORDER BY _rowid`,
    );
  }
  return {
    engine: 'duckdb-native',
    async query<T = Row>(query: Query): Promise<T[]> {
      const reader = await conn.runAndReadAll(
        query.sql,
        query.params ? [...query.params] : undefined,
      );
      return reader
        .getRowObjectsJS()
        .map((row) =>
          Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])),
        ) as T[];
    },
    async exec(sql: string): Promise<void> {
      await conn.run(sql);
    },
    async close(): Promise<void> {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
