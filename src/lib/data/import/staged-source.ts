/**
 * What staging produces and shares: the staged source's description, the Dutch import
 * error, the staged column names c0 … cN, and the work relations staging creates.
 */
import type { Connector } from '../connector';
import type { SourceFormat } from './formats';
import type { Delimiter, TextEncodingName } from './sniff-text';
import { UserError } from '../user-error';

/** The largest file an import reads, as the README and the Gegevens page state it. */
export const MAX_IMPORT_BYTES = 1_500_000_000;
export const TOO_LARGE = 'Het bestand is groter dan 1,5 GB; splits het, bijvoorbeeld per jaar.';
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

export class ImportError extends UserError {}

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
