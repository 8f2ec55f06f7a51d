/** Parquet → Arrow IPC in Node (tests, `npm run import:check`), through parquet-wasm. */
import { readParquet } from 'parquet-wasm/node';
import { PARQUET_BATCH_ROWS, type ParquetReader } from './stage';

export const nodeParquetReader: ParquetReader = {
  async toArrowIpc(bytes) {
    return readParquet(bytes, { batchSize: PARQUET_BATCH_ROWS }).intoIPCStream();
  },
};
