/**
 * What every connector whose engine answers in Arrow shares (DuckDB-WASM's in the browser
 * and in Node, ClickHouse's): rows come from the Arrow result (arrow-rows.ts), and an Arrow
 * table is inserted as one IPC stream, serialised with the app's own Arrow module. Each
 * engine brings its own queryArrow and insertIpc.
 */
import { tableToIPC, type Table } from 'apache-arrow';
import { arrowToRows } from './arrow-rows';
import type { Connector, Query, Row } from './connector';

export abstract class ArrowConnector implements Connector {
  abstract readonly engine: string;
  abstract queryArrow(query: Query): Promise<Table>;
  abstract exec(sql: string): Promise<void>;
  abstract registerFile(name: string, bytes: Uint8Array | Blob): Promise<void>;
  abstract dropFile(name: string): Promise<void>;
  abstract queryIpc(sql: string): Promise<Uint8Array>;
  abstract insertIpc(
    bytes: Uint8Array,
    target: string,
    options?: { create?: boolean },
  ): Promise<void>;
  abstract close(): Promise<void>;

  async query<T = Row>(query: Query): Promise<T[]> {
    return arrowToRows<T>(await this.queryArrow(query));
  }

  async insertArrow(table: Table, target: string, options?: { create?: boolean }): Promise<void> {
    // Serialised with the app's own Arrow module: an engine's build of Arrow (the CJS
    // DuckDB-WASM in Node) would otherwise meet a Table from another Arrow instance and
    // silently insert nothing.
    await this.insertIpc(tableToIPC(table, 'stream'), target, options);
  }
}
