/**
 * A native DuckDB result as an Arrow IPC stream. @duckdb/node-api has no Arrow output, so
 * each result chunk (2,048 rows) becomes one record batch here, built from the chunk's own
 * typed arrays: numbers, dates and timestamps are copied as whole arrays (no value objects
 * per row), DuckDB's validity words are already Arrow's LSB-first bitmap, and only texts
 * are read one by one. The Arrow types are those DuckDB-WASM answers with, so the browser's
 * arrowToRows (data/arrow-rows.ts) gives the same rows from either engine.
 */
import {
  Bool,
  DateDay,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  makeData,
  RecordBatch,
  Schema,
  Field,
  Struct,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  RecordBatchStreamWriter,
  type Data,
  type DataType,
} from 'apache-arrow';
import {
  DuckDBTypeId,
  type DuckDBDataChunk,
  type DuckDBResult,
  type DuckDBType,
  type DuckDBVector,
} from '@duckdb/node-api';
import { utf8Buffers } from '../../src/lib/data/arrow-build';

/** The Arrow type and the typed array of DuckDB's fixed-width types. */
const FIXED: Partial<Record<DuckDBTypeId, () => DataType>> = {
  [DuckDBTypeId.TINYINT]: () => new Int8(),
  [DuckDBTypeId.SMALLINT]: () => new Int16(),
  [DuckDBTypeId.INTEGER]: () => new Int32(),
  [DuckDBTypeId.BIGINT]: () => new Int64(),
  [DuckDBTypeId.UTINYINT]: () => new Uint8(),
  [DuckDBTypeId.USMALLINT]: () => new Uint16(),
  [DuckDBTypeId.UINTEGER]: () => new Uint32(),
  [DuckDBTypeId.UBIGINT]: () => new Uint64(),
  [DuckDBTypeId.FLOAT]: () => new Float32(),
  [DuckDBTypeId.DOUBLE]: () => new Float64(),
  [DuckDBTypeId.DATE]: () => new DateDay(),
  [DuckDBTypeId.TIMESTAMP]: () => new TimestampMicrosecond(),
  [DuckDBTypeId.TIMESTAMP_TZ]: () => new TimestampMicrosecond('UTC'),
  [DuckDBTypeId.TIMESTAMP_S]: () => new TimestampSecond(),
  [DuckDBTypeId.TIMESTAMP_MS]: () => new TimestampMillisecond(),
  [DuckDBTypeId.TIMESTAMP_NS]: () => new TimestampNanosecond(),
};

/** What the browser gets for a DuckDB type (texts for the rare rest: enums, UUIDs, …). */
export function arrowTypeOf(type: DuckDBType): DataType {
  const fixed = FIXED[type.typeId];
  if (fixed) return fixed();
  if (type.typeId === DuckDBTypeId.BOOLEAN) return new Bool();
  // HUGEINT (a sum of BIGINT) and DECIMAL: the number arrowToRows would make of them.
  if (type.typeId === DuckDBTypeId.HUGEINT || type.typeId === DuckDBTypeId.DECIMAL) {
    return new Float64();
  }
  return new Utf8();
}

/** The vector's internals (@duckdb/node-api 1.4.3: `items`, `validity.data`); see below. */
interface VectorInternals {
  items?: ArrayLike<unknown> & { subarray?: (a: number, b: number) => ArrayLike<unknown> };
  validity?: { data?: BigUint64Array | null };
}

/** Arrow's validity bitmap of the vector, or null when every value is valid. */
function nullBitmap(vector: DuckDBVector, length: number): Uint8Array | null {
  const words = (vector as unknown as VectorInternals).validity?.data;
  if (words instanceof BigUint64Array) {
    // Little-endian 64-bit words, LSB first: byte for byte Arrow's bitmap.
    return new Uint8Array(words.buffer, words.byteOffset, Math.ceil(length / 8)).slice();
  }
  if (words === null) return null;
  // Unknown internals: read validity item by item.
  const bitmap = new Uint8Array(Math.ceil(length / 8));
  for (let i = 0; i < length; i++) if (vector.getItem(i) !== null) bitmap[i >> 3] |= 1 << (i & 7);
  return bitmap;
}

function countNulls(bitmap: Uint8Array | null, length: number): number {
  if (!bitmap) return 0;
  let valid = 0;
  for (let i = 0; i < length; i++) valid += (bitmap[i >> 3] >> (i & 7)) & 1;
  return length - valid;
}

const TYPED: Partial<Record<DuckDBTypeId, new (n: number) => ArrayLike<unknown>>> = {
  [DuckDBTypeId.TINYINT]: Int8Array,
  [DuckDBTypeId.SMALLINT]: Int16Array,
  [DuckDBTypeId.INTEGER]: Int32Array,
  [DuckDBTypeId.BIGINT]: BigInt64Array,
  [DuckDBTypeId.UTINYINT]: Uint8Array,
  [DuckDBTypeId.USMALLINT]: Uint16Array,
  [DuckDBTypeId.UINTEGER]: Uint32Array,
  [DuckDBTypeId.UBIGINT]: BigUint64Array,
  [DuckDBTypeId.FLOAT]: Float32Array,
  [DuckDBTypeId.DOUBLE]: Float64Array,
  [DuckDBTypeId.DATE]: Int32Array,
  [DuckDBTypeId.TIMESTAMP]: BigInt64Array,
  [DuckDBTypeId.TIMESTAMP_TZ]: BigInt64Array,
  [DuckDBTypeId.TIMESTAMP_S]: BigInt64Array,
  [DuckDBTypeId.TIMESTAMP_MS]: BigInt64Array,
  [DuckDBTypeId.TIMESTAMP_NS]: BigInt64Array,
};

