/**
 * Native DuckDB for scripts outside server/ (publish:region): re-exported from here so that
 * it resolves in server/node_modules, the one place it is installed (`npm ci --prefix server`).
 */
export { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
export { resultToIpc } from './arrow-result';
