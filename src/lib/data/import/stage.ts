/**
 * Stage 1 of an import: the file's rows into `import_raw` (rn, c0 … cN, all VARCHAR), with
 * the file's own column names kept in TypeScript — user-supplied names never reach SQL
 * text. Rows the reader cannot split into the header's columns are kept as structure
 * rejects with their raw line, so nothing is dropped silently.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { buildArrowTable } from '../arrow-build';
import type { Connector } from '../connector';
import { detectFormat, quoteIdentifier, type SourceFormat } from './formats';
import {
  decodeText,
  detectDelimiter,
  isUtf16,
  readCsvSample,
  type Delimiter,
  type TextEncodingName,
} from './sniff-text';

export const MAX_IMPORT_BYTES = 1_500_000_000;
export const MAX_COLUMNS = 400;

export interface StructureReject {
  /** Record number in the file (1 = first data row), when known. */
  record: number | null;
  reason: string;
  raw: string;
}

export interface StagedSource {
  format: SourceFormat;
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  /** The file's column names, in order; staged as c0 … cN. */
  headers: string[];
  /**
   * DuckDB type of each column when the file brought typed columns (Arrow, Parquet): then
   * `import_rows` holds them typed (rn, c0 … cN) and `import_raw` is a view casting them to
   * text. Absent for text formats, which are staged as text in the table `import_raw`.
   */
  columnTypes?: string[];
  rowCount: number;
  structureRejects: StructureReject[];
}

export class ImportError extends Error {}

export const stagedColumn = (index: number) => `c${index}`;

/**
 * Drops work relations (code-chosen names, never user input) whether they are tables or views (DuckDB refuses DROP VIEW on a
 * table and the other way round; `import_raw` is one or the other by format).
 */
export async function dropRelations(conn: Connector, names: readonly string[]): Promise<void> {
  const found = await conn.query<{ table_name: string; table_type: string }>({
    sql: `SELECT table_name, table_type FROM information_schema.tables
          WHERE table_schema = 'main' AND table_name IN (${names.map((n) => `'${n}'`).join(', ')})`,
  });
  for (const { table_name, table_type } of found) {
    if (!names.includes(table_name)) continue;
    await conn.exec(`DROP ${table_type === 'VIEW' ? 'VIEW' : 'TABLE'} IF EXISTS ${table_name}`);
  }
}

