/**
 * Importing area boundaries (CBS/PDOK gemeenten, wijken, buurten; RD New or WGS84; the
 * field-name variants of STACK.md). The level is recognised from the fields; the new areas
 * replace that level's areas, and when buurten change every record is assigned again —
 * all in one transaction.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { loadBuurtLookup, stageAreaAssignment } from '../area-assignment';
import type { Connector } from '../connector';
import { inTransaction, initDatabase } from '../database';
import { collectionIsRd, parseAreaFeature, type AreaLevel, type AreaRow } from '../geojson-areas';
import { insertAreas } from '../places';
import { RECORD_TABLES } from '../schema';
import { ImportError } from './stage';
import { decodeText } from './sniff-text';

export interface AreaImportReport {
  file: string;
  level: AreaLevel;
  crs: 'rd' | 'wgs84';
  features: number;
  accepted: number;
  rejected: { feature: number; reason: string }[];
  waterOnly: number;
  /** Records (all tables) now outside every buurt, after reassignment. */
  unassignedRecords: number;
}

const LEVEL_FIELDS: [AreaLevel, string[]][] = [
  ['buurt', ['buurtcode', 'BU_CODE']],
  ['wijk', ['wijkcode', 'WK_CODE']],
  ['gemeente', ['gemeentecode', 'GM_CODE']],
];

/** The level of a collection: from its code fields, or the prefix of `statcode`. */
export function detectAreaLevel(collection: FeatureCollection): AreaLevel | null {
  const props = (collection.features.find((f) => f?.properties)?.properties ?? {}) as Record<
    string,
    unknown
  >;
  for (const [level, fields] of LEVEL_FIELDS) if (fields.some((f) => f in props)) return level;
  const statcode = String(props.statcode ?? '');
  if (statcode.startsWith('BU')) return 'buurt';
  if (statcode.startsWith('WK')) return 'wijk';
  if (statcode.startsWith('GM')) return 'gemeente';
  return null;
}

function rejectReason(feature: Feature): string {
  const type = feature?.geometry?.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') return 'Geen vlak (Polygon of MultiPolygon)';
  return 'Gebiedscode ontbreekt';
}

export async function importAreas(
  conn: Connector,
  fileName: string,
  bytes: Uint8Array,
  dataset: string,
): Promise<AreaImportReport> {
  let collection: FeatureCollection;
  try {
    collection = JSON.parse(decodeText(bytes).text) as FeatureCollection;
    if (!Array.isArray(collection.features)) throw new Error();
  } catch {
    throw new ImportError('Het bestand is geen leesbare GeoJSON FeatureCollection met gebieden.');
  }
  const level = detectAreaLevel(collection);
  if (!level) {
    throw new ImportError(
      'Niet herkend als gemeenten, wijken of buurten: verwacht velden als buurtcode, wijkcode, gemeentecode (of BU_CODE, WK_CODE, GM_CODE, statcode).',
    );
  }
  const rd = collectionIsRd(collection);
  const rows: AreaRow[] = [];
  const rejected: AreaImportReport['rejected'] = [];
  collection.features.forEach((feature, index) => {
    const row = parseAreaFeature(feature, level, rd);
    if (row) rows.push(row);
    else rejected.push({ feature: index + 1, reason: rejectReason(feature) });
  });
  if (rows.length === 0) throw new ImportError('Het bestand bevat geen bruikbare gebieden.');
  await initDatabase(conn);
  let unassignedRecords = 0;
  await inTransaction(conn, async () => {
    await conn.query({ sql: 'DELETE FROM areas WHERE level = ?', params: [level] });
    await insertAreas(conn, rows, dataset);
    if (level === 'buurt') unassignedRecords = await reassignRecords(conn);
  });
  return {
    file: fileName,
    level,
    crs: rd ? 'rd' : 'wgs84',
    features: collection.features.length,
    accepted: rows.length,
    rejected,
    waterOnly: rows.filter((r) => r.water).length,
    unassignedRecords,
  };
}

/**
 * Assigns buurt and wijk again for every stored record with coordinates (after new buurt
 * boundaries); records located only by an area code keep it.
 */
async function reassignRecords(conn: Connector): Promise<number> {
  const lookup = await loadBuurtLookup(conn);
  let outside = 0;
  for (const table of RECORD_TABLES) {
    await conn.exec(`CREATE OR REPLACE TEMP TABLE stage_reassign AS
      SELECT CAST(row_number() OVER (ORDER BY rowid) AS INTEGER) AS rn, rowid AS row_id, lon, lat FROM ${table}
      WHERE lon IS NOT NULL AND lat IS NOT NULL`);
    outside += await stageAreaAssignment(conn, 'stage_reassign', lookup);
    await conn.exec(`UPDATE ${table} SET buurtcode = a.buurtcode, wijkcode = a.wijkcode
      FROM stage_reassign s JOIN stage_reassign_area a USING (rn) WHERE ${table}.rowid = s.row_id`);
    await conn.exec('DROP TABLE stage_reassign; DROP TABLE stage_reassign_area');
  }
  return outside;
}
