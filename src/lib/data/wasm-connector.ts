/**
 * What the browser's and Node's DuckDB-WASM connectors share beyond ArrowConnector's rows
 * and Arrow inserts: every insert as one whole IPC stream (ipc-stream.ts), with the session
 * replaced when the engine fails on it. Each connector brings the engine's own calls.
 */
import { ArrowConnector } from './arrow-connector';
import { insertIpcParts } from './ipc-stream';

export abstract class WasmConnector extends ArrowConnector {
  /** Hands one part of a whole IPC stream to the engine. */
  protected abstract insertPart(
    part: Uint8Array,
    into: { name: string; create: boolean },
  ): Promise<unknown> | unknown;
  /** Replaces the session after the engine failed on an insert (see Connector.insertIpc). */
  protected abstract restartSession(): Promise<void> | void;

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
