/**
 * A GeoPackage (OGC 12-128r18; the CBS wijk- en buurtkaart is published as one, with a
 * layer per level) as boundary features. sql.js (SQLite in WebAssembly) opens the file;
 * every feature table is read, its geometry blobs decoded by `decodeGeoPackageGeometry`,
 * and its srs (gpkg_spatial_ref_sys) decides RD New or WGS84.
 */
import type { Database, SqlValue } from 'sql.js';
import { decodeGeoPackageGeometry } from './wkb';
import type { AreaCrs, AreaSource, RawAreaFeature, SqliteLoader } from './area-sources';
import { ImportError } from './stage';

interface FeatureTable {
  table: string;
  column: string;
  crs: AreaCrs;
}

function rows(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const statement = db.prepare(sql);
  const out: Record<string, SqlValue>[] = [];
  try {
    statement.bind(params);
    while (statement.step()) out.push(statement.getAsObject());
  } finally {
    statement.free();
  }
  return out;
}

function crsOf(srsId: number, organisationId: number, definition: string, table: string): AreaCrs {
  if (srsId === 28992 || organisationId === 28992 || /amersfoort|rd[_ ]new/i.test(definition)) {
    return 'rd';
  }
  if ([4326, 4258].includes(srsId) || [4326, 4258].includes(organisationId)) return 'wgs84';
  throw new ImportError(
    `Laag ‘${table}’ gebruikt coördinatenstelsel ${organisationId || srsId}; sla de GeoPackage op in RD New (EPSG:28992) of WGS84 (EPSG:4326).`,
  );
}

function featureTables(db: Database): FeatureTable[] {
  let found: Record<string, SqlValue>[];
  try {
    found = rows(
      db,
      `SELECT g.table_name AS t, g.column_name AS c, g.srs_id AS s,
         coalesce(r.organization_coordsys_id, 0) AS o, coalesce(r.definition, '') AS d
       FROM gpkg_geometry_columns g LEFT JOIN gpkg_spatial_ref_sys r USING (srs_id)
       ORDER BY g.table_name`,
    );
  } catch {
    throw new ImportError(
      'Dit SQLite-bestand is geen GeoPackage (de tabel gpkg_geometry_columns ontbreekt).',
    );
  }
  if (found.length === 0) throw new ImportError('De GeoPackage bevat geen laag met vlakken.');
  return found.map((r) => ({
    table: String(r.t),
    column: String(r.c),
    crs: crsOf(Number(r.s), Number(r.o), String(r.d), String(r.t)),
  }));
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

function readTable(db: Database, t: FeatureTable): RawAreaFeature[] {
  return rows(db, `SELECT * FROM ${quoteIdent(t.table)}`).map((row) => {
    const blob = row[t.column];
    const properties: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      if (key !== t.column && key.toLowerCase() !== 'fid') properties[key] = value;
    }
    let geometry: unknown = null;
    if (blob instanceof Uint8Array) {
      try {
        geometry = decodeGeoPackageGeometry(blob);
      } catch {
        geometry = { type: 'onleesbaar' };
      }
    }
    return { properties, geometry, crs: t.crs, layer: t.table };
  });
}

export async function readGeoPackage(
  bytes: Uint8Array,
  loadSqlite: SqliteLoader,
): Promise<AreaSource> {
  const SQL = await loadSqlite();
  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch {
    throw new ImportError('De GeoPackage is beschadigd en kan niet worden geopend.');
  }
  try {
    const tables = featureTables(db);
    const features = tables.flatMap((t) => readTable(db, t));
    return { format: 'geopackage', features, crs: tables[0].crs };
  } finally {
    db.close();
  }
}
