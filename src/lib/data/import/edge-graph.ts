/**
 * The edges of a set of areas as numbers, for dissolving a partition (area-hierarchy.ts):
 * every exact vertex position gets a number, every ring edge becomes a directed edge
 * between two numbers (outer rings counter-clockwise, holes clockwise, RFC 7946), and
 * `uses` says how many areas share an edge. A large city's buurten have ~500,000 edges:
 * an open-addressing table over the coordinates' bits and per-vertex edge lists keep this
 * to typed arrays, where string keys or nested Maps cost most of the boundary import.
 */
import { booleanClockwise } from '@turf/turf';
import type { MultiPolygon, Position } from 'geojson';

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** A hash of a position's exact coordinates (-0 read as 0, as Map keys do). */
function hashPosition(x: number, y: number): number {
  bits[0] = x + 0;
  let h = Math.imul(words[0] ^ 0x9e3779b9, 0x85ebca6b) ^ words[1];
  bits[0] = y + 0;
  h = Math.imul(h ^ words[0], 0xc2b2ae35) ^ Math.imul(words[1], 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Numbers for exact vertex positions, in order of first appearance. */
class VertexNumbers {
  readonly points: Position[] = [];
  #slots = new Int32Array(1 << 12).fill(-1);

  number(p: Position): number {
    const mask = this.#slots.length - 1;
    for (let s = hashPosition(p[0], p[1]) & mask; ; s = (s + 1) & mask) {
      const id = this.#slots[s];
      if (id < 0) break;
      const q = this.points[id];
      if (q[0] === p[0] && q[1] === p[1]) return id;
    }
    const id = this.points.length;
    this.points.push(p);
    if (this.points.length * 2 > this.#slots.length) this.#grow();
    else this.#place(id);
    return id;
  }

  #place(id: number): void {
    const mask = this.#slots.length - 1;
    const [x, y] = this.points[id];
    let s = hashPosition(x, y) & mask;
    while (this.#slots[s] >= 0) s = (s + 1) & mask;
    this.#slots[s] = id;
  }

  #grow(): void {
    this.#slots = new Int32Array(this.#slots.length * 2).fill(-1);
    for (let id = 0; id < this.points.length; id++) this.#place(id);
  }
}

export interface EdgeGraph {
  /** The position of each vertex number. */
  points: Position[];
  /** Directed edges: from[e] → to[e]. */
  from: Int32Array;
  to: Int32Array;
  /** Area i owns the edges areaStart[i] … areaStart[i + 1] − 1. */
  areaStart: Int32Array;
  /** How many edges, in either direction, join the same two vertices as edge e. */
  uses(e: number): number;
}

/** Builds the numbered edges of `areas` (each a MultiPolygon). */
export function buildEdgeGraph(areas: readonly { geometry: MultiPolygon }[]): EdgeGraph {
  const vertices = new VertexNumbers();
  const from: number[] = [];
  const to: number[] = [];
  const areaStart = new Int32Array(areas.length + 1);
  areas.forEach((area, i) => {
    areaStart[i] = from.length;
    for (const polygon of area.geometry.coordinates) {
      polygon.forEach((ring, r) => {
        if (ring.length < 2) return;
        const reverse = booleanClockwise(ring as Position[]) === (r === 0);
        const at = (k: number) => vertices.number(ring[reverse ? ring.length - 1 - k : k]);
        let previous = at(0);
        for (let k = 1; k < ring.length; k++) {
          const next = at(k);
          from.push(previous);
          to.push(next);
          previous = next;
        }
      });
    }
  });
  areaStart[areas.length] = from.length;

  // Per vertex, the edges leaving it (counting sort into one array).
  const n = vertices.points.length;
  const start = new Int32Array(n + 1);
  for (const f of from) start[f + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const targets = new Int32Array(from.length);
  const filled = start.slice(0, n);
  for (let e = 0; e < from.length; e++) targets[filled[from[e]]++] = to[e];
  const count = (a: number, b: number) => {
    let k = 0;
    for (let j = start[a]; j < start[a + 1]; j++) if (targets[j] === b) k++;
    return k;
  };
  const fromArray = Int32Array.from(from);
  const toArray = Int32Array.from(to);
  return {
    points: vertices.points,
    from: fromArray,
    to: toArray,
    areaStart,
    uses: (e) => count(fromArray[e], toArray[e]) + count(toArray[e], fromArray[e]),
  };
}
