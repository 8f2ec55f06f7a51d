/**
 * GeoJSON output in WGS84 (RFC 7946: exteriors counter-clockwise, holes clockwise, rings
 * closed), six decimals, one feature per line so diffs of the committed files stay readable.
 * Area properties use the PDOK/CBS wijken-en-buurten 2024 names.
 */
import { rdToWgs84 } from '../../src/lib/analysis/rd';
import type { Building } from './buildings';
import type { Geography } from './geography';
import type { Polygon, Pt, Ring } from './geometry';
import { INTERVENTION, WATCH_LOCATIONS } from './places';

type Position = [number, number];

export interface Feature {
  type: 'Feature';
  properties: Record<string, string | number | null>;
  geometry:
    | { type: 'Point'; coordinates: Position }
    | { type: 'LineString'; coordinates: Position[] }
    | { type: 'Polygon'; coordinates: Position[][] }
    | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

const round6 = (v: number): number => Number(v.toFixed(6));

export function toPosition(p: Pt): Position {
  const [lon, lat] = rdToWgs84(p[0], p[1]);
  return [round6(lon), round6(lat)];
}

export function ringPositions(ring: Ring): Position[] {
  const out = ring.map(toPosition);
  out.push(out[0]);
  return out;
}

export function polygonPositions(polygon: Polygon): Position[][] {
  return polygon.map(ringPositions);
}

export function featureCollection(features: readonly Feature[]): string {
  const lines = features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

const multi = (polygons: readonly Polygon[]): Feature['geometry'] => ({
  type: 'MultiPolygon',
  coordinates: polygons.map(polygonPositions),
});

export function gemeenteFeatures(g: Geography): Feature[] {
  return [
    {
      type: 'Feature',
      properties: {
        gemeentecode: g.gemeente.code,
        gemeentenaam: g.gemeente.name,
        aantal_inwoners: g.gemeente.inhabitants,
        water: 'NEE',
        jaar: g.year,
      },
      geometry: multi(g.gemeente.polygons),
    },
  ];
}

export function wijkFeatures(g: Geography): Feature[] {
  return g.wijken.map((w) => ({
    type: 'Feature',
    properties: {
      wijkcode: w.code,
      wijknaam: w.name,
      gemeentecode: g.gemeente.code,
      gemeentenaam: g.gemeente.name,
      aantal_inwoners: w.inhabitants,
      water: 'NEE',
      jaar: g.year,
    },
    geometry: multi(w.polygons),
  }));
}

export function buurtFeatures(g: Geography): Feature[] {
  return g.buurten.map((b) => ({
    type: 'Feature',
    properties: {
      buurtcode: b.code,
      buurtnaam: b.name,
      wijkcode: b.wijk,
      gemeentecode: g.gemeente.code,
      gemeentenaam: g.gemeente.name,
      aantal_inwoners: b.inhabitants,
      water: b.water ? 'JA' : 'NEE',
      jaar: g.year,
    },
    geometry: multi([[b.shape]]),
  }));
}

export function buildingFeatures(buildings: readonly Building[]): Feature[] {
  return buildings.map((b) => ({
    type: 'Feature',
    properties: {
      id: b.id,
      kind: b.kind,
      status: b.status,
      vacant_since: b.vacantSince,
      source: b.source,
      adres: b.address,
    },
    geometry: { type: 'Point', coordinates: toPosition(b.at) },
  }));
}

export function watchLocationFeatures(): Feature[] {
  return WATCH_LOCATIONS.map((w) => ({
    type: 'Feature',
    properties: { id: w.id, name: w.name, reason: w.reason, visits_per_week: w.visitsPerWeek },
    geometry: { type: 'Polygon', coordinates: [ringPositions(w.ring)] },
  }));
}

export function interventionFeatures(): Feature[] {
  const { id, name, start, end, theme, ring } = INTERVENTION;
  return [
    {
      type: 'Feature',
      properties: { id, name, start, end, theme },
      geometry: { type: 'Polygon', coordinates: [ringPositions(ring)] },
    },
  ];
}
