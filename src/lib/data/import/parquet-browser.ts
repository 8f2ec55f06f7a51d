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

const initialised = () =>
  (ready ??= init({ module_or_path: wasmUrl }).catch((error: unknown) => {
    ready = null;
    throw error;
  }));

/**
 * Starts fetching and compiling the reader's WebAssembly (~0.1 s) while a file that looks
 * like Parquet is still being read; a failure shows when the file is read.
 */
export function warmParquetReader(fileName: string): void {
  if (/\.parquet$/i.test(fileName)) initialised().catch(() => undefined);
}

export const browserParquetReader: ParquetReader = {
  async *toArrowIpcBatches(bytes) {
    const started = performance.now();
    await initialised();
    performance.measure('import.parquet_init', { start: started, end: performance.now() });
    yield* parquetIpcChunks(readParquet, bytes);
  },
};
