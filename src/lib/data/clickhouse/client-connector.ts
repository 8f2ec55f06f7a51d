/**
 * A ClickHouse server or cluster as a Connector, over HTTP with the official
 * `@clickhouse/client` (a dependency of the regional server, server/package.json; loaded
 * from there, so the app's own install needs no ClickHouse packages). Same SQL and results
 * as chDB (chdb-connector.ts): queries answer ArrowStream, every request carries the
 * session settings of dialect-clickhouse.ts and its `{pN:Type}` query parameters. Only
 * server code imports this module. Node only.
 */
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import { CLICKHOUSE_SETTINGS, type ClickHouseQuery } from '../sql/dialect-clickhouse';
import { ClickHouseConnector } from './clickhouse-connector';
import { clickHouseTableSql, isAppTable } from './clickhouse-schema';

/** The part of @clickhouse/client this connector uses. */
interface ClickHouseClient {
  exec(params: {
    query: string;
    query_params?: Record<string, unknown>;
    clickhouse_settings?: Record<string, unknown>;
    abort_signal?: AbortSignal;
  }): Promise<{ stream: Readable }>;
  insert(params: {
    table: string;
    values: Readable;
    format: string;
    clickhouse_settings?: Record<string, unknown>;
  }): Promise<unknown>;
  close(): Promise<void>;
}

export interface ClickHouseServerOptions {
  /** 'http://host:8123' (or https). */
  url: string;
  username?: string;
  password?: string;
  database?: string;
  /** Milliseconds before a query is cancelled (default 30 s, the server's timeout). */
  timeoutMs?: number;
  /** Where @clickhouse/client is installed (default: the regional server's package). */
  packageJson?: string;
}

const SERVER_PACKAGE = path.resolve(import.meta.dirname, '../../../../server/package.json');

async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return new Uint8Array(Buffer.concat(chunks));
}

export class ClickHouseServerConnector extends ClickHouseConnector {
  readonly engine = 'clickhouse-server';
  private constructor(
    private readonly client: ClickHouseClient,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  static async open(options: ClickHouseServerOptions): Promise<ClickHouseServerConnector> {
    const require = createRequire(options.packageJson ?? SERVER_PACKAGE);
    const { createClient } = (await import(require.resolve('@clickhouse/client'))) as {
      createClient(config: Record<string, unknown>): ClickHouseClient;
    };
    const timeoutMs = options.timeoutMs ?? 30_000;
    const client = createClient({
      url: options.url,
      username: options.username,
      password: options.password,
      database: options.database,
      request_timeout: timeoutMs + 5_000,
      clickhouse_settings: { ...CLICKHOUSE_SETTINGS, max_execution_time: timeoutMs / 1000 },
    });
    return new ClickHouseServerConnector(client, timeoutMs);
  }

  protected async run(
    { sql, values }: ClickHouseQuery,
    format: 'ArrowStream' | null,
  ): Promise<Uint8Array> {
    const { stream } = await this.client.exec({
      query: format ? `${sql}\nFORMAT ${format}` : sql,
      query_params: values,
      abort_signal: AbortSignal.timeout(this.timeoutMs),
    });
    return readAll(stream);
  }

  protected async insertStream(bytes: Uint8Array, target: string, create: boolean): Promise<void> {
    if (create) throw new Error('Maak de tabel op de ClickHouse-server eerst aan (README, Regio).');
    await this.client.insert({
      table: target,
      values: Readable.from([bytes]),
      format: 'ArrowStream',
    });
  }

  /**
   * Replaces the app table `target` with the rows of a Parquet file (with `_rowid`), sent
   * to the server as Parquet (engines:parity --clickhouse-url).
   */
  async loadParquet(file: string, target: string): Promise<void> {
    if (!isAppTable(target)) throw new Error(`not a table of the app: ${target}`);
    await this.exec(clickHouseTableSql(target));
    await this.client.insert({ table: target, values: createReadStream(file), format: 'Parquet' });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
