/**
 * Inserting stored Arrow streams (snapshots, publications) into the canonical tables when
 * the stream may come from an older version with fewer columns: columns it lacks get their
 * schema default (e.g. `time_precision` = 'exact' for data saved before it existed).
 */
import { RecordBatchReader } from 'apache-arrow';
import type { Connector } from './connector';
import { toIpcStream } from './arrow-build';
import { TABLES, type ColumnDef, type TableName } from './schema';

/** The column names of an Arrow IPC stream or file, read from its schema only. */
export function ipcColumnNames(bytes: Uint8Array): string[] {
  const reader = RecordBatchReader.from(toIpcStream(bytes));
  reader.open();
  return reader.schema.fields.map((f) => f.name);
}

/**
 * Inserts `bytes` into `table`: straight when the stream has every column of the table,
 * otherwise through a staging table and `INSERT … BY NAME`, so absent columns take their
 * DEFAULT. Only the staging path copies the rows twice, and only old data takes it.
 */
export async function insertIpcFilling(
  conn: Connector,
  bytes: Uint8Array,
  table: TableName,
): Promise<void> {
  const present = new Set(ipcColumnNames(bytes));
  const missing = (TABLES[table] as readonly ColumnDef[]).filter((c) => !present.has(c.name));
  if (missing.length === 0) {
    await conn.insertIpc(bytes, table);
    return;
  }
  if (missing.some((c) => c.notNull && !c.default)) {
    throw new Error(`${table}: column ${missing[0].name} missing`);
  }
  const stage = `ipc_stage_${table}`;
  await conn.exec(`DROP TABLE IF EXISTS ${stage}`);
  await conn.insertIpc(bytes, stage, { create: true });
  await conn.exec(`INSERT INTO ${table} BY NAME SELECT * FROM ${stage}; DROP TABLE ${stage}`);
}
