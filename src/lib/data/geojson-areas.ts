/**
 * CBS/PDOK area boundaries (gemeenten, wijken, buurten) from GeoJSON to `areas` rows.
 * Accepts the field-name variants municipalities meet (STACK.md, "Dutch geodata"):
 * PDOK 2024 (`buurtcode`, `aantal_inwoners`, `water`), older CBS (`BU_CODE`, `BU_NAAM`,
 * `AANT_INW`, `WATER`) and simplified national files (`statcode`, `statnaam`).
 * Coordinates in RD New are recognised from their values and converted to WGS84.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Position } from 'geojson';
import { looksLikeRd, rdToWgs84 } from '../analysis/rd';
import { parseInhabitants } from './import/inhabitants';

export type AreaLevel = 'gemeente' | 'wijk' | 'buurt';

export interface AreaRow {
  code: string;
  name: string | null;
  level: AreaLevel;
  parent: string | null;
  inhabitants: number | null;
  water: boolean;
  year: number | null;
  geometry: MultiPolygon;
  bbox: [number, number, number, number];
}

const FIELD_VARIANTS: Record<AreaLevel, { code: string[]; name: string[]; parent: string[] }> = {
  gemeente: {
    code: ['gemeentecode', 'GM_CODE', 'statcode'],
    name: ['gemeentenaam', 'GM_NAAM', 'statnaam'],
    parent: [],
  },
  wijk: {
    code: ['wijkcode', 'WK_CODE', 'statcode'],
    name: ['wijknaam', 'WK_NAAM', 'statnaam'],
    parent: ['gemeentecode', 'GM_CODE'],
  },
  buurt: {
    code: ['buurtcode', 'BU_CODE', 'statcode'],
    name: ['buurtnaam', 'BU_NAAM', 'statnaam'],
    parent: ['wijkcode', 'WK_CODE'],
  },
};

/** CBS marks suppressed or unknown figures with large negative sentinels (e.g. -99997). */
export { CBS_SENTINEL_LIMIT } from './import/inhabitants';

function firstField(props: Record<string, unknown>, names: string[]): unknown {
  for (const name of names) {
    if (props[name] !== undefined && props[name] !== null && props[name] !== '') return props[name];
  }
  return null;
}

function toMultiPolygon(geometry: Geometry | null): MultiPolygon | null {
  if (!geometry) return null;
  if (geometry.type === 'MultiPolygon') return geometry;
  if (geometry.type === 'Polygon')
    return { type: 'MultiPolygon', coordinates: [geometry.coordinates] };
  return null;
}

function mapPositions(multi: MultiPolygon, fn: (p: Position) => Position): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: multi.coordinates.map((poly) => poly.map((ring) => ring.map(fn))),
  };
}

export function bboxOf(multi: MultiPolygon): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of multi.coordinates) {
    for (const [x, y] of poly[0]) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return [minX, minY, maxX, maxY];
}

/** True when the collection's first coordinate is an RD New pair rather than lon/lat. */
export function collectionIsRd(collection: FeatureCollection): boolean {
  for (const feature of collection.features) {
    const multi = toMultiPolygon(feature.geometry);
    const first = multi?.coordinates[0]?.[0]?.[0];
    if (first) return looksLikeRd(first[0], first[1]);
  }
  return false;
}

export function parseAreaFeature(feature: Feature, level: AreaLevel, rd: boolean): AreaRow | null {
  const props = (feature.properties ?? {}) as Record<string, unknown>;
  const variants = FIELD_VARIANTS[level];
  const code = firstField(props, variants.code);
  let multi = toMultiPolygon(feature.geometry);
  if (code === null || !multi) return null;
  if (rd) multi = mapPositions(multi, ([x, y]) => rdToWgs84(x, y));
  // Missing or empty stays unknown (not 0); "1.234" is 1234 people (import/inhabitants.ts).
  const { inhabitants } = parseInhabitants(
    firstField(props, ['aantal_inwoners', 'AANT_INW', 'inwoners']),
  );
  const water = String(firstField(props, ['water', 'WATER']) ?? 'NEE').toUpperCase() === 'JA';
  const year = Number(firstField(props, ['jaar', 'JAAR', 'jaarcode']));
  return {
    code: String(code),
    name: (firstField(props, variants.name) as string | null) ?? null,
    level,
    parent: variants.parent.length
      ? String(firstField(props, variants.parent) ?? '') || null
      : null,
    inhabitants,
    water,
    year: Number.isFinite(year) && year > 0 ? year : null,
    geometry: multi,
    bbox: bboxOf(multi),
  };
}

export function parseAreaCollection(collection: FeatureCollection, level: AreaLevel): AreaRow[] {
  const rd = collectionIsRd(collection);
  return collection.features
    .map((feature) => parseAreaFeature(feature, level, rd))
    .filter((row): row is AreaRow => row !== null);
}
