/**
 * Builds Arrow tables from JS values for DuckDB's insertArrowTable. Strings are plain
 * Utf8 (tableFromArrays would dictionary-encode them), numbers Float64 or Int32; dates and
 * timestamps travel as text and are cast in SQL, where DuckDB validates them.
 */
import {
  Float64,
  Int32,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  vectorFromArray,
  makeVector,
  type Vector,
} from 'apache-arrow';

export type StagingKind = 'text' | 'float' | 'int';
export interface StagingColumn {
  name: string;
  kind: StagingKind;
  values: readonly (string | number | null | undefined)[] | Float64Array | Int32Array;
}

export function buildArrowTable(columns: readonly StagingColumn[]): Table {
  const vectors: Record<string, Vector> = {};
  for (const column of columns) {
    // Typed arrays hold no nulls: wrapped as they are, without copying value by value.
    if (column.kind === 'float' && column.values instanceof Float64Array) {
      vectors[column.name] = makeVector(column.values);
    } else if (column.kind === 'int' && column.values instanceof Int32Array) {
      vectors[column.name] = makeVector(column.values);
    } else if (column.kind === 'float') {
      vectors[column.name] = vectorFromArray(
        Array.from(column.values as ArrayLike<number | null>, (v) => v ?? null),
        new Float64(),
      );
    } else if (column.kind === 'int') {
      vectors[column.name] = vectorFromArray(
        Array.from(column.values as ArrayLike<number | null>, (v) => v ?? null),
        new Int32(),
      );
    } else {
      vectors[column.name] = vectorFromArray(
        Array.from(column.values as ArrayLike<string | null>, (v) => v ?? null),
        new Utf8(),
      );
    }
  }
  return new Table(vectors);
}

const FILE_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"

/**
 * DuckDB-WASM returns query results in the Arrow IPC *file* format but only ingests the
 * *stream* format (file bytes are silently ignored): convert when needed. The conversion
 * reuses the buffers (tableFromIPC is zero-copy) and costs ~0.2 s per million rows.
 */
export function toIpcStream(bytes: Uint8Array): Uint8Array {
  const isFile = FILE_MAGIC.every((b, i) => bytes[i] === b);
  return isFile ? tableToIPC(tableFromIPC(bytes), 'stream') : bytes;
}
