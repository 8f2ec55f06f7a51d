/**
 * Parquet → Arrow IPC in the browser. DuckDB's parquet extension is not available offline
 * (STACK.md), so parquet-wasm reads the file; its WASM is self-hosted and fetched only
 * when a Parquet file is imported.
 */
import init, { readParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { PARQUET_BATCH_ROWS, type ParquetReader } from './stage';

let ready: Promise<unknown> | null = null;

export const browserParquetReader: ParquetReader = {
  async toArrowIpc(bytes) {
    ready ??= init({ module_or_path: wasmUrl }).catch((error: unknown) => {
      ready = null;
      throw error;
    });
    await ready;
    return readParquet(bytes, { batchSize: PARQUET_BATCH_ROWS }).intoIPCStream();
  },
};
