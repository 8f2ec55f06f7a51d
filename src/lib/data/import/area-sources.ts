/**
 * Boundary files in the formats CBS, PDOK and municipal GIS departments publish, read into
 * one shape — features with properties and a raw geometry, plus the coordinate system:
 * GeoJSON (PDOK WFS and OGC API output, WGS84 or RD New), zipped Shapefile and GeoPackage.
 * The Shapefile and GeoPackage readers are loaded only when such a file is chosen.
 */
import { looksLikeRd } from '../../analysis/rd';
import { decodeText } from './sniff-text';
import { ImportError } from './stage';

export type AreaCrs = 'rd' | 'wgs84';
export type AreaFormat = 'geojson' | 'shapefile' | 'geopackage';

export interface RawAreaFeature {
  properties: Record<string, unknown>;
  geometry: unknown;
  /** Set where layers of one file differ (a GeoPackage); otherwise the source's crs holds. */
  crs?: AreaCrs;
  /** The layer (GeoPackage table) the feature comes from: fields are recognised per layer. */
  layer?: string;
}

export interface AreaSource {
  format: AreaFormat;
  features: RawAreaFeature[];
  crs: AreaCrs;
}

/** SQLite for GeoPackage: sql.js, whose WebAssembly the browser and Node locate differently. */
export type SqliteLoader = () => Promise<import('sql.js').SqlJsStatic>;

export interface AreaReaders {
  sqlite?: SqliteLoader;
}

const startsWith = (bytes: Uint8Array, text: string) =>
  bytes.length >= text.length && [...text].every((c, i) => bytes[i] === c.charCodeAt(0));

export async function readAreaSource(
  fileName: string,
  bytes: Uint8Array,
  readers: AreaReaders = {},
): Promise<AreaSource> {
  if (startsWith(bytes, 'PK\u0003\u0004')) {
    const { readShapefileZip } = await import('./area-shapefile');
    return readShapefileZip(bytes);
  }
  if (startsWith(bytes, 'SQLite format 3')) {
    if (!readers.sqlite) throw new ImportError('GeoPackage kan hier niet worden gelezen.');
    const { readGeoPackage } = await import('./area-geopackage');
    return readGeoPackage(bytes, readers.sqlite);
  }
  if (/\.(shp|dbf|shx|prj)$/i.test(fileName)) {
    throw new ImportError(
      'Een losse Shapefile-deel is niet genoeg: pak de .shp, .dbf en .prj samen in één .zip en kies dat bestand.',
    );
  }
  return readGeoJsonAreas(bytes);
}

const RD_CRS = /28992|rd[_ ]?new|amersfoort/i;

/** The first coordinate pair anywhere in a geometry (null when there is none). */
function firstPair(value: unknown, depth = 0): [number, number] | null {
  if (!Array.isArray(value) || depth > 6) return null;
  if (typeof value[0] === 'number' && typeof value[1] === 'number') return [value[0], value[1]];
  for (const item of value) {
    const hit = firstPair(item, depth + 1);
    if (hit) return hit;
  }
  return null;
}

/** RD New when the file says so (a `crs` member) or its first finite pair lies in RD range. */
export function detectCrs(features: readonly RawAreaFeature[], declared: string): AreaCrs {
  if (RD_CRS.test(declared)) return 'rd';
  for (const f of features) {
    const g = f.geometry as { coordinates?: unknown; geometries?: { coordinates?: unknown }[] };
    const pair = firstPair(g?.coordinates ?? g?.geometries?.[0]?.coordinates);
    if (pair && Number.isFinite(pair[0]) && Number.isFinite(pair[1])) {
      return looksLikeRd(pair[0], pair[1]) ? 'rd' : 'wgs84';
    }
  }
  return 'wgs84';
}

function readGeoJsonAreas(bytes: Uint8Array): AreaSource {
  let parsed: { type?: unknown; features?: unknown; crs?: unknown };
  try {
    parsed = JSON.parse(decodeText(bytes).text) as typeof parsed;
  } catch {
    throw new ImportError(
      'Het bestand is geen leesbare GeoJSON, GeoPackage (.gpkg) of gezipte Shapefile (.zip). Sla de grenzen in een van die vormen op.',
    );
  }
  const list = parsed?.type === 'Feature' ? [parsed] : parsed?.features;
  if (!Array.isArray(list)) {
    throw new ImportError(
      'De GeoJSON bevat geen FeatureCollection met gebieden (het veld "features" ontbreekt).',
    );
  }
  const features = list.map((f: { properties?: unknown; geometry?: unknown } | null) => ({
    properties:
      f && typeof f.properties === 'object' && f.properties !== null
        ? (f.properties as Record<string, unknown>)
        : {},
    geometry: f?.geometry ?? null,
  }));
  return {
    format: 'geojson',
    features,
    crs: detectCrs(features, JSON.stringify(parsed.crs ?? '')),
  };
}