/** A copy of a fixed-width vector's values as the typed array Arrow stores. */
function fixedValues(vector: DuckDBVector, typeId: DuckDBTypeId, length: number) {
  const Typed = TYPED[typeId]!;
  const items = (vector as unknown as VectorInternals).items;
  if (items instanceof (Typed as unknown as typeof Int8Array)) {
    return (items as unknown as Int8Array).slice(0, length);
  }
  // Unknown internals: one value at a time (dates and timestamps as their raw numbers).
  const out = new Typed(length) as unknown as { [i: number]: unknown };
  for (let i = 0; i < length; i++) {
    const v = vector.getItem(i) as unknown;
    const raw =
      v && typeof v === 'object'
        ? ((
            v as {
              micros?: bigint;
              days?: number;
              millis?: bigint;
              seconds?: bigint;
              nanos?: bigint;
            }
          ).micros ??
          (v as { days?: number }).days ??
          (v as { millis?: bigint }).millis ??
          (v as { seconds?: bigint }).seconds ??
          (v as { nanos?: bigint }).nanos)
        : v;
    out[i] = raw ?? (typeof out[0] === 'bigint' ? 0n : 0);
  }
  return out;
}

function textData(vector: DuckDBVector, length: number, bitmap: Uint8Array | null): Data<Utf8> {
  const { valueOffsets, data } = utf8Buffers(length, (i) => {
    const value = bitmap && !((bitmap[i >> 3] >> (i & 7)) & 1) ? null : vector.getItem(i);
    return value === null ? null : String(value);
  });
  return makeData({
    type: new Utf8(),
    length,
    nullCount: countNulls(bitmap, length),
    nullBitmap: bitmap ?? undefined,
    valueOffsets,
    data,
  });
}

function numberData(vector: DuckDBVector, length: number, bitmap: Uint8Array | null): Data {
  const data = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = vector.getItem(i) as unknown;
    if (v === null) continue;
    if (typeof v === 'bigint') data[i] = Number(v);
    else if (typeof v === 'object' && 'scale' in (v as object)) {
      // As arrowToRows reads a DECIMAL: the unscaled integer over 10^scale.
      const { value, scale } = v as { value: bigint; scale: number };
      data[i] = Number(value) / 10 ** scale;
    } else data[i] = Number(v);
  }
  return makeData({
    type: new Float64(),
    length,
    nullCount: countNulls(bitmap, length),
    nullBitmap: bitmap ?? undefined,
    data,
  });
}

function boolData(vector: DuckDBVector, length: number, bitmap: Uint8Array | null): Data {
  const data = new Uint8Array(Math.ceil(length / 8));
  for (let i = 0; i < length; i++) if (vector.getItem(i) === true) data[i >> 3] |= 1 << (i & 7);
  return makeData({
    type: new Bool(),
    length,
    nullCount: countNulls(bitmap, length),
    nullBitmap: bitmap ?? undefined,
    data,
  });
}

function columnData(vector: DuckDBVector, type: DuckDBType, arrow: DataType, length: number): Data {
  const bitmap = nullBitmap(vector, length);
  if (TYPED[type.typeId]) {
    return makeData({
      type: arrow,
      length,
      nullCount: countNulls(bitmap, length),
      nullBitmap: bitmap ?? undefined,
      data: fixedValues(vector, type.typeId, length),
    } as never);
  }
  if (arrow instanceof Bool) return boolData(vector, length, bitmap);
  if (arrow instanceof Float64) return numberData(vector, length, bitmap);
  return textData(vector, length, bitmap);
}

/** One record batch of a chunk. */
function chunkBatch(chunk: DuckDBDataChunk, types: DuckDBType[], schema: Schema): RecordBatch {
  const length = chunk.rowCount;
  const children = types.map((type, c) =>
    columnData(chunk.getColumnVector(c), type, schema.fields[c].type, length),
  );
  const data = makeData({ type: new Struct(schema.fields), length, nullCount: 0, children });
  return new RecordBatch(schema, data);
}

/** Thrown when a result has more rows than allowed (the point limit). */
export class TooManyRowsError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} rows`);
  }
}

/**
 * The result as Arrow IPC stream bytes, reading chunk by chunk and stopping as soon as it
 * has more than `maxRows` rows (TooManyRowsError).
 */
export async function resultToIpc(
  result: DuckDBResult,
  maxRows = Infinity,
): Promise<{ bytes: Uint8Array; rows: number }> {
  const types = result.columnTypes();
  const names = result.columnNames();
  const schema = new Schema(names.map((name, i) => new Field(name, arrowTypeOf(types[i]), true)));
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, schema);
  let rows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    rows += chunk.rowCount;
    if (rows > maxRows) throw new TooManyRowsError(maxRows);
    writer.write(chunkBatch(chunk, types, schema));
  }
  writer.finish();
  return { bytes: writer.toUint8Array(true), rows };
}
