/**
 * Stage 1 of an import: the file's rows into `import_raw` (rn, c0 … cN, all VARCHAR; for
 * typed files a view over the typed table, see stageArrowIpc), with
 * the file's own column names kept in TypeScript — user-supplied names never reach SQL
 * text. Rows the reader cannot split into the header's columns are kept as structure
 * rejects with their raw line, so nothing is dropped silently.
 */
import type { Connector } from '../connector';
import { IpcStreamError } from '../ipc-stream';
import { EditedCsvLines, NUL_REASON, UNCLOSED_QUOTE_REASON } from './csv-lines';
import { detectFormat, quoteIdentifier, type SourceFormat } from './formats';
import { decodeText, detectDelimiter, isUtf16, readCsvSample } from './sniff-text';
import { stageGeoJson } from './stage-geojson';
import {
  dropRelations,
  ImportError,
  MAX_COLUMNS,
  MAX_IMPORT_BYTES,
  STAGE_RELATIONS,
  stagedColumn,
  uniqueHeaders,
  type StagedSource,
  type StructureReject,
} from './staged-source';

export {
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

const BINARY_SAMPLE = 8000;
/** Share of control characters (other than tab, line breaks, form feed) a text file won't reach. */
const MAX_CONTROL_SHARE = 0.05;

/**
 * True for bytes that would be read as CSV but are binary (a renamed Excel file, an
 * image): many control characters (NUL included) in the first 8,000 bytes. A few NUL bytes
 * do not make a file binary: the lines holding them are rejected wherever they are in the
 * file (stageCsv), so a NUL in the first 8,000 bytes is treated as one later (issue 27).
 */
export function looksLikeBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}

async function stageCsv(conn: Connector, bytes: Uint8Array): Promise<StagedSource> {
  if (isUtf16(bytes)) {
    throw new ImportError(
      'Dit bestand is opgeslagen als UTF-16 ("Unicode-tekst" in Excel). Sla het op als "CSV UTF-8 (door komma\'s gescheiden)" en lees het opnieuw in.',
    );
  }
  if (looksLikeBinary(bytes)) {
    throw new ImportError(
      'Dit is geen tekstbestand: het bevat binaire gegevens. Kies een CSV-, GeoJSON-, Parquet- of Arrow-export van het bronsysteem (een Excel-bestand eerst opslaan als CSV).',
    );
  }
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  const headers = readCsvSample(text, delimiter, 0).header;
  if (headers.length === 0 || headers.every((h) => h === '')) {
    throw new ImportError('Het bestand is leeg of heeft geen kopregel met kolomnamen.');
  }
  if (headers.length > MAX_COLUMNS) {
    throw new ImportError(
      `Het bestand heeft ${headers.length} kolommen; wijkradar leest er hoogstens ${MAX_COLUMNS}.`,
    );
  }
  // DuckDB reads UTF-8: a Windows-1252 file is re-encoded, a BOM dropped.
  const utf8 = encoding === 'utf-8' ? bytes : new TextEncoder().encode(text);
  const columns = headers.map((_, i) => `'${stagedColumn(i)}': 'VARCHAR'`).join(', ');
  const sqlDelimiter = delimiter === '\t' ? '\\t' : delimiter;
  let edits: EditedCsvLines | null = null;
  // A NUL byte is no text: its line is rejected, early in the file or late.
  if (utf8.indexOf(0) >= 0) {
    edits = new EditedCsvLines(utf8);
    const lines = edits.nulLines();
    if (lines[0] === 0) throw new ImportError(NUL_HEADER);
    edits.remove(lines, NUL_REASON);
  }
  await conn.registerFile('import_source.csv', edits?.bytes ?? utf8);
  try {
    await dropRelations(conn, STAGE_RELATIONS);
    let rejects = await readCsvInto(conn, sqlDelimiter, columns);
    for (let round = 0; round < MAX_QUOTE_ROUNDS; round++) {
      // An unclosed quote makes the reader take every later line into one value, up to the
      // next quote or the end of the file, and reject them all as one record. The rule:
      // a quoted value spans lines only when its quote is closed. So the line that opened
      // it is rejected on its own and the file read again without it, which reads the
      // lines after it as records. Rarely more than one round.
      const spanning = rejects.filter(
        (r) => r.error_type === 'UNQUOTED VALUE' && /[\r\n]/.test(r.csv_line.trimEnd()),
      );
      if (spanning.length === 0) break;
      const current: EditedCsvLines = (edits ??= new EditedCsvLines(utf8));
      const lines = spanning.map((r) => current.originalLine(r.line_byte_position));
      if (lines.includes(0)) break;
      current.remove(lines, UNCLOSED_QUOTE_REASON);
      await conn.dropFile('import_source.csv');
      await conn.registerFile('import_source.csv', current.bytes);
      rejects = await readCsvInto(conn, sqlDelimiter, columns);
    }
    const [{ n }] = await conn.query<{ n: number }>({
      sql: 'SELECT count(*) AS n FROM import_raw',
    });
    const read = rejects.map((r) => ({
      record: edits ? edits.originalLine(r.line_byte_position) : r.line - 1,
      reason: CSV_ERROR_REASONS[r.error_type] ?? `Regel onleesbaar (${r.error_type.toLowerCase()})`,
      raw: r.csv_line,
    }));
    return {
      format: 'csv',
      encoding,
      delimiter,
      headers: uniqueHeaders(headers),
      rowCount: n,
      structureRejects: [...(edits?.rejects() ?? []), ...read].sort((a, b) => a.record - b.record),
    };
  } finally {
    await conn.dropFile('import_source.csv');
  }
}

