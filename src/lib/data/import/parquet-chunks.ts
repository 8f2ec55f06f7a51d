/**
 * Parquet → Arrow IPC in chunks of rows, shared by the browser and Node readers
 * (parquet-wasm's `readParquet` from its esm or node build). Each chunk is a complete IPC
 * stream, so the import hands one chunk to DuckDB while the next is decoded: decoding runs
 * on the calling thread, DuckDB-WASM in its worker. The reader skips the rows before a
 * chunk's offset without decoding them, so reading in chunks costs no more than reading
 * the whole file at once.
 */
/**
 * Rows per chunk: one of DuckDB's row groups (122,880 rows). Appends that end inside a row
 * group made the next append several times slower (DuckDB-WASM 1.32 in Node: 250,000-row
 * chunks 0.4 s per append after the first; 245,760 rows 0.1 s; 122,880 rows 0.05 s).
 * Measured in Chromium for a million rows (`import.parquet_1m_ms`, median of 5): whole file
 * at once 3.8 s, 245,760-row chunks 2.9 s, 122,880-row chunks 2.7 s.
 */
export const PARQUET_CHUNK_ROWS = 122_880;

/**
 * Rows per Arrow record batch within a chunk. The reader's default (1,024) makes a million
 * rows a thousand batches, each decoded, framed and scanned by DuckDB as a half-full
 * vector; 64K-row batches are fewer and fill DuckDB's vectors.
 */
const PARQUET_BATCH_ROWS = 65_536;

interface WasmTable {
  readonly numBatches: number;
  intoIPCStream(): Uint8Array;
  free(): void;
}

export type ReadParquet = (
  bytes: Uint8Array,
  options: { batchSize: number; offset: number; limit: number },
) => WasmTable;

export function* parquetIpcChunks(
  readParquet: ReadParquet,
  bytes: Uint8Array,
  chunkRows = PARQUET_CHUNK_ROWS,
): Generator<Uint8Array> {
  const batchSize = Math.min(PARQUET_BATCH_ROWS, chunkRows);
  for (let offset = 0; ; offset += chunkRows) {
    const table = readParquet(bytes, { batchSize, offset, limit: chunkRows });
    if (table.numBatches === 0) {
      table.free();
      return;
    }
    yield table.intoIPCStream();
  }
}
