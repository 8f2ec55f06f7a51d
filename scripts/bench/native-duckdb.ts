/**
 * Native DuckDB (@duckdb/node-api, DuckDB v1.5) as a speed baseline for the import
 * benchmark. It is not a project dependency: the npm registry reachable here lacks its
 * bindings for other platforms, which makes `npm ci` refuse the lock file. The benchmark
 * installs it on first use into bench-data/native/ (ignored by git) instead.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ROOT } from '../lib/preview-server';

const DIR = path.join(ROOT, 'bench-data', 'native');
const VERSION = '1.5.6-r.1';

interface NativeConnection {
  run(sql: string): Promise<unknown>;
  closeSync(): void;
}
interface NativeModule {
  DuckDBInstance: {
    create(
      path: string,
      options?: Record<string, string>,
    ): Promise<{ connect(): Promise<NativeConnection> }>;
  };
}

async function loadNative(): Promise<NativeModule> {
  const entry = path.join(DIR, 'node_modules', '@duckdb', 'node-api', 'lib', 'index.js');
  if (!existsSync(entry)) {
    await mkdir(DIR, { recursive: true });
    await writeFile(path.join(DIR, 'package.json'), '{ "private": true }\n');
    await promisify(execFile)(
      'npm',
      ['install', '--no-audit', '--no-fund', '--no-save', `@duckdb/node-api@${VERSION}`],
      {
        cwd: DIR,
      },
    );
  }
  return (await import(pathToFileURL(entry).href)) as NativeModule;
}

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
