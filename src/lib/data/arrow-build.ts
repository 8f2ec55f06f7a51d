/**
 * Builds Arrow tables from JS values for DuckDB's insertArrowTable. Strings are plain
 * Utf8 (tableFromArrays would dictionary-encode them), numbers Float64 or Int32; dates and
 * timestamps travel as text and are cast in SQL, where DuckDB validates them.
 */
import {
  Float64,
  Int32,
  makeData,
  makeVector,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  type Vector,
} from 'apache-arrow';

export type StagingKind = 'text' | 'float' | 'int';
export interface StagingColumn {
  name: string;
  kind: StagingKind;
  values: readonly (string | number | null | undefined)[] | Float64Array | Int32Array;
}

/**
 * Validity bitmap (LSB first) and null count. Built by hand, like the value buffers below:
 * Arrow's builders compile their null checks with `Function()`, which the deployment's
 * Content-Security-Policy (no 'unsafe-eval') forbids.
 */
function validity(
  values: ArrayLike<unknown>,
  isNull: (v: unknown) => boolean,
): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (isNull(values[i])) nullCount++;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  }
  return { nullBitmap, nullCount };
}

const isMissing = (v: unknown) => v === null || v === undefined;

function numberVector(column: StagingColumn): Vector {
  const { values } = column;
  // Typed arrays hold no nulls (NaN stays NaN): wrapped as they are, without a copy.
  if (column.kind === 'float' && values instanceof Float64Array) return makeVector(values);
  if (column.kind === 'int' && values instanceof Int32Array) return makeVector(values);
  const type = column.kind === 'float' ? new Float64() : new Int32();
  const data =
    column.kind === 'float' ? new Float64Array(values.length) : new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    data[i] = isMissing(v) ? 0 : Number(v);
  }
  const typed = values instanceof Float64Array || values instanceof Int32Array;
  const { nullBitmap, nullCount } = typed
    ? { nullBitmap: new Uint8Array(0), nullCount: 0 }
    : validity(values, isMissing);
  return makeVector(
    makeData({
      type,
      length: values.length,
      nullCount,
      nullBitmap: nullCount ? nullBitmap : undefined,
      data,
    } as never),
  );
}

const encoder = new TextEncoder();

/**
 * The value buffers of an Arrow Utf8 column of `length` texts (`textAt(i)`: the i-th text,
 * or null for a null, which takes no bytes): offsets and the UTF-8 bytes one after another.
 * Shared with the region server's results (server/src/arrow-result.ts).
 */
export function utf8Buffers(
  length: number,
  textAt: (i: number) => string | null,
): { valueOffsets: Int32Array; data: Uint8Array } {
  const parts: Uint8Array[] = [];
  const valueOffsets = new Int32Array(length + 1);
  let total = 0;
  for (let i = 0; i < length; i++) {
    const text = textAt(i);
    if (text !== null) {
      const bytes = encoder.encode(text);
      parts.push(bytes);
      total += bytes.length;
    }
    valueOffsets[i + 1] = total;
  }
  const data = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    data.set(part, at);
    at += part.length;
  }
  return { valueOffsets, data };
}

function textVector(values: ArrayLike<string | number | null | undefined>): Vector {
  const { nullBitmap, nullCount } = validity(values, isMissing);
  const { valueOffsets, data } = utf8Buffers(values.length, (i) => {
    const v = values[i];
    return isMissing(v) ? null : String(v);
  });
  return makeVector(
    makeData({
      type: new Utf8(),
      length: values.length,
      nullCount,
      nullBitmap: nullCount ? nullBitmap : undefined,
      valueOffsets,
      data,
    }),
  );
}

export function buildArrowTable(columns: readonly StagingColumn[]): Table {
  const vectors: Record<string, Vector> = {};
  for (const column of columns) {
    vectors[column.name] =
      column.kind === 'text'
        ? textVector(column.values as ArrayLike<string | number | null | undefined>)
        : numberVector(column);
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
