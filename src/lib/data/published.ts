/**
 * Opening a published dataset (publish.ts): read the manifest, fetch the files, check each
 * against its size and SHA-256 *before* anything changes, then replace the data in one
 * transaction. A missing or damaged file gives a Dutch message naming it, and the data
 * that was open stays as it was.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { buildArrowTable, type StagingColumn } from './arrow-build';
import type { Connector } from './connector';
import { inTransaction, initDatabase } from './database';
import { fillGemeente } from './gemeente';
import { checkDatasetFileName, DatasetError } from './dataset-files';
import { IpcStreamError } from './ipc-stream';
import { insertIpcFilling } from './ipc-insert';
import {
  DATASET_FORMAT,
  GEOJSON_TABLES,
  MANIFEST_FILE,
  type DatasetFile,
  type DatasetManifest,
  type GeoJsonTable,
} from './publish';
import { SCHEMA_VERSION, TABLE_NAMES, TABLES, type ColumnDef, type TableName } from './schema';
import type { StepProgress } from './progress';
import { sha256Hex } from './sha256';
import { describeStoredFinding, findStoredPersonalData } from './stored-personal-data';

export { DatasetError };

/** Reads a file of the dataset folder; null when it is not there. */
export interface DatasetReader {
  read(path: string): Promise<Uint8Array | null>;
}

export function parseManifest(bytes: Uint8Array | null): DatasetManifest {
  if (!bytes) throw new DatasetError('De gepubliceerde gegevens ontbreken (geen manifest.json).');
  let manifest: DatasetManifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes)) as DatasetManifest;
  } catch {
    throw new DatasetError('Het manifest van de gepubliceerde gegevens is onleesbaar.');
  }
  if (manifest?.format !== DATASET_FORMAT || !Array.isArray(manifest.files)) {
    throw new DatasetError('manifest.json beschrijft geen gepubliceerde gegevens van wijkradar.');
  }
  if (manifest.schema_version > SCHEMA_VERSION) {
    throw new DatasetError(
      `De gepubliceerde gegevens zijn gemaakt met een nieuwere versie van wijkradar (schema ${manifest.schema_version}); werk de app bij.`,
    );
  }
  for (const file of manifest.files) {
    checkDatasetFileName(file?.path);
    if (!(TABLE_NAMES as string[]).includes(file.table)) {
      throw new DatasetError(`Het manifest noemt een onbekend bestand: ${file.path}.`);
    }
  }
  return manifest;
}

/**
 * The files to load: everything, or with `fromYear` only record files of that year and
 * later (plus all reference files) — what a briefing needs.
 */
export function selectFiles(manifest: DatasetManifest, fromYear?: number): DatasetFile[] {
  return manifest.files.filter(
    (f) => f.year === null || fromYear === undefined || f.year >= fromYear,
  );
}

/** Days of history a briefing looks back on (its "last weeks" plus the last 72 hours). */
export const BRIEFING_DAYS = 120;

