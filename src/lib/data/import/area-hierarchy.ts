/**
 * What a boundary file leaves out, derived from the geometry: a buurt's wijk (or a wijk's
 * gemeente) by containment of a point inside it, and the gemeente outline as the
 * dissolved union of its wijken (or buurten) when no gemeente was imported.
 */
import {
  area as turfArea,
  booleanClockwise,
  feature,
  featureCollection,
  pointOnFeature,
  union,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { buildAreaIndex, pointInMultiPolygon } from '../../analysis/area-index';
import { bboxOf } from '../geojson-areas';
import { generatedAreaCode } from './area-fields';
import { buildEdgeGraph, type EdgeGraph } from './edge-graph';

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

const toMulti = (g: Polygon | MultiPolygon): MultiPolygon =>
  g.type === 'MultiPolygon' ? g : { type: 'MultiPolygon', coordinates: [g.coordinates] };

/** Whether any two rings' bounding boxes meet (islands of a municipality lie apart). */
function shellsMeet(shells: readonly Position[][]): boolean {
  const boxes = shells.map((ring) => bboxOf({ type: 'MultiPolygon', coordinates: [[ring]] }));
  return boxes.some((a, i) =>
    boxes.some((b, j) => j > i && a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]),
  );
}

/**
 * The outline traced from the edges no two areas share, for a clean partition (CBS
 * buurten share their vertices exactly). Accepted only when every vertex has one way on
 * Turf's area of the result equals the areas' total and no two shells meet; otherwise null
 * (then Turf's union decides).
 */
function outlineFromEdges(areas: readonly HierarchyArea[], graph: EdgeGraph): MultiPolygon | null {
  const next = new Int32Array(graph.points.length).fill(-1);
  for (let e = 0; e < graph.from.length; e++) {
    if (graph.uses(e) !== 1) continue;
    if (next[graph.from[e]] >= 0) return null;
    next[graph.from[e]] = graph.to[e];
  }
  const rings: Position[][] = [];
  const seen = new Uint8Array(graph.points.length);
  for (let start = 0; start < next.length; start++) {
    if (next[start] < 0 || seen[start]) continue;
    const ring: Position[] = [graph.points[start]];
    seen[start] = 1;
    for (let at = next[start]; at !== start;) {
      const onward = next[at];
      if (onward < 0 || seen[at]) return null;
      seen[at] = 1;
      ring.push(graph.points[at]);
      at = onward;
    }
    ring.push(ring[0]);
    rings.push(ring);
  }
  // A vertex on a neighbour's edge (a T-junction) leaves a ring without area: not a shape.
  const real = rings.filter((r) => turfArea({ type: 'Polygon', coordinates: [r] }) > 0.01);
  const shells = real.filter((r) => booleanClockwise(r) === false);
  const holes = real.filter((r) => booleanClockwise(r));
  // Overlapping areas would come out as shells over each other (same total area).
  if (shellsMeet(shells)) return null;
  const coordinates: Position[][][] = shells.map((shell) => [shell]);
  for (const hole of holes) {
    const owner = shells.findIndex((shell) =>
      pointInMultiPolygon(hole[0][0], hole[0][1], [[shell]]),
    );
    if (owner < 0) return null;
    coordinates[owner].push(hole);
  }
  const outline: MultiPolygon = { type: 'MultiPolygon', coordinates };
  const total = areas.reduce((sum, a) => sum + turfArea(a.geometry), 0);
  return Math.abs(turfArea(outline) - total) <= total * 1e-6 ? outline : null;
}

/**
 * The outline of all areas together (gaps between them stay holes). Turf's union of
 * every buurt of a large city takes many seconds: a clean partition is traced from its
 * unshared edges (checked with Turf's area); otherwise only the areas with an unshared
 * edge are united, and holes that the inner areas fill are dropped.
 */
export function dissolveOutline(areas: readonly HierarchyArea[]): MultiPolygon {
  if (areas.length === 1) return areas[0].geometry;
  const graph = buildEdgeGraph(areas);
  const traced = outlineFromEdges(areas, graph);
  if (traced) return traced;
  const outer = areas.map((_, i) => {
    for (let e = graph.areaStart[i]; e < graph.areaStart[i + 1]; e++) {
      if (graph.uses(e) === 1) return true;
    }
    return false;
  });
  // Areas that cover each other exactly (the same polygon twice) share every edge: then
  // all of them are united (Turf's union needs two geometries; one is its own outline).
  const anyOuter = outer.some(Boolean);
  const edge = anyOuter ? areas.filter((_, i) => outer[i]) : areas;
  const inner = anyOuter ? areas.filter((_, i) => !outer[i]) : [];
  const merged =
    edge.length === 1
      ? feature(edge[0].geometry)
      : (union(featureCollection(edge.map((a) => feature(a.geometry)))) as Feature<
          Polygon | MultiPolygon
        > | null);
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
