/**
 * Personal data on the paths that store data without going through the import (issue 27,
 * item 6): restoring a workspace file and opening a publication. Both insert whole tables;
 * afterwards, inside the same transaction, every text column a person could have filled
 * (ids, categories, outcomes, sources, targets, statuses, names of places) is scanned over
 * all rows with the import's own rule (`scanPersonalData`). The caller throws on a finding,
 * so the transaction rolls back and nothing of the file is stored.
 */
import type { Connector } from './connector';
import type { PersonalDataFinding } from './import/personal-data';
import { CATEGORY_COMBINATIONS } from './import/personal-data-categories';
import { scanPersonalData, type ScanColumn } from './import/personal-data-scan';
import { SAMPLE_ROWS } from './import/plan';
import type { StepProgress } from './progress';
import { TABLES, type TableName } from './schema';

/** Text the app writes itself (labels of its own, GeoJSON geometry): never scanned. */
const NOT_SCANNED = new Set(['geometry', 'dataset', 'time_precision', 'level']);
/** Columns of place names: exempt from the free-text rules (personal-data-content.ts). */
const PLACE_NAME_COLUMNS: Partial<Record<TableName, readonly string[]>> = {
  areas: ['name'],
  watch_locations: ['name'],
  interventions: ['name'],
};
/** The rows of one table as the scan reads them: `rn` and `c0 … cN`, materialised once. */
const SCAN_TABLE = 'personal_data_check';

/** The text columns of `table` that are scanned. */
export function scannedColumns(table: TableName): string[] {
  return TABLES[table]
    .filter((column) => column.type === 'VARCHAR' && !NOT_SCANNED.has(column.name))
    .map((column) => column.name);
}

export interface StoredFinding {
  table: TableName;
  finding: PersonalDataFinding;
}

/**
 * The first column of `tables` that holds personal data by the import's content rule, or
 * null. Meant to run inside the transaction that inserted the rows.
 */
export async function findStoredPersonalData(
  conn: Connector,
  tables: readonly TableName[],
  referenceDate?: Date,
  /** Tables done of all (and a cancel checkpoint per table). */
  progress?: Pick<StepProgress, 'advance'>,
): Promise<StoredFinding | null> {
  for (const [done, table] of tables.entries()) {
    progress?.advance(done, tables.length);
    const names = scannedColumns(table);
    const places = PLACE_NAME_COLUMNS[table] ?? [];
    const select = names.map((name, i) => `coalesce(CAST("${name}" AS VARCHAR), '') AS c${i}`);
    // Numbered in the table's own order once, so that every query of the scan sees the
    // same windows.
    await conn.exec(`CREATE OR REPLACE TEMP TABLE ${SCAN_TABLE} AS
      SELECT row_number() OVER (ORDER BY rowid) AS rn, ${select.join(', ')} FROM ${table}`);
    try {
      const sample = await sampleRows(conn, names.length);
      const columns: ScanColumn[] = names.map((header, index) => ({
        index,
        header,
        placeNames: places.includes(header),
        sample: sample.map((row) => row[`c${index}`]),
      }));
      const [found] = await scanPersonalData(conn, SCAN_TABLE, columns, { referenceDate });
      if (found) return { table, finding: found };
    } finally {
      // The scan's grouping of categories too (candidateValues): nothing of it is kept.
      await conn.exec(
        `DROP TABLE IF EXISTS ${SCAN_TABLE}; DROP TABLE IF EXISTS ${CATEGORY_COMBINATIONS}`,
      );
    }
  }
  return null;
}

/**
 * The first rows of the scan table, as the import samples a file (SAMPLE_ROWS): they tell
 * the scan which columns hold categories, whose distinct values it then tests once instead
 * of every row, and which hold codes (scanPersonalData's `sample`). Every row is still
 * scanned; the sample only chooses how.
 */
async function sampleRows(conn: Connector, width: number): Promise<Record<string, string>[]> {
  if (width === 0) return [];
  return conn.query<Record<string, string>>({
    sql: `SELECT * EXCLUDE (rn) FROM ${SCAN_TABLE} WHERE rn <= ${SAMPLE_ROWS} ORDER BY rn`,
  });
}

/** The Dutch refusal: what was refused, table and column, the finding's reason, no change. */
export function describeStoredFinding(what: string, { table, finding }: StoredFinding): string {
  return `${what} bevat persoonsgegevens in tabel ‘${table}’, kolom ‘${finding.column}’: ${finding.reason} De gegevens zijn niet gewijzigd.`;
}