/** The first year a briefing needs: that of the data's last day minus `days`. */
export function recentFromYear(
  manifest: DatasetManifest,
  days = BRIEFING_DAYS,
): number | undefined {
  if (!manifest.data_until) return undefined;
  const day = new Date(`${manifest.data_until}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return day.getUTCFullYear();
}

/** Fetches and verifies files; throws DatasetError naming the first missing or bad one. */
export async function readVerified(
  reader: DatasetReader,
  files: readonly DatasetFile[],
  /** Files verified of all (progress.advance). */
  progress?: Pick<StepProgress, 'advance'>,
): Promise<Map<string, Uint8Array>> {
  const result = new Map<string, Uint8Array>();
  await Promise.all(
    files.map(async (file) => {
      const bytes = await reader.read(checkDatasetFileName(file.path)).catch(() => null);
      if (!bytes)
        throw new DatasetError(`Het bestand ${file.path} van de gepubliceerde gegevens ontbreekt.`);
      if (bytes.length !== file.bytes || (await sha256Hex(bytes)) !== file.sha256) {
        throw new DatasetError(
          `Het bestand ${file.path} van de gepubliceerde gegevens is beschadigd of hoort bij een andere versie (controlegetal klopt niet).`,
        );
      }
      result.set(file.path, bytes);
      progress?.advance(result.size, files.length);
    }),
  );
  return result;
}

function geoJsonColumns(table: GeoJsonTable, features: readonly Feature[]): StagingColumn[] {
  const source = GEOJSON_TABLES[table];
  return TABLES[table].map((column) => {
    const values = features.map((feature) => {
      if (source === 'geometry' && column.name === 'geometry')
        return JSON.stringify(feature.geometry);
      const value = (feature.properties ?? {})[column.name] as unknown;
      if (value === null || value === undefined) return null;
      return column.type === 'DOUBLE' || column.type === 'INTEGER' ? Number(value) : String(value);
    });
    const kind = column.type === 'DOUBLE' ? 'float' : column.type === 'INTEGER' ? 'int' : 'text';
    return { name: column.name, kind, values } as StagingColumn;
  });
}

async function insertGeoJson(
  conn: Connector,
  table: GeoJsonTable,
  bytes: Uint8Array,
): Promise<void> {
  const collection = JSON.parse(new TextDecoder().decode(bytes)) as FeatureCollection;
  if (collection.features.length === 0) return;
  await insertStaged(conn, table, geoJsonColumns(table, collection.features));
}

/** Inserts text/number columns into `table`, cast to its types, through a staging table. */
async function insertStaged(
  conn: Connector,
  table: TableName,
  columns: StagingColumn[],
): Promise<void> {
  await conn.exec('DROP TABLE IF EXISTS publish_stage');
  await conn.insertArrow(buildArrowTable(columns), 'publish_stage', { create: true });
  const select = (TABLES[table] as readonly ColumnDef[])
    .map((c) =>
      c.default
        ? `coalesce(CAST(${c.name} AS ${c.type}), ${c.default})`
        : `CAST(${c.name} AS ${c.type})`,
    )
    .join(', ');
  await conn.exec(
    `INSERT INTO ${table} SELECT ${select} FROM publish_stage; DROP TABLE publish_stage`,
  );
}

async function insertJsonRows(conn: Connector, table: TableName, bytes: Uint8Array): Promise<void> {
  const rows = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>[];
  if (rows.length === 0) return;
  const columns: StagingColumn[] = TABLES[table].map((c) => ({
    name: c.name,
    kind: 'text',
    values: rows.map((r) =>
      r[c.name] === null || r[c.name] === undefined ? null : String(r[c.name]),
    ),
  }));
  await insertStaged(conn, table, columns);
}

/**
 * Inserts one file's rows; a file that cannot be read gives a DatasetError naming it (a
 * checksum only proves that the file is the one the manifest lists, not that it is whole).
 */
async function insertFile(conn: Connector, file: DatasetFile, bytes: Uint8Array): Promise<void> {
  try {
    if (file.format === 'arrow') {
      if (file.rows > 0) await insertIpcFilling(conn, bytes, file.table);
    } else if (file.format === 'geojson') {
      await insertGeoJson(conn, file.table as GeoJsonTable, bytes);
    } else {
      await insertJsonRows(conn, file.table, bytes);
    }
  } catch (error) {
    const reason = error instanceof IpcStreamError ? error.reason : 'onleesbaar';
    throw new DatasetError(`Het bestand ${file.path} van de gepubliceerde gegevens is ${reason}.`);
  }
}

/** Row counts of tables (names from TABLES only), in one query. */
async function countRows(
  conn: Connector,
  tables: readonly TableName[],
): Promise<Map<TableName, number>> {
  if (tables.length === 0) return new Map();
  const rows = await conn.query<{ t: TableName; n: number }>({
    sql: tables
      .map((t) => `SELECT '${t}' AS t, count(*)::INTEGER AS n FROM ${t}`)
      .join(' UNION ALL '),
  });
  return new Map(rows.map((r) => [r.t, r.n]));
}

async function checkCounts(conn: Connector, expected: Map<TableName, number>): Promise<void> {
  const counts = await countRows(conn, [...expected.keys()]);
  for (const [table, n] of expected) {
    const count = counts.get(table);
    if (count !== n) {
      throw new DatasetError(`De gepubliceerde tabel ${table} laadde ${count} van de ${n} rijen.`);
    }
  }
}

/**
 * Replaces every table with the given (verified) files, atomically; verifies row counts.
 * With a subset of the record files (selectFiles with fromYear) the record tables hold only
 * those years until appendFiles adds the rest.
 */
export async function replaceWithPublication(
  conn: Connector,
  files: readonly DatasetFile[],
  contents: ReadonlyMap<string, Uint8Array>,
  /** Steps (progress-steps PUBLISHED_LOAD_STEPS 'load', 'personal_data'). */
  progress?: StepProgress,
): Promise<void> {
  await progress?.step('load');
  await initDatabase(conn);
  await inTransaction(conn, async () => {
    await conn.exec(TABLE_NAMES.map((table) => `DELETE FROM ${table}`).join(';\n'));
    const expected = new Map<TableName, number>(TABLE_NAMES.map((table) => [table, 0]));
    for (const [done, file] of files.entries()) {
      progress?.advance(done, files.length);
      await insertFile(conn, file, contents.get(file.path)!);
      expected.set(file.table, expected.get(file.table)! + file.rows);
    }
    await checkCounts(conn, expected);
    // A publication of schema 1 gets its gemeente (gemeente.ts).
    await fillGemeente(conn);
    // The last checkpoint: a cancel up to here rolls everything back.
    await progress?.finish();
    await refusePersonalData(conn, files);
  });
}

/** Throws when the tables of `files` hold personal data (issue 27, item 6): nothing is kept. */
async function refusePersonalData(conn: Connector, files: readonly DatasetFile[]): Promise<void> {
  const found = await findStoredPersonalData(conn, [...new Set(files.map((f) => f.table))]);
  if (found) throw new DatasetError(describeStoredFinding('De publicatie', found));
}

/** Adds the remaining record files (years not loaded yet), atomically. */
export async function appendFiles(
  conn: Connector,
  files: readonly DatasetFile[],
  contents: ReadonlyMap<string, Uint8Array>,
): Promise<void> {
  await inTransaction(conn, async () => {
    const expected = await countRows(conn, [...new Set(files.map((f) => f.table))]);
    for (const file of files) {
      await insertFile(conn, file, contents.get(file.path)!);
      expected.set(file.table, expected.get(file.table)! + file.rows);
    }
    await checkCounts(conn, expected);
    await fillGemeente(conn);
    await refusePersonalData(conn, files);
  });
}

export { MANIFEST_FILE };
