/** sql.js for GeoPackage in Node (tests, `npm run import:check`): it finds its own .wasm. */
import initSqlJs from 'sql.js';
import type { SqliteLoader } from './area-sources';

let ready: ReturnType<SqliteLoader> | null = null;

export const nodeSqlite: SqliteLoader = () => (ready ??= initSqlJs());
