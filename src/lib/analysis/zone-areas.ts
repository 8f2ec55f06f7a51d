/**
 * The three areas of an intervention evaluation as shapes for a map: the target area, the
 * buffer ring around it (up to `bufferM` metres from its edge) and the control area (the
 * chosen wijk or the whole municipality) without target and buffer — the same order of
 * precedence as the counting (intervention-zones.ts: a record in the target is never also
 * buffer, one in the buffer never control). The buffer is drawn with Turf's geodesic
 * buffer; the counting measures in RD New, and at a few hundred metres the two differ by
 * far less than a line's width on the map.
 */
import { bbox, buffer, difference, feature, featureCollection, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AreaGeometry, Zone } from './intervention-zones';

export interface ZoneArea {
  zone: Zone;
  geometry: Polygon | MultiPolygon;
}

type Shape = Feature<Polygon | MultiPolygon>;

const asShape = (geometry: AreaGeometry): Shape =>
  feature(geometry as Polygon | MultiPolygon) as Shape;

/** One shape covering all `geometries` (e.g. the wijken when no gemeente is loaded). */
export function unionOf(geometries: readonly AreaGeometry[]): AreaGeometry | null {
  if (geometries.length === 0) return null;
  if (geometries.length === 1) return geometries[0];
  return union(featureCollection(geometries.map(asShape)))?.geometry ?? null;
}

/**
 * Target, buffer and control as map shapes, in drawing order (control first, target on
 * top). `control`: the control area before target and buffer are taken out; null: none.
 */
export function buildZoneAreas(
  target: AreaGeometry,
  bufferM: number,
  control: AreaGeometry | null,
): ZoneArea[] {
  const targetShape = asShape(target);
  // Steps per quarter circle: smooth enough for a ring of a few hundred metres.
  const outer = bufferM > 0 ? buffer(targetShape, bufferM, { units: 'meters', steps: 16 }) : null;
  const ring = outer ? difference(featureCollection([outer, targetShape])) : null;
  const rest = control
    ? difference(featureCollection([asShape(control), outer ?? targetShape]))
    : null;
  const areas: ZoneArea[] = [];
  if (rest) areas.push({ zone: 'control', geometry: rest.geometry });
  if (ring) areas.push({ zone: 'buffer', geometry: ring.geometry });
  areas.push({ zone: 'target', geometry: targetShape.geometry });
  return areas;
}

/**
 * The map's view: target and buffer with as much again around them on every side, so the
 * surrounding streets show; a chosen control wijk is included, the whole municipality not
 * (the target would shrink to a dot).
 */
export function zoneMapBounds(
  areas: readonly ZoneArea[],
  includeControl: boolean,
): [[number, number], [number, number]] {
  const near = areas.filter((a) => a.zone !== 'control');
  const [w, s, e, n] = bbox(featureCollection(near.map((a) => feature(a.geometry))));
  const [dx, dy] = [e - w, n - s];
  let box: [number, number, number, number] = [w - dx, s - dy, e + dx, n + dy];
  const control = areas.find((a) => a.zone === 'control');
  if (includeControl && control) {
    const [cw, cs, ce, cn] = bbox(feature(control.geometry));
    box = [Math.min(box[0], cw), Math.min(box[1], cs), Math.max(box[2], ce), Math.max(box[3], cn)];
  }
  return [
    [box[0], box[1]],
    [box[2], box[3]],
  ];
}
