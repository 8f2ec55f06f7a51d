/** Parquet → Arrow IPC chunks in Node (tests, `npm run import:check`), through parquet-wasm. */
import { readParquet } from 'parquet-wasm/node';
import { parquetIpcChunks } from './parquet-chunks';
import type { ParquetReader } from './stage';

export function nodeParquetReaderWith(chunkRows?: number): ParquetReader {
  return { toArrowIpcBatches: (bytes) => parquetIpcChunks(readParquet, bytes, chunkRows) };
}

export const nodeParquetReader = nodeParquetReaderWith();
