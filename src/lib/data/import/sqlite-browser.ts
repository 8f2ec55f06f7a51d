/**
 * sql.js for GeoPackage in the browser: the module and its WebAssembly (~0.7 MB) are
 * self-hosted and fetched only when a .gpkg file is imported; a failed load may be retried.
 */
import type { SqliteLoader } from './area-sources';

let ready: ReturnType<SqliteLoader> | null = null;

export const browserSqlite: SqliteLoader = () =>
  (ready ??= (async () => {
    const [{ default: initSqlJs }, { default: wasmUrl }] = await Promise.all([
      import('sql.js'),
      import('sql.js/dist/sql-wasm.wasm?url'),
    ]);
    return initSqlJs({ locateFile: () => wasmUrl });
  })().catch((error: unknown) => {
    ready = null;
    throw error;
  }));
