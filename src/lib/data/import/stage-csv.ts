/**
 * Staging a CSV file: DuckDB's core reader fills `import_raw` (rn, c0 … cN, all VARCHAR);
 * rows it cannot split into the header's columns, lines with a NUL byte and lines that
 * open a quote they never close are kept as structure rejects with their line in the file.
 */
import type { Connector } from '../connector';
import {
  dropStart,
  readRange,
  scanCsvBytes,
  sizeOf,
  transcodeWindows1252,
  wholeBytes,
  type SourceBytes,
} from './csv-bytes';
import { EditedCsvLines, NUL_REASON, UNCLOSED_QUOTE_REASON } from './csv-lines';
import { decodeText, detectDelimiter, isUtf16, readCsvSample } from './sniff-text';
import {
  dropRelations,
  ImportError,
  MAX_COLUMNS,
  MAX_IMPORT_BYTES,
  TOO_LARGE,
  STAGE_RELATIONS,
  stagedColumn,
  uniqueHeaders,
  type StagedSource,
} from './staged-source';

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

/** Chunk sizes of the passes over the file; tests make them small to cross boundaries. */
export interface CsvChunking {
  chunkBytes?: number;
  /** The start of the file that decides delimiter and header (decoded as one string). */
  sampleBytes?: number;
  /** Annuleren: checked between chunks and before each read by the engine. */
  signal?: AbortSignal;
}

/** Delimiter and header are judged on this much of the file (sniff-text: ~50 records). */
const SAMPLE_BYTES = 1 << 20;

/**
 * Stages a CSV file of up to 1.5 GB in bounded memory (issue 27, item 9): delimiter and
 * header come from the first megabyte, encoding and NUL bytes from one pass in chunks, a
 * Windows-1252 file is re-encoded chunk by chunk, a UTF-8 BOM is dropped without copying.
 * A Blob (the File a user chose) stays where it is: the engine reads it itself.
 */
export async function stageCsv(
  conn: Connector,
  input: SourceBytes,
  chunking: CsvChunking = {},
): Promise<StagedSource> {
  const size = sizeOf(input);
  if (size > MAX_IMPORT_BYTES) throw new ImportError(TOO_LARGE);
  const head = await readRange(input, 0, Math.min(size, chunking.sampleBytes ?? SAMPLE_BYTES));
  if (isUtf16(head)) {
    throw new ImportError(
      'Dit bestand is opgeslagen als UTF-16 ("Unicode-tekst" in Excel). Sla het op als "CSV UTF-8 (door komma\'s gescheiden)" en lees het opnieuw in.',
    );
  }
  if (looksLikeBinary(head)) {
    throw new ImportError(
      'Dit is geen tekstbestand: het bevat binaire gegevens. Kies een CSV-, GeoJSON-, Parquet- of Arrow-export van het bronsysteem (een Excel-bestand eerst opslaan als CSV).',
    );
  }
  const { signal } = chunking;
  const { encoding, hasNul } = await scanCsvBytes(input, chunking.chunkBytes, signal);
  const sample = decodeText(head, encoding).text;
  const delimiter = detectDelimiter(sample, head.length < size);
  const headers = readCsvSample(sample, delimiter, 0).header;
  if (headers.length === 0 || headers.every((h) => h === '')) {
    throw new ImportError('Het bestand is leeg of heeft geen kopregel met kolomnamen.');
  }
  if (headers.length > MAX_COLUMNS) {
    throw new ImportError(
      `Het bestand heeft ${headers.length} kolommen; wijkradar leest er hoogstens ${MAX_COLUMNS}.`,
    );
  }
  // DuckDB reads UTF-8: a Windows-1252 file is re-encoded, a BOM dropped.
  const utf8 =
    encoding === 'windows-1252'
      ? await transcodeWindows1252(input, chunking.chunkBytes, signal)
      : encoding === 'utf-8-bom'
        ? dropStart(input, 3)
        : input;
  const columns = headers.map((_, i) => `'${stagedColumn(i)}': 'VARCHAR'`).join(', ');
  const sqlDelimiter = delimiter === '\t' ? '\\t' : delimiter;
  // A NUL byte is no text: its line is rejected, early in the file or late.
  let edits: EditedCsvLines | null = null;
  if (hasNul) {
    edits = new EditedCsvLines(await wholeBytes(utf8, signal));
    const lines = edits.nulLines();
    if (lines[0] === 0) throw new ImportError(NUL_HEADER);
    edits.remove(lines, NUL_REASON);
  }
  await conn.registerFile('import_source.csv', edits?.bytes ?? utf8);
  try {
    await dropRelations(conn, STAGE_RELATIONS);
    const read = () => {
      signal?.throwIfAborted();
      return readCsvInto(conn, sqlDelimiter, columns);
    };
    let rejects = await read();
    if (rejects.some(spansLines)) {
      edits ??= new EditedCsvLines(await wholeBytes(utf8, signal));
      rejects = await rejectUnclosedQuotes(conn, edits, rejects, read);
    }
    const [{ n }] = await conn.query<{ n: number }>({
      sql: 'SELECT count(*) AS n FROM import_raw',
    });
    const listed = rejects.map((r) => ({
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
      structureRejects: [...(edits?.rejects() ?? []), ...listed].sort(
        (a, b) => (a.record ?? 0) - (b.record ?? 0),
      ),
    };
  } finally {
    await conn.dropFile('import_source.csv');
  }
}

/** A reject for a quote the reader found unclosed after taking in more than one line. */
const spansLines = (r: CsvReject) =>
  r.error_type === 'UNQUOTED VALUE' && /[\r\n]/.test(r.csv_line.trimEnd());

/**
 * An unclosed quote makes the reader take every later line into one value, up to the next
 * quote or the end of the file, and reject them all as one record ("4 in het bestand" for
 * 10). The rule here: a quoted value spans lines only when its quote is closed. So the
 * line that opened it is rejected on its own and the file read again without it, which
 * reads the lines after it as records; a later unclosed quote takes another round.
 * Returns the reader's rejects of the last round.
 */
async function rejectUnclosedQuotes(
  conn: Connector,
  edits: EditedCsvLines,
  first: CsvReject[],
  read: () => Promise<CsvReject[]>,
): Promise<CsvReject[]> {
  let rejects = first;
  for (let round = 0; round < MAX_QUOTE_ROUNDS; round++) {
    const lines = rejects.filter(spansLines).map((r) => edits.originalLine(r.line_byte_position));
    // A header that opens a quote is left to the reader's own report.
    if (lines.length === 0 || lines.includes(0)) break;
    edits.remove(lines, UNCLOSED_QUOTE_REASON);
    await conn.dropFile('import_source.csv');
    await conn.registerFile('import_source.csv', edits.bytes);
    rejects = await read();
  }
  return rejects;
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
