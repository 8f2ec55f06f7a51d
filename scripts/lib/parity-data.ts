/**
 * The data of the engine parity run (scripts/engines-parity.ts): Donderdeel loaded into
 * DuckDB-WASM through the app's own loader (the reference), optionally copied into a
 * synthetic region of several municipalities, and the same tables as Parquet files that
 * native DuckDB and ClickHouse load — with `_rowid`, each row's position in the reference,
 * so that rowid-based queries (a picked map point) address the same record everywhere.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Table as WasmTable, writeParquet } from 'parquet-wasm/node';
import { toIpcStream } from '../../src/lib/data/arrow-build';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { loadDemo } from '../../src/lib/data/load-demo';
import { RECORD_TABLES, TABLE_NAMES, TABLES } from '../../src/lib/data/schema';
import { directorySource } from './directory-source';

export const DATA_DIR = path.resolve(import.meta.dirname, '../../data');

/** Donderdeel's records (incidents, meldingen, visits): one municipality's copy. */
const DONDERDEEL_RECORDS = 65_000;
/** How far each copy of Donderdeel lies east of the previous one (degrees of longitude). */
const SHIFT = 0.35;

/**
 * Adds copies of Donderdeel as further municipalities until the record tables hold about
 * `records` rows: ids, wijk and buurt codes of copy g end in g, its places lie g × SHIFT
 * further east; areas are copied with their codes, reference layers are not.
 */
async function addCopies(conn: Connector, records: number): Promise<void> {
  const copies = Math.max(0, Math.round(records / DONDERDEEL_RECORDS) - 1);
  if (copies === 0) return;
  const code = (c: string) => `CASE WHEN ${c} IS NULL THEN NULL ELSE ${c} || '-' || g::VARCHAR END`;
  const range = `range(1, ${copies + 1}) AS copies(g)`;
  for (const table of RECORD_TABLES) {
    const columns = TABLES[table].map((c) => {
      if (c.name === 'id') return `id || '-' || g::VARCHAR`;
      if (c.name === 'lon') return `lon + g * ${SHIFT}`;
      if (c.name === 'wijkcode' || c.name === 'buurtcode') return code(c.name);
      // Schema v2's CBS code of the municipality: copy g is the fictional GM(9999 − g).
      if ((c.name as string) === 'gemeente') return `'GM' || (9999 - g)::VARCHAR`;
      return c.name;
    });
    await conn.exec(`INSERT INTO ${table} SELECT ${columns.join(', ')} FROM ${table}, ${range}`);
  }
  const areas = TABLES.areas.map((c) => {
    if (c.name === 'code' || c.name === 'parent') return code(c.name);
    if (c.name === 'min_lon' || c.name === 'max_lon') return `${c.name} + g * ${SHIFT}`;
    if ((c.name as string) === 'gemeente') return `'GM' || (9999 - g)::VARCHAR`;
    return c.name;
  });
  await conn.exec(
    `INSERT INTO areas SELECT ${areas.join(', ')} FROM areas, ${range} WHERE level <> 'gemeente'`,
  );
}

/** DuckDB-WASM with Donderdeel (and with `records`, a synthetic region of about that size). */
export async function loadReference(records?: number): Promise<Connector> {
  const conn = await createNodeConnector();
  await loadDemo(conn, directorySource(DATA_DIR));
  if (records) await addCopies(conn, records);
  return conn;
}

/** Writes every table as `<dir>/<table>.parquet` with `_rowid` (the reference's rowid). */
export async function exportTables(conn: Connector, dir: string): Promise<void> {
  for (const table of TABLE_NAMES) {
    const [{ gaps }] = await conn.query<{ gaps: boolean }>({
      sql: `SELECT coalesce(max(rowid) + 1 <> count(*), FALSE) AS gaps FROM ${table}`,
    });
    // Row positions are copied as numbers; another engine's own positions are 0 … n − 1.
    if (gaps) throw new Error(`${table} has deleted rows: its rowids have gaps`);
    const ipc = await conn.queryIpc(
      `SELECT *, rowid::BIGINT AS _rowid FROM ${table} ORDER BY rowid`,
    );
    const parquet = writeParquet(WasmTable.fromIPCStream(toIpcStream(ipc)));
    await writeFile(path.join(dir, `${table}.parquet`), parquet);
  }
}
