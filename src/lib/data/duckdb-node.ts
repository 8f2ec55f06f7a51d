/**
 * DuckDB in Node for tests and scripts: the same duckdb-wasm engine (DuckDB v1.4.3) as the
 * browser, in its blocking Node build, so tests exercise exactly the SQL users run.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Table } from 'apache-arrow';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { SESSION_SETUP_SQL, type Connector, type Query } from './connector';
import { chunkedBytes } from './import/csv-bytes';
import { WasmConnector } from './wasm-connector';

const require = createRequire(import.meta.url);

function bundles(): duckdb.DuckDBBundles {
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  return {
    mvp: {
      mainModule: path.join(dist, 'duckdb-mvp.wasm'),
      mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs'),
    },
    eh: {
      mainModule: path.join(dist, 'duckdb-eh.wasm'),
      mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs'),
    },
  };
}

/** A connection with the session set-up every connection runs first. */
function openSession(db: duckdb.DuckDBBindings): duckdb.DuckDBConnection {
  const conn = db.connect();
  for (const statement of SESSION_SETUP_SQL) conn.query(statement);
  return conn;
}

class NodeConnector extends WasmConnector {
  readonly engine = 'duckdb-wasm-node';
  private conn: duckdb.DuckDBConnection;
  constructor(private readonly db: duckdb.DuckDBBindings) {
    super();
    this.conn = openSession(db);
  }

  async queryArrow(query: Query): Promise<Table> {
    if (!query.params || query.params.length === 0) return this.conn.query(query.sql);
    const statement = this.conn.prepare(query.sql);
    try {
      return statement.query(...query.params);
    } finally {
      statement.close();
    }
  }

  async exec(sql: string): Promise<void> {
    this.conn.query(sql);
  }

  async registerFile(name: string, bytes: Uint8Array | Blob): Promise<void> {
    // The blocking Node engine reads only files it was handed whole; it copies them in.
    this.db.registerFileBuffer(name, await chunkedBytes(bytes));
  }

  async dropFile(name: string): Promise<void> {
    this.db.dropFile(name);
  }

  async queryIpc(sql: string): Promise<Uint8Array> {
    return this.conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql));
  }

  protected insertPart(part: Uint8Array, into: { name: string; create: boolean }) {
    this.conn.insertArrowFromIPCStream(part, into);
  }

  protected restartSession(): void {
    this.conn.close();
    this.conn = openSession(this.db);
  }

  async close(): Promise<void> {
    this.conn.close();
  }
}

/** A fresh in-memory database with its own connection (one per test file is cheap: ~1 s). */
export async function createNodeConnector(): Promise<Connector> {
  const db = await duckdb.createDuckDB(bundles(), new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({});
  return new NodeConnector(db);
}
