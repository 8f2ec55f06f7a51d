/**
 * DuckDB-WASM in the browser: self-hosted single-threaded bundles (no CDN, no COOP/COEP
 * needed), started once through a shared promise that is cleared on failure so a retry can
 * start again (pattern of evidence-dev's universal-sql client).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { ENGINE_LOAD_FAILED } from './engine-errors';
import { ENGINE_BUNDLES, startEngineWorker, type StartedEngine } from './engine-worker';
import { SESSION_SETUP_SQL, type Connector, type Query } from './connector';
import { sqlString } from './sql/literals';
import { UserError } from './user-error';
import { WasmConnector } from './wasm-connector';

/**
 * The worker receives bytes by transfer, which detaches the *whole* ArrayBuffer behind a
 * view: a table sliced out of a workspace file would take its neighbours with it. Views
 * get their own copy first.
 */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole ? bytes : bytes.slice();
}

const STATEMENT_CACHE_SIZE = 32;

/**
 * A connection with the session set-up every connection runs first. A local,
 * unreachable-by-design extension repository: should anything still try to load an
 * extension (time-zone functions do), the request stays on this origin and fails cleanly
 * instead of leaving the machine (STACK.md).
 */
async function openSession(db: duckdb.AsyncDuckDB): Promise<duckdb.AsyncDuckDBConnection> {
  const conn = await db.connect();
  for (const statement of SESSION_SETUP_SQL) await conn.query(statement);
  const localRepo = new URL('duckdb-extensions', document.baseURI).href;
  await conn.query(`SET custom_extension_repository = ${sqlString(localRepo)}`);
  return conn;
}

class BrowserConnector extends WasmConnector {
  readonly engine = 'duckdb-wasm-browser';
  constructor(
    private readonly db: duckdb.AsyncDuckDB,
    private conn: duckdb.AsyncDuckDBConnection,
  ) {
    super();
  }

  /**
   * Prepared statements by SQL text, newest last: a filter change re-runs the same text with
   * other values, so one round trip to the worker instead of three (prepare, run, close).
   */
  readonly #statements = new Map<string, duckdb.AsyncPreparedStatement>();

  async queryArrow(query: Query): Promise<Table> {
    if (!query.params || query.params.length === 0) return this.conn.query(query.sql);
    const cached = this.#statements.get(query.sql);
    if (cached) {
      this.#statements.delete(query.sql);
      try {
        const result = await cached.query(...query.params);
        await this.#keep(query.sql, cached);
        return result;
      } catch {
        // E.g. a table it read was replaced: prepared again below.
        await cached.close().catch(() => undefined);
      }
    }
    const statement = await this.conn.prepare(query.sql);
    let result: Table;
    try {
      result = await statement.query(...query.params);
    } catch (error) {
      await statement.close().catch(() => undefined);
      throw error;
    }
    await this.#keep(query.sql, statement);
    return result;
  }

  /** Caches the statement, unless a concurrent run of the same text already did. */
  async #keep(sql: string, statement: duckdb.AsyncPreparedStatement): Promise<void> {
    if (this.#statements.has(sql)) {
      await statement.close().catch(() => undefined);
      return;
    }
    this.#statements.set(sql, statement);
    if (this.#statements.size > STATEMENT_CACHE_SIZE) {
      const [oldest, old] = this.#statements.entries().next().value!;
      this.#statements.delete(oldest);
      await old.close().catch(() => undefined);
    }
  }

  async exec(sql: string): Promise<void> {
    await this.conn.query(sql);
  }

  async registerFile(name: string, bytes: Uint8Array | Blob): Promise<void> {
    if (bytes instanceof Blob) {
      // The engine's worker reads the Blob in ranges as it needs them (FileReaderSync).
      await this.db.registerFileHandle(
        name,
        bytes,
        duckdb.DuckDBDataProtocol.BROWSER_FILEREADER,
        true,
      );
      return;
    }
    await this.db.registerFileBuffer(name, ownBuffer(bytes));
  }

  async dropFile(name: string): Promise<void> {
    await this.db.dropFile(name);
  }

  async queryIpc(sql: string): Promise<Uint8Array> {
    return this.conn.useUnsafe((db, id) => db.runQuery(id, sql));
  }

  protected insertPart(part: Uint8Array, into: { name: string; create: boolean }) {
    return this.conn.insertArrowFromIPCStream(ownBuffer(part), into);
  }

  protected async restartSession(): Promise<void> {
    await this.#closeStatements();
    await this.conn.close().catch(() => undefined);
    this.conn = await openSession(this.db);
  }

  async #closeStatements(): Promise<void> {
    for (const statement of this.#statements.values())
      await statement.close().catch(() => undefined);
    this.#statements.clear();
  }

  async close(): Promise<void> {
    await this.#closeStatements();
    await this.conn.close();
    await this.db.terminate();
  }
}

/** The started engine for a module URL, if the page started one (state/early-downloads.ts). */
export type EngineAdopter = (wasmUrl: string) => StartedEngine | undefined;

/** The chosen bundle's worker, instantiated: the page's own when it started one. */
async function instantiatedWorker(
  bundle: duckdb.DuckDBBundle,
  adopt: EngineAdopter | undefined,
): Promise<{ db: duckdb.AsyncDuckDB; worker: Worker; started: number }> {
  const early = adopt?.(bundle.mainModule);
  if (early) {
    try {
      await early.ready;
      const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), early.worker);
      return { db, worker: early.worker, started: early.started };
    } catch {
      early.worker.terminate(); // started anew below, which reports what is wrong
    }
  }
  const started = performance.now();
  const worker = startEngineWorker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    // Absolute: the worker runs from a blob: URL, against which a relative one resolves not.
    await db.instantiate(new URL(bundle.mainModule, location.href).href, bundle.pthreadWorker);
  } catch (error) {
    worker.terminate();
    throw new UserError(ENGINE_LOAD_FAILED, { cause: error });
  }
  return { db, worker, started };
}

async function startBrowserConnector(adopt: EngineAdopter | undefined): Promise<Connector> {
  const bundle = await duckdb.selectBundle(ENGINE_BUNDLES);
  const { db, worker, started } = await instantiatedWorker(bundle, adopt);
  try {
    performance.measure('duckdb.instantiate.wasm', { start: started, end: performance.now() });
    await db.open({ query: { castBigIntToDouble: false } });
    const conn = await openSession(db);
    performance.measure('duckdb.instantiate', { start: started, end: performance.now() });
    return new BrowserConnector(db, conn);
  } catch (error) {
    worker.terminate();
    throw error;
  }
}

let shared: Promise<Connector> | null = null;

/**
 * The one browser database of this tab; `adopt` offers an engine the page already started
 * (used by the first call only).
 */
export function getBrowserConnector(adopt?: EngineAdopter): Promise<Connector> {
  if (!shared) {
    shared = startBrowserConnector(adopt).catch((error: unknown) => {
      shared = null;
      throw error;
    });
  }
  return shared;
}