const MAX_QUOTE_ROUNDS = 20;
const NUL_HEADER =
  'De kopregel van het bestand bevat ongeldige tekens (NUL): het is geen leesbaar CSV-bestand.';

interface CsvReject {
  line: number;
  line_byte_position: number;
  error_type: string;
  csv_line: string;
}

/**
 * DuckDB's strict CSV reader keeps malformed lines as rejects; input that is not CSV at
 * all can still stop its state machine. Then the lenient mode is tried once, and if that
 * fails too the file is refused with a Dutch message.
 */
async function readCsvInto(
  conn: Connector,
  delimiter: string,
  columns: string,
): Promise<CsvReject[]> {
  await conn.exec('DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans');
  const read = (strict: boolean) =>
    conn.exec(`CREATE OR REPLACE TABLE import_raw AS
      SELECT CAST(row_number() OVER () AS INTEGER) AS rn, * FROM read_csv('import_source.csv',
        delim = E'${delimiter}', quote = '"', escape = '"', header = true, auto_detect = false,
        columns = {${columns}}, store_rejects = true, null_padding = false,
        max_line_size = 10000000, strict_mode = ${strict})`);
  try {
    await read(true);
  } catch {
    try {
      await conn.exec('DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans');
      await read(false);
    } catch {
      throw new ImportError(
        'Het bestand is geen leesbaar CSV-bestand (controleer of het een tekstbestand met kolommen is).',
      );
    }
  }
  return conn.query<CsvReject>({
    sql: `SELECT line, any_value(line_byte_position) AS line_byte_position,
            any_value(error_type) AS error_type, any_value(csv_line) AS csv_line
          FROM reject_errors GROUP BY line ORDER BY line`,
  });
}

const CSV_ERROR_REASONS: Record<string, string> = {
  'MISSING COLUMNS': 'Te weinig kolommen in de regel',
  'TOO MANY COLUMNS': 'Te veel kolommen in de regel',
  'UNQUOTED VALUE': 'Aanhalingsteken niet afgesloten',
  'LINE SIZE OVER MAXIMUM': 'Regel is te lang',
  'INVALID UNICODE': 'Ongeldige tekens in de regel',
  CAST: 'Waarde onleesbaar',
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

export async function stageSource(
  conn: Connector,
  fileName: string,
  bytes: Uint8Array,
  parquet?: ParquetReader,
): Promise<StagedSource> {
  if (bytes.length === 0) throw new ImportError('Het bestand is leeg.');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportError('Het bestand is groter dan 1,5 GB; splits het, bijvoorbeeld per jaar.');
  }
  const format = detectFormat(fileName, bytes);
  if (format === 'csv') return stageCsv(conn, bytes);
  if (format === 'geojson') return stageGeoJson(conn, bytes);
  if (format === 'arrow') return stageArrowIpc(conn, bytes, 'arrow');
  if (!parquet) throw new ImportError('Parquet wordt hier niet ondersteund.');
  return stageArrowIpc(conn, parquet.toArrowIpcBatches(bytes), 'parquet');
}
