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

const edgeKey = (a: readonly number[], b: readonly number[]) =>
  a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])
    ? `${a[0]},${a[1]},${b[0]},${b[1]}`
    : `${b[0]},${b[1]},${a[0]},${a[1]}`;

/**
 * The areas on the edge of the whole: those with an edge no other area shares exactly.
 * An area all of whose edges are shared lies inside the others' outline.
 */
function outerAreas(areas: readonly HierarchyArea[]): boolean[] {
  const uses = new Map<string, number>();
  const each = (a: HierarchyArea, visit: (key: string) => void) => {
    for (const polygon of a.geometry.coordinates) {
      for (const ring of polygon) {
        for (let i = 1; i < ring.length; i++) visit(edgeKey(ring[i - 1], ring[i]));
      }
    }
  };
  for (const a of areas) each(a, (key) => uses.set(key, (uses.get(key) ?? 0) + 1));
  return areas.map((a) => {
    let outer = false;
    each(a, (key) => {
      if (uses.get(key) === 1) outer = true;
    });
    return outer;
  });
}

const toMulti = (g: Polygon | MultiPolygon): MultiPolygon =>
  g.type === 'MultiPolygon' ? g : { type: 'MultiPolygon', coordinates: [g.coordinates] };

/**
 * The outline of all areas together (gaps between them stay holes). Turf's union of
 * every buurt of a large city takes seconds, so only the areas on the edge are united;
 * a hole of that union is dropped where inner areas fill it.
 */
export function dissolveOutline(areas: readonly HierarchyArea[]): MultiPolygon {
  if (areas.length === 1) return areas[0].geometry;
  const outer = outerAreas(areas);
  const edge = areas.filter((_, i) => outer[i]);
  const inner = areas.filter((_, i) => !outer[i]);
  const merged = union(featureCollection(edge.map((a) => feature(a.geometry)))) as Feature<
    Polygon | MultiPolygon
  > | null;
  if (!merged) return { type: 'MultiPolygon', coordinates: [] };
  const multi = toMulti(merged.geometry);
  if (inner.length === 0) return multi;
  const index = buildAreaIndex(inner.map((a) => a.geometry.coordinates));
  return {
    type: 'MultiPolygon',
    coordinates: multi.coordinates.map(([shell, ...holes]) => [
      shell,
      ...holes.filter((hole) => {
        const [x, y] = innerPoint({ type: 'MultiPolygon', coordinates: [[hole]] });
        return index.locate(x, y) < 0;
      }),
    ]),
  };
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
