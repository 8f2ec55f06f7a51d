/**
 * Stage 1 of an import: the file's rows into `import_raw` (rn, c0 … cN, all VARCHAR; for
 * typed files a view over the typed table, see stageArrowIpc), with
 * the file's own column names kept in TypeScript — user-supplied names never reach SQL
 * text. Rows the reader cannot split into the header's columns are kept as structure
 * rejects with their raw line, so nothing is dropped silently.
 */
import type { Connector } from '../connector';
import { IpcStreamError } from '../ipc-stream';
import { readRange, sizeOf, wholeBytes, type SourceBytes } from './csv-bytes';
import { detectFormat, quoteIdentifier, type SourceFormat } from './formats';
import { looksLikeBinary, stageCsv } from './stage-csv';
import { stageGeoJson } from './stage-geojson';
import {
  dropRelations,
  ImportError,
  MAX_COLUMNS,
  MAX_IMPORT_BYTES,
  STAGE_RELATIONS,
  stagedColumn,
  TOO_LARGE,
  uniqueHeaders,
  type StagedSource,
  type StructureReject,
} from './staged-source';

export {
  looksLikeBinary,
  dropRelations,
  ImportError,
  MAX_COLUMNS,
  MAX_IMPORT_BYTES,
  STAGE_RELATIONS,
  stagedColumn,
  uniqueHeaders,
  type StagedSource,
  type StructureReject,
};

/**
 * Arrow IPC (and Parquet, converted to Arrow chunk by chunk): the typed table is kept as it
 * is. The view `import_rows` numbers its rows (rowid follows insertion order) and names the
 * columns c0 … cN; the view `import_raw` casts them to text for sampling, preview and the
 * rejected-rows download, which read few rows. Conversion reads the typed columns, so a
 * million timestamps and coordinates are never printed and parsed back.
 */
export async function stageArrowIpc(
  conn: Connector,
  ipc: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  format: SourceFormat,
): Promise<StagedSource> {
  await dropRelations(conn, STAGE_RELATIONS);
  const unreadable = `Het ${format === 'parquet' ? 'Parquet' : 'Arrow'}-bestand is onleesbaar.`;
  let batches: number;
  try {
    batches = await insertBatches(
      conn,
      ipc instanceof Uint8Array ? [ipc] : ipc,
      format === 'parquet' ? 'import.parquet_decode' : null,
    );
  } catch (error) {
    // A Parquet file's streams come from its reader: what is wrong with them says nothing
    // about the user's file.
    if (error instanceof IpcStreamError && format === 'arrow') {
      throw new ImportError(`Het Arrow-bestand is ${error.reason}.`);
    }
    throw new ImportError(unreadable);
  }
  if (batches === 0) throw new ImportError('Het bestand bevat geen rijen met gegevens.');
  const described = await conn.query<{ column_name: string; data_type: string }>({
    sql: `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'import_typed' ORDER BY ordinal_position`,
  });
  const headers = described.map((d) => d.column_name);
  if (headers.length === 0) throw new ImportError('Het bestand bevat geen kolommen.');
  if (headers.length > MAX_COLUMNS) throw new ImportError(`Te veel kolommen (${headers.length}).`);
  const names = await unshadowRowid(conn, headers);
  const typed = names.map((h, i) => `${quoteIdentifier(h)} AS ${stagedColumn(i)}`).join(', ');
  await conn.exec(`CREATE VIEW import_rows AS
    SELECT CAST(rowid + 1 AS INTEGER) AS rn, ${typed} FROM import_typed`);
  const text = headers
    .map((_, i) => `CAST(${stagedColumn(i)} AS VARCHAR) AS ${stagedColumn(i)}`)
    .join(', ');
  await conn.exec(`CREATE VIEW import_raw AS SELECT rn, ${text} FROM import_rows`);
  const [{ n }] = await conn.query<{ n: number }>({
    sql: 'SELECT count(*) AS n FROM import_typed',
  });
  return {
    format,
    encoding: null,
    delimiter: null,
    headers: uniqueHeaders(headers),
    columnTypes: described.map((d) => d.data_type),
    rowCount: n,
    structureRejects: [],
  };
}

/**
 * A file column named `rowid` (in any case) would shadow DuckDB's row number, which
 * numbers the staged rows: the personal-data scan, the sample and the rejected-rows
 * download would then follow the file's values instead (issue 27, item 1). Such a column
 * is renamed in the work table; the file's own name stays in `headers`. Returns the work
 * table's column names in order.
 */
async function unshadowRowid(conn: Connector, headers: readonly string[]): Promise<string[]> {
  const taken = new Set(headers.map((h) => h.toLowerCase()));
  const names = [...headers];
  for (const [i, header] of headers.entries()) {
    if (header.toLowerCase() !== 'rowid') continue;
    let name = `wr_file_rowid_${i}`;
    while (taken.has(name)) name += '_';
    taken.add(name);
    await conn.exec(
      `ALTER TABLE import_typed RENAME COLUMN ${quoteIdentifier(header)} TO ${quoteIdentifier(name)}`,
    );
    names[i] = name;
  }
  return names;
}

export interface ParquetReader {
  /** Parquet bytes → Arrow IPC streams, one per chunk of rows, in the file's order. */
  toArrowIpcBatches(bytes: Uint8Array): Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
}

/**
 * Inserts IPC batches into `import_typed` in order, one insert in flight: while DuckDB's
 * worker stores batch k, the next is decoded on this thread. Records the decoding time
 * (the sum over the batches) as the measure `decodeMeasure` when given. Returns the number
 * of batches.
 */
async function insertBatches(
  conn: Connector,
  batches: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  decodeMeasure: string | null,
): Promise<number> {
  let pending: Promise<void> | null = null;
  let count = 0;
  let decoding = 0;
  const started = performance.now();
  let requested = started;
  try {
    for await (const ipc of batches) {
      decoding += performance.now() - requested;
      await pending;
      pending = conn.insertIpc(ipc, 'import_typed', { create: count === 0 });
      count++;
      requested = performance.now();
    }
    await pending;
  } finally {
    await pending?.catch(() => undefined);
  }
  if (decodeMeasure) performance.measure(decodeMeasure, { start: started, duration: decoding });
  return count;
}

/** Enough of the start of a file to tell its format (formats.ts reads at most 4 KB of JSON). */
const FORMAT_SNIFF_BYTES = 64 * 1024;

/**
 * Stages a file given as bytes or as a Blob (the File a user chose): its size is checked
 * before anything is read, a CSV is read in chunks (stage-csv.ts), other formats whole.
 */
export async function stageSource(
  conn: Connector,
  fileName: string,
  file: SourceBytes,
  parquet?: ParquetReader,
  /** Annuleren (data/progress.ts): a CSV checks it between its chunks. */
  signal?: AbortSignal,
): Promise<StagedSource> {
  const size = sizeOf(file);
  if (size === 0) throw new ImportError('Het bestand is leeg.');
  if (size > MAX_IMPORT_BYTES) throw new ImportError(TOO_LARGE);
  const format = detectFormat(fileName, await readRange(file, 0, FORMAT_SNIFF_BYTES));
  if (format === 'csv') return stageCsv(conn, file, { signal });
  const bytes = await wholeBytes(file, signal);
  if (format === 'geojson') return stageGeoJson(conn, bytes);
  if (format === 'arrow') return stageArrowIpc(conn, bytes, 'arrow');
  if (!parquet) throw new ImportError('Parquet wordt hier niet ondersteund.');
  return stageArrowIpc(conn, parquet.toArrowIpcBatches(bytes), 'parquet');
}