/** Makes repeated header names unique ("naam", "naam (2)") so a mapping can tell them apart. */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((header) => {
    const name = header.trim() || 'kolom';
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/** What staging creates: the text table or views, and the typed table behind the views. */
export const STAGE_RELATIONS = ['import_raw', 'import_rows', 'import_typed'];

const BINARY_SAMPLE = 8000;
/** Share of control characters (other than tab, line breaks, form feed) a text file won't reach. */
const MAX_CONTROL_SHARE = 0.05;

/**
 * True for bytes that would be read as CSV but are binary (a renamed Excel file, an
 * image): a NUL byte or many control characters in the first 8,000 bytes, as git decides.
 */
export function looksLikeBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
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
  await conn.registerFile('import_source.csv', utf8);
  try {
    await dropRelations(conn, STAGE_RELATIONS);
    await conn.exec('DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans');
    await readCsvInto(conn, sqlDelimiter, columns);
    const rejects = await conn.query<{ line: number; error_type: string; csv_line: string }>({
      sql: `SELECT line, any_value(error_type) AS error_type, any_value(csv_line) AS csv_line
            FROM reject_errors GROUP BY line ORDER BY line`,
    });
    const [{ n }] = await conn.query<{ n: number }>({
      sql: 'SELECT count(*) AS n FROM import_raw',
    });
    return {
      format: 'csv',
      encoding,
      delimiter,
      headers: uniqueHeaders(headers),
      rowCount: n,
      structureRejects: rejects.map((r) => ({
        record: r.line - 1,
        reason:
          CSV_ERROR_REASONS[r.error_type] ?? `Regel onleesbaar (${r.error_type.toLowerCase()})`,
        raw: r.csv_line,
      })),
    };
  } finally {
    await conn.dropFile('import_source.csv');
  }
}

/**
 * DuckDB's strict CSV reader keeps malformed lines as rejects; input that is not CSV at
 * all can still stop its state machine. Then the lenient mode is tried once, and if that
 * fails too the file is refused with a Dutch message.
 */
async function readCsvInto(conn: Connector, delimiter: string, columns: string): Promise<void> {
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
}

const CSV_ERROR_REASONS: Record<string, string> = {
  'MISSING COLUMNS': 'Te weinig kolommen in de regel',
  'TOO MANY COLUMNS': 'Te veel kolommen in de regel',
  'UNQUOTED VALUE': 'Aanhalingsteken niet afgesloten',
  'LINE SIZE OVER MAXIMUM': 'Regel is te lang',
  'INVALID UNICODE': 'Ongeldige tekens in de regel',
  CAST: 'Waarde onleesbaar',
};

/** GeoJSON Point features: properties as columns, the point as two extra columns. */
async function stageGeoJson(conn: Connector, bytes: Uint8Array): Promise<StagedSource> {
  let collection: FeatureCollection;
  try {
    const parsed = JSON.parse(decodeText(bytes).text) as FeatureCollection | Feature;
    collection =
      parsed.type === 'Feature' ? { type: 'FeatureCollection', features: [parsed] } : parsed;
    if (!Array.isArray(collection.features)) throw new Error();
  } catch {
    throw new ImportError('Het GeoJSON-bestand is onleesbaar (geen geldige FeatureCollection).');
  }
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const feature of collection.features) {
    for (const key of Object.keys(feature?.properties ?? {})) {
      if (seen.has(key)) continue;
      seen.add(key);
      headers.push(key);
    }
  }
  const xName = seen.has('x') ? 'geometrie_x' : 'x';
  const yName = seen.has('y') ? 'geometrie_y' : 'y';
  headers.push(xName, yName);
  if (headers.length > MAX_COLUMNS)
    throw new ImportError(`Te veel eigenschappen (${headers.length}).`);
  const columns: (string | null)[][] = headers.map(() => []);
  const structureRejects: StructureReject[] = [];
  collection.features.forEach((feature, index) => {
    const geometry = feature?.geometry;
    if (geometry?.type !== 'Point' || !Array.isArray(geometry.coordinates)) {
      structureRejects.push({
        record: index + 1,
        reason: 'Geen puntgeometrie',
        raw: JSON.stringify(feature).slice(0, 2000),
      });
      return;
    }
    const props = (feature.properties ?? {}) as Record<string, unknown>;
    headers.forEach((header, c) => {
      const value =
        c === headers.length - 2
          ? geometry.coordinates[0]
          : c === headers.length - 1
            ? geometry.coordinates[1]
            : props[header];
      columns[c].push(
        value === undefined || value === null
          ? null
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value),
      );
    });
  });
  const rows = columns[0]?.length ?? 0;
  await dropRelations(conn, STAGE_RELATIONS);
  await conn.insertArrow(
    buildArrowTable([
      { name: 'rn', kind: 'int', values: Int32Array.from({ length: rows }, (_, i) => i + 1) },
      ...headers.map((_, c) => ({
        name: stagedColumn(c),
        kind: 'text' as const,
        values: columns[c],
      })),
    ]),
    'import_raw',
    { create: true },
  );
  return {
    format: 'geojson',
    encoding: null,
    delimiter: null,
    headers,
    rowCount: rows,
    structureRejects,
  };
}

/**
 * Arrow IPC (and Parquet, converted to Arrow first): the typed table is kept as it is. The
 * view `import_rows` numbers its rows (rowid follows insertion order) and names the columns
 * c0 … cN; the view `import_raw` casts them to text for sampling, preview and the
 * rejected-rows download, which read few rows. Conversion reads the typed columns, so a
 * million timestamps and coordinates are never printed and parsed back.
 */
export async function stageArrowIpc(
  conn: Connector,
  ipc: Uint8Array,
  format: SourceFormat,
): Promise<StagedSource> {
  await dropRelations(conn, STAGE_RELATIONS);
  try {
    await conn.insertIpc(ipc, 'import_typed', { create: true });
  } catch {
    throw new ImportError(
      `Het ${format === 'parquet' ? 'Parquet' : 'Arrow'}-bestand is onleesbaar.`,
    );
  }
  const described = await conn.query<{ column_name: string; data_type: string }>({
    sql: `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'import_typed' ORDER BY ordinal_position`,
  });
  const headers = described.map((d) => d.column_name);
  if (headers.length === 0) throw new ImportError('Het bestand bevat geen kolommen.');
  if (headers.length > MAX_COLUMNS) throw new ImportError(`Te veel kolommen (${headers.length}).`);
  const typed = headers.map((h, i) => `${quoteIdentifier(h)} AS ${stagedColumn(i)}`).join(', ');
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

export interface ParquetReader {
  /** Parquet bytes → Arrow IPC stream bytes. */
  toArrowIpc(bytes: Uint8Array): Promise<Uint8Array>;
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
  let ipc: Uint8Array;
  const start = performance.now();
  try {
    ipc = await parquet.toArrowIpc(bytes);
    performance.measure('import.parquet_decode', { start, end: performance.now() });
  } catch {
    throw new ImportError('Het Parquet-bestand is onleesbaar.');
  }
  return stageArrowIpc(conn, ipc, 'parquet');
}
