/**
 * Staging GeoJSON: Point features' properties as text columns, the point as two extra
 * columns; features of other geometry types are kept as structure rejects.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { buildArrowTable } from '../arrow-build';
import type { Connector } from '../connector';
import { decodeText } from './sniff-text';
import {
  dropRelations,
  ImportError,
  MAX_COLUMNS,
  STAGE_RELATIONS,
  stagedColumn,
  type StagedSource,
  type StructureReject,
} from './staged-source';

/**
 * The names of the point's two columns: GeoJSON is WGS84 longitude and latitude (RFC
 * 7946), so the mapping screen shows lengte- and breedtegraad; only a file that names the
 * Dutch grid in its (older) `crs` member gets x and y. The system is still checked on the
 * values, as for every pair of coordinate columns.
 */
function pointColumnNames(collection: FeatureCollection): [string, string] {
  const crs = JSON.stringify((collection as { crs?: unknown }).crs ?? '');
  return crs.includes('28992') ? ['x', 'y'] : ['lengtegraad', 'breedtegraad'];
}

/**
 * A point's coordinate as staged text. RFC 7946 positions hold JSON numbers only: a string
 * ("6.19", "NaN"), null, a missing element or a nested value is staged as its JSON text,
 * which no number plan reads, so the row is rejected as "Coördinaten onleesbaar" with the
 * value shown as written. 1e999 parses as Infinity and is staged as such; the conversion
 * rejects non-finite coordinates (issue 27, item 12).
 */
function coordinateText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? 'ontbreekt';
}

/** GeoJSON Point features: properties as columns, the point as two extra columns. */
export async function stageGeoJson(conn: Connector, bytes: Uint8Array): Promise<StagedSource> {
  let collection: FeatureCollection;
  try {
    const parsed = JSON.parse(decodeText(bytes).text) as FeatureCollection | Feature;
    collection =
      parsed.type === 'Feature' ? { type: 'FeatureCollection', features: [parsed] } : parsed;
    if (!Array.isArray(collection.features)) throw new Error();
  } catch {
    throw new ImportError('Het GeoJSON-bestand is onleesbaar (geen geldige FeatureCollection).');
  }
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const feature of collection.features) {
    for (const key of Object.keys(feature?.properties ?? {})) {
      if (seen.has(key)) continue;
      seen.add(key);
      headers.push(key);
    }
  }
  const [xName, yName] = pointColumnNames(collection).map((name) =>
    seen.has(name) ? `geometrie_${name}` : name,
  );
  headers.push(xName, yName);
  if (headers.length > MAX_COLUMNS)
    throw new ImportError(`Te veel eigenschappen (${headers.length}).`);
  const columns: (string | null)[][] = headers.map(() => []);
  const structureRejects: StructureReject[] = [];
  collection.features.forEach((feature, index) => {
    const geometry = feature?.geometry;
    if (geometry?.type !== 'Point' || !Array.isArray(geometry.coordinates)) {
      structureRejects.push({
        record: index + 1,
        reason: 'Geen puntgeometrie',
        raw: JSON.stringify(feature).slice(0, 2000),
      });
      return;
    }
    const props = (feature.properties ?? {}) as Record<string, unknown>;
    const point = [geometry.coordinates[0], geometry.coordinates[1]].map(coordinateText);
    headers.forEach((header, c) => {
      if (c >= headers.length - 2) {
        columns[c].push(point[c - (headers.length - 2)]);
        return;
      }
      const value = props[header];
      columns[c].push(
        value === undefined || value === null
          ? null
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value),
      );
    });
  });
  const rows = columns[0]?.length ?? 0;
  await dropRelations(conn, STAGE_RELATIONS);
  await conn.insertArrow(
    buildArrowTable([
      { name: 'rn', kind: 'int', values: Int32Array.from({ length: rows }, (_, i) => i + 1) },
      ...headers.map((_, c) => ({
        name: stagedColumn(c),
        kind: 'text' as const,
        values: columns[c],
      })),
    ]),
    'import_raw',
    { create: true },
  );
  return {
    format: 'geojson',
    encoding: null,
    delimiter: null,
    headers,
    rowCount: rows,
    structureRejects,
  };
}
