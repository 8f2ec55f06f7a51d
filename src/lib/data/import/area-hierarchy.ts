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

/**
 * Numbers for exact vertex positions and for the undirected edges between them: a shared
 * edge of two buurten gets one number. Numbers, not strings: a large city has ~500,000
 * edges, and building a string key for each cost most of the dissolve.
 */
class EdgeNumbers {
  readonly #ids = new Map<number, Map<number, number>>();
  readonly points: Position[] = [];

  vertex(p: Position): number {
    let column = this.#ids.get(p[0]);
    if (!column) this.#ids.set(p[0], (column = new Map()));
    let id = column.get(p[1]);
    if (id === undefined) {
      id = this.points.length;
      column.set(p[1], id);
      this.points.push(p);
    }
    return id;
  }

  /** The undirected edge a–b (vertex numbers below 2^26: far more than any city has). */
  static edge(a: number, b: number): number {
    return a < b ? a * 67_108_864 + b : b * 67_108_864 + a;
  }
}

/**
 * Every edge of an area as vertex numbers, outer rings counter-clockwise and holes
 * clockwise (RFC 7946 winding), so that a partition's unshared edges chain one way.
 */
function eachEdge(
  a: HierarchyArea,
  numbers: EdgeNumbers,
  visit: (from: number, to: number) => void,
): void {
  for (const polygon of a.geometry.coordinates) {
    polygon.forEach((ring, r) => {
      if (ring.length < 2) return;
      const reverse = booleanClockwise(ring as Position[]) === (r === 0);
      let previous = numbers.vertex(ring[reverse ? ring.length - 1 : 0]);
      for (let i = 1; i < ring.length; i++) {
        const at = numbers.vertex(ring[reverse ? ring.length - 1 - i : i]);
        visit(previous, at);
        previous = at;
      }
    });
  }
}

/** How many areas use each edge (undirected, exact coordinates). */
function edgeUses(areas: readonly HierarchyArea[], numbers: EdgeNumbers): Map<number, number> {
  const uses = new Map<number, number>();
  for (const a of areas) {
    eachEdge(a, numbers, (p, q) => {
      const key = EdgeNumbers.edge(p, q);
      uses.set(key, (uses.get(key) ?? 0) + 1);
    });
  }
  return uses;
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
function outlineFromEdges(
  areas: readonly HierarchyArea[],
  numbers: EdgeNumbers,
  uses: Map<number, number>,
): MultiPolygon | null {
  const next = new Map<number, number>();
  for (const a of areas) {
    let clash = false;
    eachEdge(a, numbers, (p, q) => {
      if (uses.get(EdgeNumbers.edge(p, q)) !== 1) return;
      if (next.has(p)) clash = true;
      next.set(p, q);
    });
    if (clash) return null;
  }
  const rings: Position[][] = [];
  const seen = new Set<number>();
  for (const [start, first] of next) {
    if (seen.has(start)) continue;
    const ring: Position[] = [numbers.points[start]];
    seen.add(start);
    for (let at = first; at !== start;) {
      const onward = next.get(at);
      if (onward === undefined || seen.has(at)) return null;
      seen.add(at);
      ring.push(numbers.points[at]);
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
  const numbers = new EdgeNumbers();
  const uses = edgeUses(areas, numbers);
  const traced = outlineFromEdges(areas, numbers, uses);
  if (traced) return traced;
  const outer = areas.map((a) => {
    let onEdge = false;
    eachEdge(a, numbers, (p, q) => {
      if (uses.get(EdgeNumbers.edge(p, q)) === 1) onEdge = true;
    });
    return onEdge;
  });
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
