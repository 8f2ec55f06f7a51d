/**
 * One boundary's geometry checked and, where that is safe, repaired — per feature, so one
 * bad polygon never refuses a whole file. Repaired: unclosed rings (closed), repeated
 * wrong winding (RFC 7946: outer rings counter-clockwise), self-intersections
 * (rebuilt by Turf's union, which splits a bow-tie into its two parts), degenerate holes.
 * Rejected, with a Dutch reason: no geometry, not an area, empty, unreadable or infinite
 * coordinates, coordinates that are neither WGS84 nor RD New.
 */
import {
  area as turfArea,
  booleanClockwise,
  feature,
  featureCollection,
  lineIntersect,
  rewind,
  union,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { rdToWgs84 } from '../../analysis/rd';

export type AreaGeometryResult =
  { ok: true; geometry: MultiPolygon; repairs: string[] } | { ok: false; reason: string };

class GeometryRefusal extends Error {}

const refuse = (reason: string): never => {
  throw new GeometryRefusal(reason);
};

/** Polygon rings of a Polygon, MultiPolygon or a GeometryCollection of those. */
function polygonsOf(geometry: unknown): unknown[] {
  if (geometry === null || geometry === undefined) return refuse('Geen geometrie');
  const g = geometry as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') {
    return Array.isArray(g.coordinates) ? g.coordinates : refuse('Lege geometrie');
  }
  if (g.type === 'GeometryCollection' && Array.isArray(g.geometries)) {
    return g.geometries.flatMap((part) => polygonsOf(part));
  }
  return refuse(`Geen vlak (Polygon of MultiPolygon) maar ${String(g.type ?? 'onbekend')}`);
}

function readPosition(value: unknown, crs: 'rd' | 'wgs84'): Position {
  if (!Array.isArray(value) || value.length < 2) return refuse('Coördinaat onleesbaar');
  const [x, y] = [Number(value[0]), Number(value[1])];
  if (value[0] === null || value[1] === null || Number.isNaN(x) || Number.isNaN(y)) {
    refuse('Coördinaat onleesbaar (geen getal)');
  }
  if (!Number.isFinite(x) || !Number.isFinite(y)) refuse('Coördinaat oneindig groot');
  if (crs === 'rd') return rdToWgs84(x, y);
  if (Math.abs(x) > 180 || Math.abs(y) > 90) {
    refuse('Coördinaten buiten bereik: geen WGS84 (lengte/breedte) en geen RD New');
  }
  return [x, y];
}

/** A ring as positions, closed; null when it has no area (fewer than three corners). */
function readRing(value: unknown, crs: 'rd' | 'wgs84', repairs: Set<string>): Position[] | null {
  if (!Array.isArray(value)) return refuse('Ring onleesbaar');
  const ring = value.map((p) => readPosition(p, crs));
  if (ring.length === 0) return null;
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    ring.push([first[0], first[1]]);
    repairs.add('ring gesloten');
  }
  return hasThreeCorners(ring) ? ring : null;
}

/** At least three distinct positions (stops at the third: a string set of every vertex of a
 * large city's buurten cost a tenth of the boundary import). */
function hasThreeCorners(ring: readonly Position[]): boolean {
  const first = ring[0];
  let second: Position | null = null;
  for (const p of ring) {
    if (p[0] === first[0] && p[1] === first[1]) continue;
    if (second === null) second = p;
    else if (p[0] !== second[0] || p[1] !== second[1]) return true;
  }
  return false;
}

function readPolygons(
  geometry: unknown,
  crs: 'rd' | 'wgs84',
  repairs: Set<string>,
): Position[][][] {
  const polygons: Position[][][] = [];
  for (const raw of polygonsOf(geometry)) {
    if (!Array.isArray(raw) || raw.length === 0) continue;
    const outer = readRing(raw[0], crs, repairs);
    if (!outer) {
      if (raw[0]?.length) repairs.add('vlak zonder oppervlak weggelaten');
      continue;
    }
    const holes = raw.slice(1).map((ring) => readRing(ring, crs, repairs));
    if (holes.some((h) => h === null)) repairs.add('lege uitsparing weggelaten');
    polygons.push([outer, ...holes.filter((h): h is Position[] => h !== null)]);
  }
  if (polygons.length === 0) refuse('Lege geometrie (geen vlak met oppervlak)');
  return polygons;
}

function selfIntersects(multi: MultiPolygon): boolean {
  // Turf's sweep-line intersection finder, O(n log n): kinks() is quadratic in vertices.
  const none = featureCollection<Polygon>([]);
  return (
    lineIntersect(feature(multi), none, { ignoreSelfIntersections: false }).features.length > 0
  );
}

function asMulti(f: Feature<Polygon | MultiPolygon> | null): MultiPolygon | null {
  if (!f) return null;
  const g = f.geometry;
  return g.type === 'MultiPolygon' ? g : { type: 'MultiPolygon', coordinates: [g.coordinates] };
}

/** RFC 7946: outer rings counter-clockwise, holes clockwise. */
function windingWrong(multi: MultiPolygon): boolean {
  return multi.coordinates.some((polygon) =>
    polygon.some((ring, i) => booleanClockwise(ring) !== i > 0),
  );
}

/** The geometry as a valid WGS84 MultiPolygon, or the Dutch reason it cannot be one. */
export function checkAreaGeometry(
  geometry: unknown,
  crs: 'rd' | 'wgs84',
  options: { reportWinding?: boolean } = {},
): AreaGeometryResult {
  const repairs = new Set<string>();
  try {
    let multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: readPolygons(geometry, crs, repairs),
    };
    if (selfIntersects(multi)) {
      const rebuilt = asMulti(
        union(featureCollection([feature(multi), feature(multi)])) as Feature<
          Polygon | MultiPolygon
        > | null,
      );
      if (!rebuilt || rebuilt.coordinates.length === 0) {
        refuse('Vlak snijdt zichzelf en kon niet worden hersteld; controleer het in een GIS');
      }
      multi = rebuilt!;
      repairs.add('zelfdoorsnijding hersteld');
    }
    if (windingWrong(multi)) {
      multi = rewind(multi) as MultiPolygon;
      // Shapefile rings run clockwise by definition: only GeoJSON has it wrong.
      if (options.reportWinding) repairs.add('draairichting gecorrigeerd');
    }
    if (!(turfArea(multi) > 0)) refuse('Vlak zonder oppervlak');
    return { ok: true, geometry: multi, repairs: [...repairs] };
  } catch (error) {
    if (error instanceof GeometryRefusal) return { ok: false, reason: error.message };
    return { ok: false, reason: 'Geometrie onleesbaar' };
  }
}
