/**
 * What a boundary file leaves out, derived from the geometry: a buurt's wijk (or a wijk's
 * gemeente) by containment of a point inside it, and the gemeente outline as the
 * dissolved union of its wijken (or buurten) when no gemeente was imported.
 */
import { feature, featureCollection, pointOnFeature, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { buildAreaIndex } from '../../analysis/area-index';
import { generatedAreaCode } from './area-fields';

export interface HierarchyArea {
  code: string;
  parent: string | null;
  geometry: MultiPolygon;
}

/** A point inside the largest part (Turf's point-on-surface), robust for concave shapes. */
function innerPoint(multi: MultiPolygon): [number, number] {
  const largest = multi.coordinates.reduce((best, p) =>
    (p[0]?.length ?? 0) > (best[0]?.length ?? 0) ? p : best,
  );
  const [x, y] = pointOnFeature({ type: 'Polygon', coordinates: largest }).geometry.coordinates;
  return [x, y];
}

/**
 * New parent codes for children whose parent is missing or not among the parents: the
 * parent containing a point inside the child. Returns code → parent for changed children.
 */
export function deriveParents(
  children: readonly HierarchyArea[],
  parents: readonly HierarchyArea[],
): Map<string, string | null> {
  const changes = new Map<string, string | null>();
  if (parents.length === 0) return changes;
  const known = new Set(parents.map((p) => p.code));
  const todo = children.filter((c) => c.parent === null || !known.has(c.parent));
  if (todo.length === 0) return changes;
  const index = buildAreaIndex(parents.map((p) => p.geometry.coordinates));
  for (const child of todo) {
    const [x, y] = innerPoint(child.geometry);
    const at = index.locate(x, y);
    const parent = at < 0 ? null : parents[at].code;
    if (parent !== child.parent) changes.set(child.code, parent);
  }
  return changes;
}

/** The outline of all areas together (holes between them stay holes). */
export function dissolveOutline(areas: readonly HierarchyArea[]): MultiPolygon {
  const features = areas.map((a) => feature(a.geometry));
  const merged =
    features.length === 1
      ? features[0]
      : (union(featureCollection(features)) as Feature<Polygon | MultiPolygon> | null);
  const g = merged?.geometry;
  if (!g) return { type: 'MultiPolygon', coordinates: [] };
  return g.type === 'MultiPolygon' ? g : { type: 'MultiPolygon', coordinates: [g.coordinates] };
}

/**
 * The gemeente code for a derived outline: the one the features name, else the four
 * digits CBS puts in every wijk and buurt code (`WK022601` → `GM0226`), else a stable
 * generated code.
 */
export function deriveGemeenteCode(named: string | null, areaCodes: readonly string[]): string {
  if (named) return named;
  const digits = areaCodes.map((c) => /^(?:WK|BU)(\d{4})/.exec(c)?.[1]).find(Boolean);
  return digits ? `GM${digits}` : generatedAreaCode('gemeente', 'gemeente', 0);
}
