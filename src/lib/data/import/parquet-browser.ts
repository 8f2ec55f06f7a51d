/**
 * Parquet → Arrow IPC chunks in the browser. DuckDB's parquet extension is not available
 * offline (STACK.md), so parquet-wasm reads the file; its WASM is self-hosted and fetched
 * only when a Parquet file is imported.
 */
import init, { readParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { parquetIpcChunks } from './parquet-chunks';
import type { ParquetReader } from './stage';

let ready: Promise<unknown> | null = null;

export const browserParquetReader: ParquetReader = {
  async *toArrowIpcBatches(bytes) {
    ready ??= init({ module_or_path: wasmUrl }).catch((error: unknown) => {
      ready = null;
      throw error;
    });
    await ready;
    yield* parquetIpcChunks(readParquet, bytes);
  },
};
