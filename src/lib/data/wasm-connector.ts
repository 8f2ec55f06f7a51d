/**
 * What the browser's and Node's DuckDB-WASM connectors share: rows from the Arrow result,
 * and every insert of Arrow data as one whole IPC stream (ipc-stream.ts), with the session
 * replaced when the engine fails on it. Each connector brings the engine's own calls.
 */
import { tableToIPC, type Table } from 'apache-arrow';
import { arrowToRows } from './arrow-rows';
import type { Connector, Query, Row } from './connector';
import { insertIpcParts } from './ipc-stream';

export abstract class WasmConnector implements Connector {
  abstract readonly engine: string;
  abstract queryArrow(query: Query): Promise<Table>;
  abstract exec(sql: string): Promise<void>;
  abstract registerFile(name: string, bytes: Uint8Array | Blob): Promise<void>;
  abstract dropFile(name: string): Promise<void>;
  abstract queryIpc(sql: string): Promise<Uint8Array>;
  abstract close(): Promise<void>;
  /** Hands one part of a whole IPC stream to the engine. */
  protected abstract insertPart(
    part: Uint8Array,
    into: { name: string; create: boolean },
  ): Promise<unknown> | unknown;
  /** Replaces the session after the engine failed on an insert (see Connector.insertIpc). */
  protected abstract restartSession(): Promise<void> | void;

  async query<T = Row>(query: Query): Promise<T[]> {
    return arrowToRows<T>(await this.queryArrow(query));
  }

  async insertArrow(table: Table, target: string, options?: { create?: boolean }): Promise<void> {
    // Serialised with the app's own Arrow module: the CJS engine build in Node would
    // otherwise meet a Table from the ESM Arrow instance and silently insert nothing.
    await this.insertIpc(tableToIPC(table, 'stream'), target, options);
  }

  async insertIpc(
    bytes: Uint8Array,
    target: string,
    options?: { create?: boolean },
  ): Promise<void> {
    await insertIpcParts(
      bytes,
      target,
      options,
      (part, into) => this.insertPart(part, into),
      () => this.restartSession(),
    );
  }
}
