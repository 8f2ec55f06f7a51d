/**
 * The Connector interface (connector.ts) on ClickHouse, shared by the in-process engine
 * (chDB, chdb-connector.ts) and a ClickHouse server or cluster over HTTP
 * (client-connector.ts). Node only. A query a registered builder made (it carries `call`)
 * is built again with ClickHouse's dialect, so views and a server hand it the same queries
 * as DuckDB; any other SQL runs as given (statements written for ClickHouse). Results are
 * Arrow (ArrowStream) and become rows as DuckDB's do (ArrowConnector).
 *
 * Read-only by design, like the regional server: files are not registered here (imports
 * stay in the browser); inserting Arrow is for loading the region's data.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import { ArrowConnector } from '../arrow-connector';
import type { Query } from '../connector';
import { buildCall } from '../queries/registry';
import { withDialect } from '../sql/dialect';
import { clickhouse, clickHouseQuery, type ClickHouseQuery } from '../sql/dialect-clickhouse';

/** The SQL and query parameters of a query for ClickHouse. */
export function toClickHouse(query: Query): ClickHouseQuery {
  const built = query.call ? withDialect(clickhouse, () => buildCall(query.call)) : query;
  return clickHouseQuery(built.sql, built.params);
}

export abstract class ClickHouseConnector extends ArrowConnector {
  /** Runs one statement; with a format, returns its result in that format. */
  protected abstract run(query: ClickHouseQuery, format: 'ArrowStream' | null): Promise<Uint8Array>;
  /** Appends Arrow IPC stream bytes to `target` (creating it first with `create`). */
  protected abstract insertStream(
    bytes: Uint8Array,
    target: string,
    create: boolean,
  ): Promise<void>;

  async queryArrow(query: Query): Promise<Table> {
    return tableFromIPC(await this.run(toClickHouse(query), 'ArrowStream'));
  }

  async exec(sql: string): Promise<void> {
    await this.run(clickHouseQuery(sql), null);
  }

  async queryIpc(sql: string): Promise<Uint8Array> {
    return this.run(clickHouseQuery(sql), 'ArrowStream');
  }

  async insertIpc(
    bytes: Uint8Array,
    target: string,
    options?: { create?: boolean },
  ): Promise<void> {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(target)) throw new Error(`not a table name: ${target}`);
    await this.insertStream(bytes, target, options?.create ?? false);
  }

  async registerFile(): Promise<void> {
    throw new Error('Bestanden inlezen kan alleen in de browser, niet op ClickHouse.');
  }

  async dropFile(): Promise<void> {}
}
