/**
 * ClickHouse in-process (chDB, the `chdb` npm package: ClickHouse 26.7 as a library) as a
 * Connector, for tests and the engine parity run: the same engine and SQL as a ClickHouse
 * server, without one. chDB (~540 MB) is installed on first use into the cache folder
 * (install-on-demand.ts). Node only.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLICKHOUSE_SETTINGS, type ClickHouseQuery } from '../sql/dialect-clickhouse';
import { ClickHouseConnector } from './clickhouse-connector';
import { clickHouseTableSql, isAppTable } from './clickhouse-schema';
import { importOnDemand } from './install-on-demand';

export const CHDB = 'chdb@3.4.0';

interface ChdbResult {
  bytes(): Uint8Array;
}
interface ChdbSession {
  queryAsync(sql: string, options?: { format?: string }): Promise<ChdbResult>;
  queryBindAsync(sql: string, params: object, options?: { format?: string }): Promise<ChdbResult>;
  close(): void;
}
interface ChdbModule {
  Session: new (path?: string, options?: { connectionArgs?: readonly string[] }) => ChdbSession;
}

/** The chdb module, installed into the cache folder on first use. */
export const loadChdb = () =>
  importOnDemand<ChdbModule>('chdb', CHDB, path.join('chdb', 'index.js'));

/** Settings as `clickhouse local` command-line arguments (they hold for the whole session). */
const settingArgs = Object.entries(CLICKHOUSE_SETTINGS).map(([k, v]) => `--${k}=${v}`);

export class ChdbConnector extends ClickHouseConnector {
  readonly engine = 'clickhouse-chdb';
  private constructor(
    private readonly session: ChdbSession,
    private readonly files: string,
  ) {
    super();
  }

  /** A fresh in-memory session (a temporary data folder, removed by close()). */
  static async open(): Promise<ChdbConnector> {
    const { Session } = await loadChdb();
    const session = new Session(undefined, { connectionArgs: settingArgs });
    const files = await mkdtemp(path.join(tmpdir(), 'wijkradar-chdb-'));
    const conn = new ChdbConnector(session, files);
    for (const [k, v] of Object.entries(CLICKHOUSE_SETTINGS)) {
      await conn.exec(`SET ${k} = ${typeof v === 'number' ? v : `'${v}'`}`);
    }
    return conn;
  }

  protected async run(
    { sql, params }: ClickHouseQuery,
    format: 'ArrowStream' | null,
  ): Promise<Uint8Array> {
    const options = { format: format ?? 'TabSeparated' };
    const result = Object.keys(params).length
      ? await this.session.queryBindAsync(sql, params, options)
      : await this.session.queryAsync(sql, options);
    return result.bytes();
  }

  /**
   * Loads one of the app's tables from a file the engine reads itself (Parquet, Arrow), by
   * absolute path: with `create` as a new table of the app's column types
   * (clickhouse-schema.ts), else appended to the table. The file's columns are matched by
   * name (`_rowid`, the row's position, among them).
   */
  async loadFile(file: string, format: 'Parquet' | 'ArrowStream', target: string, create: boolean) {
    const source = `file('${file.replaceAll("'", "\\'")}', '${format}')`;
    if (create && isAppTable(target)) await this.exec(clickHouseTableSql(target));
    if (create && !isAppTable(target)) {
      await this.exec(
        `CREATE OR REPLACE TABLE ${target} ENGINE = Memory AS SELECT * FROM ${source}`,
      );
      return;
    }
    const columns = await this.query<{ name: string }>({ sql: `DESCRIBE TABLE ${source}` });
    const names = columns.map((c) => c.name).join(', ');
    await this.exec(`INSERT INTO ${target} (${names}) SELECT * FROM ${source}`);
  }

  protected async insertStream(bytes: Uint8Array, target: string, create: boolean): Promise<void> {
    const file = path.join(this.files, `${target}.arrows`);
    await writeFile(file, bytes);
    try {
      await this.loadFile(file, 'ArrowStream', target, create);
    } finally {
      await rm(file, { force: true });
    }
  }

  async close(): Promise<void> {
    this.session.close();
    await rm(this.files, { recursive: true, force: true });
  }
}
