/**
 * A published dataset: the analyst's current workspace as files that sit next to the
 * deployed app (`<app>/dataset/`), so every colleague's browser opens the same data without
 * importing anything (issue "Publiceren").
 *
 *   dataset/manifest.json            what is there: version, "gegevens t/m", municipality,
 *                                    files with table, year, rows, bytes and SHA-256
 *   dataset/incidents-2025.arrow     records as Arrow IPC (stream format, what the engine
 *   dataset/meldingen-2025.arrow …   ingests), one file per table and year of the record's
 *                                    time, so a briefing loads only the recent years;
 *                                    repeated texts as dictionaries (arrow-dictionary.ts)
 *   dataset/areas.geojson …          area boundaries and reference layers as GeoJSON
 *   dataset/theme_mapping.json       the category → theme table
 *
 * The same function serves the browser (a ZIP download) and `npm run publish:data`.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { dictionarySelectList } from './arrow-dictionary';
import { toIpcStream } from './arrow-build';
import type { Connector, Row } from './connector';
import type { StepProgress } from './progress';
import { sha256Hex } from './sha256';
import { buildZip } from './zip';
import {
  SCHEMA_VERSION,
  TABLES,
  RECORD_TABLES,
  RECORD_TIME_COLUMN,
  type TableName,
} from './schema';

export const DATASET_DIR = 'dataset';
export const MANIFEST_FILE = 'manifest.json';
export const DATASET_FORMAT = 'wijkradar-dataset';
export const DATASET_FORMAT_VERSION = 1;

/** Reference tables published as GeoJSON: where their geometry comes from. */
export const GEOJSON_TABLES = {
  areas: 'geometry',
  buildings: 'point',
  watch_locations: 'geometry',
  interventions: 'geometry',
} as const satisfies Partial<Record<TableName, 'geometry' | 'point'>>;
export type GeoJsonTable = keyof typeof GEOJSON_TABLES;

export interface DatasetFile {
  path: string;
  table: TableName;
  /** Year of the records' time (record tables only). */
  year: number | null;
  format: 'arrow' | 'geojson' | 'json';
  rows: number;
  bytes: number;
  sha256: string;
}

export interface DatasetManifest {
  format: typeof DATASET_FORMAT;
  format_version: number;
  schema_version: number;
  /** Shown everywhere it matters; defaults to the publication moment (local time). */
  version: string;
  published_at: string;
  /** 'YYYY-MM-DD': the last day with records ("gegevens t/m"). */
  data_until: string | null;
  data_from: string | null;
  municipality: string | null;
  tables: Record<string, number>;
  files: DatasetFile[];
}

export interface Publication {
  manifest: DatasetManifest;
  /** Path inside the dataset folder → bytes (manifest.json included). */
  files: Map<string, Uint8Array>;
}

const encoder = new TextEncoder();
const pad = (n: number) => String(n).padStart(2, '0');

/** The default version text: the publication moment, local 'YYYY-MM-DD HH:MM'. */
export function defaultVersion(now: Date = new Date()): string {
  return localStamp(now);
}

/** A file name from the version: letters, digits and dashes only. */
export function publicationFileName(version: string): string {
  const slug = version.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return `wijkradar-publicatie-${slug || 'gegevens'}.zip`;
}

/** The publication as one ZIP with a `dataset/` folder, to unpack next to the app. */
export function publicationZip(publication: Publication, now: Date = new Date()): Uint8Array {
  const files = new Map<string, Uint8Array>();
  for (const [name, bytes] of publication.files) files.set(`${DATASET_DIR}/${name}`, bytes);
  return buildZip(files, now);
}

