/**
 * Merges municipalities' publications (folders with manifest.json) or workspace exports
 * into one region (issue 25): Parquet partitioned by `gemeente=`/`year=` and a DuckDB
 * database file for the region server (server/, opened read-only there). Each input is
 * opened by the same code the app uses (published.ts, snapshot.ts) in DuckDB-WASM, so its
 * checksums, schema migrations and personal-data refusal apply; its tables travel to native
 * DuckDB as Parquet (parquet-wasm), the format the region keeps anyway.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  Compression,
  Table as ParquetTable,
  WriterPropertiesBuilder,
  writeParquet,
} from 'parquet-wasm/node';
import { toIpcStream } from '../../src/lib/data/arrow-build';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import {
  datasetManifest,
  MANIFEST_FILE,
  manifestBytes,
  type DatasetManifest,
} from '../../src/lib/data/publish';
import {
  parseManifest,
  readVerified,
  replaceWithPublication,
  selectFiles,
} from '../../src/lib/data/published';
import {
  buildCreateSchemaSql,
  RECORD_TABLES,
  RECORD_TIME_COLUMN,
  TABLE_NAMES,
  TABLES,
  type TableName,
} from '../../src/lib/data/schema';
import { restoreSnapshot } from '../../src/lib/data/snapshot';
import { decodeWorkspace } from '../../src/lib/data/workspace-file';
import { DuckDBInstance, type DuckDBConnection } from '../../server/src/native';
import { directoryReader, writePublication } from './publish-files';

export const REGION_DATABASE = 'region.duckdb';
export const REGION_PARQUET = 'parquet';
/** The app's publication of the region: a manifest that names the server, no files. */
export const REGION_DATASET = 'dataset';

const GEMEENTE_CODE = /^GM\d{4}$/;

export class RegionPublishError extends Error {}

export interface RegionInput {
  /** A publication folder (with manifest.json) or a workspace export file. */
  path: string;
  /** CBS code GMnnnn; default: the gemeente column of the data. */
  gemeente?: string;
}

export interface RegionSummary {
  out: string;
  database: string;
  gemeenten: string[];
  tables: Record<string, number>;
  data_from: string | null;
  data_until: string | null;
}

/** Opens one input in a fresh DuckDB-WASM connection, as the app would. */
async function openInput(input: RegionInput): Promise<Connector> {
  const info = await stat(input.path).catch(() => null);
  if (!info) throw new RegionPublishError(`${input.path} bestaat niet.`);
  const conn = await createNodeConnector();
  if (info.isDirectory()) {
    const reader = directoryReader(input.path);
    const manifest = parseManifest(await reader.read(MANIFEST_FILE));
    const files = selectFiles(manifest);
    await replaceWithPublication(conn, files, await readVerified(reader, files));
  } else {
    await restoreSnapshot(conn, await decodeWorkspace(new Uint8Array(await readFile(input.path))));
  }
  return conn;
}

const hasColumn = (table: TableName, column: string) =>
  (TABLES[table] as readonly { name: string }[]).some((c) => c.name === column);

/** The input's gemeente: the option, else the one value of the data's gemeente column. */
async function gemeenteOf(conn: Connector, input: RegionInput): Promise<string> {
  let code = input.gemeente;
  if (!code && hasColumn('areas', 'gemeente')) {
    const rows = await conn.query<{ g: string }>({
      sql: `SELECT DISTINCT gemeente AS g FROM (${RECORD_TABLES.map((t) => `SELECT gemeente FROM ${t}`).join(' UNION ALL ')}) WHERE gemeente IS NOT NULL`,
    });
    if (rows.length === 1) code = rows[0].g;
  }
  if (!code || !GEMEENTE_CODE.test(code)) {
    throw new RegionPublishError(
      `Geef voor ${input.path} de CBS-gemeentecode op (--gemeente GMnnnn)${code ? `; ${code} is geen geldige code` : ''}.`,
    );
  }
  return code;
}

const properties = () =>
  new WriterPropertiesBuilder()
    .setCompression(Compression.ZSTD)
    .setMaxRowGroupSize(122_880)
    .build();

/** Writes one SELECT's result as a Parquet file; false when it has no rows. */
async function writeParquetFile(conn: Connector, sql: string, file: string): Promise<boolean> {
  // The engine answers in the IPC file format; parquet-wasm reads the stream format.
  const table = ParquetTable.fromIPCStream(toIpcStream(await conn.queryIpc(sql)));
  if (table.numBatches === 0) {
    table.free();
    return false;
  }
  await mkdir(path.dirname(file), { recursive: true });
  // writeParquet takes the table over (and frees it).
  await writeFile(file, writeParquet(table, properties()));
  return true;
}

/** The input's tables as Parquet under `dir`: gemeente=…/year=… for records. */
async function exportInput(
  conn: Connector,
  gemeente: string,
  dir: string,
): Promise<Map<TableName, number>> {
  const counts = new Map<TableName, number>();
  const literal = `'${gemeente}'`;
  for (const table of TABLE_NAMES) {
    const select = hasColumn(table, 'gemeente')
      ? `SELECT * REPLACE (${literal} AS gemeente) FROM ${table}`
      : `SELECT *, ${literal} AS gemeente FROM ${table}`;
    const base = path.join(dir, table, `gemeente=${gemeente}`);
    const [{ n }] = await conn.query<{ n: number }>({
      sql: `SELECT count(*)::INTEGER AS n FROM ${table}`,
    });
    counts.set(table, n);
    if (n === 0) continue;
    if ((RECORD_TABLES as readonly string[]).includes(table)) {
      const time = RECORD_TIME_COLUMN[table as (typeof RECORD_TABLES)[number]];
      const years = await conn.query<{ y: number | null }>({
        sql: `SELECT DISTINCT year(${time})::INTEGER AS y FROM ${table} ORDER BY 1`,
      });
      for (const { y } of years) {
        const where = y === null ? `${time} IS NULL` : `year(${time}) = ${Math.trunc(y)}`;
        await writeParquetFile(
          conn,
          `${select} WHERE ${where} ORDER BY ${time}`,
          path.join(base, `year=${y ?? 'onbekend'}`, 'data.parquet'),
        );
      }
    } else {
      await writeParquetFile(conn, select, path.join(base, 'data.parquet'));
    }
  }
  return counts;
}

