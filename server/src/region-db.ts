/**
 * The region database, read-only, through native DuckDB (@duckdb/node-api 1.4.3, the
 * browser engine's version). The file written by `npm run publish:region` is attached
 * READ_ONLY to an in-memory database; every scope gets its own schema there with one view
 * per table of the file, restricted to the scope's gemeenten (and for riec its themes), and
 * a query runs with only that schema on its search path. A builder therefore reads the
 * same table names as in the browser and cannot reach rows outside the scope, whatever its
 * arguments. A table without a `gemeente` column is not shown to anyone (fail closed).
 */
import { createHash } from 'node:crypto';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { resultToIpc } from './arrow-result';
import { scopeKey, type Scope } from './scope';
import { projectionsRead, QueryTimeoutError, ScopeProjections, withTimeLimit } from './scope-facts';

export { QueryTimeoutError };

/** The same session set-up as the browser's (data/connector.ts): never load extensions. */
const SESSION_SETUP = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  'SET perfect_ht_threshold = 18',
];

export type QueryParam = string | number | boolean | null;

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface TableColumns {
  name: string;
  columns: Set<string>;
}

/** The WHERE condition that restricts `table` to the scope (FALSE when it cannot be). */
export function scopeCondition(table: TableColumns, scope: Pick<Scope, 'gemeenten' | 'themes'>) {
  if (!table.columns.has('gemeente')) return 'FALSE';
  const conditions = [`gemeente IN (${scope.gemeenten.map(sqlText).join(', ')})`];
  if (scope.themes) {
    const themes = scope.themes.map(sqlText).join(', ');
    // Records and the Verkennen projection carry the theme; the analysis facts its hash.
    if (table.columns.has('theme')) conditions.push(`CAST(theme AS VARCHAR) IN (${themes})`);
    else if (table.columns.has('theme_h')) {
      conditions.push(`theme_h IN (${scope.themes.map((t) => `hash(${sqlText(t)})`).join(', ')})`);
    } else if (!RIEC_UNTHEMED.has(table.name)) conditions.push('FALSE');
  }
  return conditions.join(' AND ');
}

/** Tables without themes a riec user still needs: the areas and the category mapping. */
const RIEC_UNTHEMED = new Set(['areas', 'theme_mapping']);