function localStamp(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** Columns other than the geometry, with dates and times as text. */
function propertiesSelect(table: GeoJsonTable): string {
  const source = GEOJSON_TABLES[table];
  return TABLES[table]
    .filter((c) => !(source === 'geometry' && c.name === 'geometry'))
    .map((c) =>
      c.type === 'DATE' || c.type === 'TIMESTAMP'
        ? `CAST(${c.name} AS VARCHAR) AS ${c.name}`
        : c.name,
    )
    .join(', ');
}

async function tableAsGeoJson(
  conn: Connector,
  table: GeoJsonTable,
): Promise<{ bytes: Uint8Array; rows: number }> {
  const source = GEOJSON_TABLES[table];
  const rows = await conn.query<Row>({
    sql: `SELECT ${propertiesSelect(table)}${source === 'geometry' ? ', geometry AS __geometry' : ''}
          FROM ${table} ORDER BY ${TABLES[table][0].name}`,
  });
  const features: Feature[] = rows.map((row) => {
    const { __geometry, ...properties } = row;
    let geometry: Geometry | null = null;
    if (source === 'geometry') geometry = JSON.parse(String(__geometry)) as Geometry;
    else if (typeof row.lon === 'number' && typeof row.lat === 'number') {
      geometry = { type: 'Point', coordinates: [row.lon, row.lat] };
    }
    return { type: 'Feature', properties, geometry } as Feature;
  });
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  return { bytes: encoder.encode(JSON.stringify(collection)), rows: rows.length };
}

export interface PublishOptions {
  /** Shown to users; default: the publication moment 'YYYY-MM-DD HH:MM'. */
  version?: string;
  now?: Date;
  /** Steps (progress-steps PUBLISH_STEPS 'records', 'reference') and cancel. */
  progress?: StepProgress;
}

/** What a manifest says about its data; datasetManifest adds format, schema and version. */
export type ManifestContent = Pick<
  DatasetManifest,
  'data_until' | 'data_from' | 'municipality' | 'tables' | 'files'
>;

/**
 * A publication's manifest (this format and schema version, published `now`): the one
 * writer of both a municipality's publication and a region's (scripts/lib/region-publish.ts).
 */
export function datasetManifest(
  version: string,
  now: Date,
  content: ManifestContent,
): DatasetManifest {
  return {
    format: DATASET_FORMAT,
    format_version: DATASET_FORMAT_VERSION,
    schema_version: SCHEMA_VERSION,
    version,
    published_at: now.toISOString(),
    data_until: content.data_until,
    data_from: content.data_from,
    municipality: content.municipality,
    tables: content.tables,
    files: content.files,
  };
}

/** manifest.json's bytes (a region's manifest carries a few more keys). */
export function manifestBytes(manifest: DatasetManifest): Uint8Array {
  return encoder.encode(JSON.stringify(manifest, null, 2));
}

/** Builds every file of a published dataset from the database's current contents. */
export async function buildPublication(
  conn: Connector,
  options: PublishOptions = {},
): Promise<Publication> {
  const now = options.now ?? new Date();
  const { progress } = options;
  const files = new Map<string, Uint8Array>();
  const entries: DatasetFile[] = [];
  const tables: Record<string, number> = {};
  const add = async (entry: Omit<DatasetFile, 'bytes' | 'sha256'>, bytes: Uint8Array) => {
    files.set(entry.path, bytes);
    entries.push({ ...entry, bytes: bytes.length, sha256: await sha256Hex(bytes) });
    tables[entry.table] = (tables[entry.table] ?? 0) + entry.rows;
  };

  await progress?.step('records');
  for (const [done, table] of RECORD_TABLES.entries()) {
    progress?.advance(done, RECORD_TABLES.length);
    const time = RECORD_TIME_COLUMN[table];
    const years = await conn.query<{ y: number; n: number }>({
      sql: `SELECT year(${time}) AS y, count(*)::INTEGER AS n FROM ${table} GROUP BY 1 ORDER BY 1`,
    });
    tables[table] = 0;
    const select = await dictionarySelectList(conn, table);
    for (const { y, n } of years) {
      const ipc = await conn.queryIpc(
        `SELECT ${select} FROM ${table} WHERE year(${time}) = ${Math.trunc(y)} ORDER BY ${time}, id`,
      );
      await add(
        { path: `${table}-${y}.arrow`, table, year: y, format: 'arrow', rows: n },
        toIpcStream(ipc),
      );
    }
  }
  await progress?.step('reference');
  const geoJsonTables = Object.keys(GEOJSON_TABLES) as GeoJsonTable[];
  for (const [done, table] of geoJsonTables.entries()) {
    progress?.advance(done, geoJsonTables.length);
    const { bytes, rows } = await tableAsGeoJson(conn, table);
    await add({ path: `${table}.geojson`, table, year: null, format: 'geojson', rows }, bytes);
  }
  const mapping = await conn.query<Row>({
    sql: 'SELECT * FROM theme_mapping ORDER BY main_category, sub_category',
  });
  await add(
    {
      path: 'theme_mapping.json',
      table: 'theme_mapping',
      year: null,
      format: 'json',
      rows: mapping.length,
    },
    encoder.encode(JSON.stringify(mapping)),
  );

  const [period] = await conn.query<{ first: string | null; last: string | null }>({
    sql: `SELECT strftime(min(lo), '%Y-%m-%d') AS first, strftime(max(hi), '%Y-%m-%d') AS last FROM (
      ${RECORD_TABLES.map((t) => `SELECT min(${RECORD_TIME_COLUMN[t]}) AS lo, max(${RECORD_TIME_COLUMN[t]}) AS hi FROM ${t}`).join(' UNION ALL ')})`,
  });
  const [gemeente] = await conn.query<{ name: string | null }>({
    sql: `SELECT name FROM areas WHERE level = 'gemeente' ORDER BY code LIMIT 1`,
  });
  const manifest = datasetManifest(options.version?.trim() || localStamp(now), now, {
    data_until: period?.last ?? null,
    data_from: period?.first ?? null,
    municipality: gemeente?.name ?? null,
    tables,
    files: entries,
  });
  files.set(MANIFEST_FILE, manifestBytes(manifest));
  progress?.checkpoint();
  return { manifest, files };
}