async function parquetFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return entries
    .filter((f) => f.endsWith('.parquet'))
    .map((f) => path.join(dir, f))
    .sort();
}

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Creates the schema in the region file and loads every table from its Parquet files. */
async function buildDatabase(conn: DuckDBConnection, parquetDir: string): Promise<void> {
  for (const statement of [
    'SET autoinstall_known_extensions = false',
    'SET autoload_known_extensions = false',
    ...buildCreateSchemaSql(),
  ]) {
    await conn.run(statement);
  }
  await conn.run(`INSERT OR REPLACE INTO wijkradar_meta VALUES ('region', 'true')`);
  for (const table of TABLE_NAMES) {
    if (!hasColumn(table, 'gemeente'))
      await conn.run(`ALTER TABLE ${table} ADD COLUMN gemeente VARCHAR`);
    const files = await parquetFiles(path.join(parquetDir, table));
    if (files.length === 0) continue;
    const time = (RECORD_TABLES as readonly string[]).includes(table)
      ? `, ${RECORD_TIME_COLUMN[table as (typeof RECORD_TABLES)[number]]}`
      : '';
    // Sorted by gemeente (and time): a scope's rows lie together, DuckDB's zone maps skip the rest.
    await conn.run(
      `INSERT INTO ${table} BY NAME SELECT * FROM read_parquet([${files.map(sqlText).join(', ')}], union_by_name = true, hive_partitioning = false)
       ORDER BY gemeente${time}`,
    );
  }
}

/** Publishes the region of `inputs` into `out` (replacing a previous one there). */
export async function publishRegion(
  inputs: readonly RegionInput[],
  out: string,
): Promise<RegionSummary> {
  if (inputs.length === 0)
    throw new RegionPublishError('Geef minstens één publicatie of werkruimte op.');
  const parquetDir = path.join(out, REGION_PARQUET);
  const database = path.join(out, REGION_DATABASE);
  await rm(parquetDir, { recursive: true, force: true });
  await rm(database, { force: true });
  await rm(`${database}.wal`, { force: true });
  await mkdir(out, { recursive: true });

  const expected = new Map<TableName, number>(TABLE_NAMES.map((t) => [t, 0]));
  const gemeenten: string[] = [];
  for (const input of inputs) {
    const conn = await openInput(input);
    try {
      const gemeente = await gemeenteOf(conn, input);
      if (gemeenten.includes(gemeente)) {
        throw new RegionPublishError(`De gemeente ${gemeente} staat twee keer in de invoer.`);
      }
      gemeenten.push(gemeente);
      for (const [table, n] of await exportInput(conn, gemeente, parquetDir)) {
        expected.set(table, expected.get(table)! + n);
      }
    } finally {
      await conn.close();
    }
  }

  const instance = await DuckDBInstance.create(database);
  const conn = await instance.connect();
  try {
    await buildDatabase(conn, parquetDir);
    const tables: Record<string, number> = {};
    for (const table of TABLE_NAMES) {
      const reader = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table}`);
      tables[table] = Number(reader.getRows()[0][0]);
      if (tables[table] !== expected.get(table)) {
        throw new RegionPublishError(
          `De regiotabel ${table} heeft ${tables[table]} rijen, de invoer ${expected.get(table)}.`,
        );
      }
    }
    const period = await conn.runAndReadAll(
      `SELECT strftime(min(lo), '%Y-%m-%d'), strftime(max(hi), '%Y-%m-%d') FROM (${RECORD_TABLES.map(
        (t) =>
          `SELECT min(${RECORD_TIME_COLUMN[t]}) AS lo, max(${RECORD_TIME_COLUMN[t]}) AS hi FROM ${t}`,
      ).join(' UNION ALL ')})`,
    );
    const [from, until] = period.getRows()[0] as (string | null)[];
    await conn.run('CHECKPOINT');
    const summary: RegionSummary = {
      out,
      database,
      gemeenten: [...gemeenten].sort(),
      tables,
      data_from: from,
      data_until: until,
    };
    await writeRegionManifest(out, summary);
    return summary;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/**
 * The region's publication for the app: a manifest without files that names the server
 * (relative: the reverse proxy serves the app and /query on one origin).
 */
async function writeRegionManifest(out: string, summary: RegionSummary, now = new Date()) {
  const manifest: DatasetManifest & { server: string; gemeenten: string[] } = {
    ...datasetManifest(now.toISOString().slice(0, 16).replace('T', ' '), now, {
      data_until: summary.data_until,
      data_from: summary.data_from,
      municipality: `Regio (${summary.gemeenten.length} gemeenten)`,
      tables: summary.tables,
      files: [],
    }),
    server: 'query',
    gemeenten: summary.gemeenten,
  };
  const files = new Map([[MANIFEST_FILE, manifestBytes(manifest)]]);
  await writePublication({ manifest, files }, path.join(out, REGION_DATASET));
}
