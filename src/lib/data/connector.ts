/**
 * The one query interface of wijkradar (STYLE.md §2). Views, state and analysis depend on
 * this interface only; the browser uses DuckDB-WASM in a worker, tests and scripts use the
 * same WASM engine in Node, and a regional deployment can later add a server connector
 * that runs the same SQL.
 */
import type { Table } from 'apache-arrow';

/** A query as produced by the pure builders in data/queries: SQL text plus parameters. */
export interface Query {
  sql: string;
  /** Positional parameters for `?` placeholders (prepared statement). */
  params?: readonly QueryParam[];
  /**
   * Which registered builder made this query, and with which arguments
   * (data/queries/register.ts): what a remote connector sends instead of the SQL.
   */
  call?: BuilderCall;
}

/** A builder call: its registered name and JSON-serialisable arguments. */
export interface BuilderCall {
  builder: string;
  args: unknown[];
}

export type QueryParam = string | number | boolean | null;

/** A plain row: BigInt converted to number, timestamps as local epoch milliseconds. */
export type Row = Record<string, unknown>;

export interface Connector {
  /** Which engine this is, for diagnostics and benchmark labels. */
  readonly engine: string;
  /** Rows as plain objects (BigInt → number at this boundary). */
  query<T = Row>(query: Query): Promise<T[]>;
  /** The raw Arrow result, for columnar consumers (map layers, binary transfers). */
  queryArrow(query: Query): Promise<Table>;
  /** Runs statements that return nothing useful (DDL, INSERT … SELECT). No parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Makes bytes readable by SQL under a fixed, code-chosen file name (never user input). A
   * Blob (a chosen File) is read by the engine where it lies, in the browser, without a
   * copy in memory; bytes are copied into the engine.
   */
  registerFile(name: string, bytes: Uint8Array | Blob): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Appends (or creates) a table from an Arrow table. */
  insertArrow(table: Table, target: string, options?: { create?: boolean }): Promise<void>;
  /** A result as Arrow IPC stream bytes, straight from the engine (snapshots, exports). */
  queryIpc(sql: string): Promise<Uint8Array>;
  /**
   * Appends (or creates) a table from Arrow IPC stream bytes (or file bytes). Bytes that are
   * not a whole stream are refused with an IpcStreamError before the engine sees them
   * (ipc-stream.ts); when the engine itself fails, the connection is replaced, which also
   * rolls back a transaction in progress.
   */
  insertIpc(bytes: Uint8Array, target: string, options?: { create?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Statements every connection runs first. Extension autoloading must be off: offline, a
 * query that triggers an extension download would hang (STACK.md, "DuckDB-WASM offline").
 *
 * Grouping by an integer column whose known range fits in 2^18 values (e.g. the analysis
 * facts' hour key: 26,000 hours for three years, 30 years fit) uses DuckDB's perfect hash
 * aggregate, an array indexed by the value, instead of a hash table: the Tijden view's
 * count per hour over a million records drops from 43 to 20 ms in Chromium. The default
 * threshold (12 bits) covers only 4,096 values; the array of 2^18 small states is a few MB
 * and only built when the range fits.
 */
export const SESSION_SETUP_SQL = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  'SET perfect_ht_threshold = 18',
] as const;
