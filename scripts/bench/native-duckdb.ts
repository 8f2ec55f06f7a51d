/**
 * Native DuckDB (@duckdb/node-api, DuckDB v1.5) as a speed baseline for the import
 * benchmark. It is not a project dependency: the npm registry reachable here lacks its
 * bindings for other platforms, which makes `npm ci` refuse the lock file. The benchmark
 * installs it on first use into bench-data/native/ (ignored by git) instead.
 */
import path from 'node:path';
import { importInstalled } from '../../src/lib/data/clickhouse/install-on-demand';
import { NATIVE_ENTRY, type NativeModule } from '../lib/native-duckdb';
import { ROOT } from '../lib/preview-server';

const DIR = path.join(ROOT, 'bench-data', 'native');
const VERSION = '1.5.6-r.1';

const loadNative = () =>
  importInstalled<NativeModule>(DIR, `@duckdb/node-api@${VERSION}`, NATIVE_ENTRY);

/** Milliseconds for native DuckDB to read the CSV into a table (2 threads, as this machine). */
export async function nativeReadCsvMs(csv: string): Promise<number> {
  const { DuckDBInstance } = await loadNative();
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const conn = await instance.connect();
  const started = performance.now();
  await conn.run(
    `CREATE TABLE t AS SELECT * FROM read_csv('${csv.replace(/'/g, "''")}', header = true)`,
  );
  const elapsed = performance.now() - started;
  conn.closeSync();
  return elapsed;
}