export class RegionDatabase {
  #schemas = new Map<string, Promise<string>>();
  #projections = new Map<string, Promise<ScopeProjections>>();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly setup: DuckDBConnection,
    private readonly tables: TableColumns[],
  ) {}

  /** Opens `file` read-only; `threads` defaults to DuckDB's (all cores). */
  static async open(file: string, options: { threads?: number | null } = {}) {
    const settings: Record<string, string> = {};
    if (options.threads) settings.threads = String(options.threads);
    const instance = await DuckDBInstance.create(':memory:', settings);
    const setup = await instance.connect();
    for (const statement of SESSION_SETUP) await setup.run(statement);
    await setup.run(`ATTACH ${sqlText(file)} AS region (READ_ONLY)`);
    const reader = await setup.runAndReadAll(
      `SELECT table_name, list(column_name) AS columns FROM duckdb_columns()
       WHERE database_name = 'region' AND schema_name = 'main' GROUP BY table_name ORDER BY table_name`,
    );
    const tables = reader.getRowObjectsJS().map((row) => ({
      name: String(row.table_name),
      columns: new Set((row.columns as string[]).map(String)),
    }));
    return new RegionDatabase(instance, setup, tables);
  }

  /** The tables of the region file with their columns (diagnostics, tests). */
  get tableNames(): string[] {
    return this.tables.map((t) => t.name);
  }

  /** The schema of the scope's views, created on first use. */
  #schemaFor(scope: Pick<Scope, 'gemeenten' | 'themes'>): Promise<string> {
    const key = scopeKey(scope);
    let schema = this.#schemas.get(key);
    if (!schema) {
      const name = `scope_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
      schema = (async () => {
        const statements = [`CREATE SCHEMA IF NOT EXISTS memory.${name}`];
        for (const table of this.tables) {
          // The row's position as a column: the builders read `rowid` (Verkennen's points,
          // a picked point's record), which a view does not have by itself.
          statements.push(
            `CREATE OR REPLACE VIEW memory.${name}.${ident(table.name)} AS
             SELECT *, rowid AS rowid FROM region.main.${ident(table.name)}
             WHERE ${scopeCondition(table, scope)}`,
          );
        }
        await this.setup.run(statements.join(';\n'));
        return name;
      })();
      schema.catch(() => this.#schemas.delete(key));
      this.#schemas.set(key, schema);
    }
    return schema;
  }

  /**
   * Runs one builder's query in the scope: Arrow IPC stream bytes and the row count.
   * Past `timeoutMs` the connection is interrupted (QueryTimeoutError); more than
   * `maxRows` rows throw TooManyRowsError.
   */
  async query(
    scope: Pick<Scope, 'gemeenten' | 'themes'>,
    query: { sql: string; params?: readonly QueryParam[] },
    limits: { timeoutMs: number; maxRows: number },
  ): Promise<{ bytes: Uint8Array; rows: number }> {
    const schema = await this.#schemaFor(scope);
    const reads = projectionsRead(query.sql);
    if (reads.length > 0) {
      const projections = await this.#projectionsFor(scope, schema);
      return projections.run(reads, limits.timeoutMs, (conn) => runLimited(conn, query, limits));
    }
    const conn = await this.#connect(schema);
    try {
      return await runLimited(conn, query, limits);
    } finally {
      conn.closeSync();
    }
  }

  /** A connection that reads the scope's views (`schema`). */
  async #connect(schema: string): Promise<DuckDBConnection> {
    const conn = await this.instance.connect();
    for (const statement of SESSION_SETUP) await conn.run(statement);
    // Types (the projections' enums) resolve in region.main; tables always in the scope.
    await conn.run(`SET search_path = 'memory.${schema},region.main'`);
    return conn;
  }

  /** The scope's connection for its projections (scope-facts.ts), opened on first use. */
  #projectionsFor(scope: Pick<Scope, 'gemeenten' | 'themes'>, schema: string) {
    const key = scopeKey(scope);
    let projections = this.#projections.get(key);
    if (!projections) {
      projections = (async () => {
        const conn = await this.#connect(schema);
        // The projection's ENUM types go to the scope's schema (each scope its own values).
        await conn.run(`USE memory.${schema}`);
        await conn.run(`SET search_path = 'memory.${schema},region.main'`);
        return new ScopeProjections(conn);
      })();
      projections.catch(() => this.#projections.delete(key));
      this.#projections.set(key, projections);
    }
    return projections;
  }

  /**
   * Runs a query on the whole region file, without a scope (the tests' direct connection
   * and publish:region's checks; never reachable over HTTP).
   */
  async queryUnscoped(query: { sql: string; params?: readonly QueryParam[] }) {
    const conn = await this.instance.connect();
    try {
      for (const statement of SESSION_SETUP) await conn.run(statement);
      await conn.run(`SET search_path = 'region.main'`);
      const statement = await conn.prepare(query.sql);
      bindParams(statement, query.params ?? []);
      return await resultToIpc(await statement.stream());
    } finally {
      conn.closeSync();
    }
  }

  close(): void {
    for (const projections of this.#projections.values())
      void projections.then(
        (p) => p.conn.closeSync(),
        () => undefined,
      );
    this.setup.closeSync();
    this.instance.closeSync();
  }
}

type Bindable = Awaited<ReturnType<DuckDBConnection['prepare']>>;

/**
 * Runs the query on `conn` within the limits: past `timeoutMs` the connection is
 * interrupted (QueryTimeoutError), more than `maxRows` rows throw TooManyRowsError.
 */
async function runLimited(
  conn: DuckDBConnection,
  query: { sql: string; params?: readonly QueryParam[] },
  limits: { timeoutMs: number; maxRows: number },
): Promise<{ bytes: Uint8Array; rows: number }> {
  return withTimeLimit(conn, limits.timeoutMs, async () => {
    const statement = await conn.prepare(query.sql);
    bindParams(statement, query.params ?? []);
    return resultToIpc(await statement.stream(), limits.maxRows);
  });
}

/**
 * Binds parameters as DuckDB-WASM does (it passes them as JSON): integers in 32 bits as
 * INTEGER, other integers BIGINT, other numbers DOUBLE, texts VARCHAR.
 */
export function bindParams(statement: Bindable, params: readonly QueryParam[]): void {
  params.forEach((value, i) => {
    const at = i + 1;
    if (value === null) statement.bindNull(at);
    else if (typeof value === 'string') statement.bindVarchar(at, value);
    else if (typeof value === 'boolean') statement.bindBoolean(at, value);
    else if (Number.isInteger(value) && Math.abs(value) <= 0x7fffffff)
      statement.bindInteger(at, value);
    else if (Number.isSafeInteger(value)) statement.bindBigInt(at, BigInt(value));
    else statement.bindDouble(at, value);
  });
}
