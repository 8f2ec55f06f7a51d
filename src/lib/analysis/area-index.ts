/**
 * Point-in-polygon lookup for assigning records to buurten: a uniform grid over the areas'
 * bounding box lists, per cell, the polygons whose bounding box touches it; candidates are
 * then tested exactly with the even-odd ray-casting rule over all rings, so holes
 * (an enclave, a lake) are excluded. Coordinates are lon/lat; at municipal scale the
 * planar test is exact enough (edges are short straight segments either way).
 */
import { crossingParity, segmentTouchesBox } from './segment-geometry';

export type Ring = readonly (readonly number[])[];
export type PolygonCoords = readonly Ring[];
export type MultiPolygonCoords = readonly PolygonCoords[];

export interface AreaIndex {
  /** Index of the area containing the point, or -1. First match wins on shared edges. */
  locate(lon: number, lat: number): number;
  readonly size: number;
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function boxOf(multi: MultiPolygonCoords): Box {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const polygon of multi) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x < box.minX) box.minX = x;
      if (x > box.maxX) box.maxX = x;
      if (y < box.minY) box.minY = y;
      if (y > box.maxY) box.maxY = y;
    }
  }
  return box;
}

/** Even-odd rule over every ring of every polygon: holes toggle the answer back. */
export function pointInMultiPolygon(x: number, y: number, multi: MultiPolygonCoords): boolean {
  let inside = false;
  for (const polygon of multi) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const xi = ring[i][0];
        const yi = ring[i][1];
        const xj = ring[j][0];
        const yj = ring[j][1];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

export function buildAreaIndex(areas: readonly MultiPolygonCoords[], gridSize = 128): AreaIndex {
  // No areas (e.g. only a gemeente imported): every point lies outside; the grid below
  // would span an infinite box.
  if (areas.length === 0) return { size: 0, locate: () => -1 };
  const boxes = areas.map(boxOf);
  const all = boxes.reduce(
    (acc, b) => ({
      minX: Math.min(acc.minX, b.minX),
      minY: Math.min(acc.minY, b.minY),
      maxX: Math.max(acc.maxX, b.maxX),
      maxY: Math.max(acc.maxY, b.maxY),
    }),
    { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity },
  );
  const cellW = (all.maxX - all.minX) / gridSize || 1;
  const cellH = (all.maxY - all.minY) / gridSize || 1;
  const cells: number[][] = Array.from({ length: gridSize * gridSize }, () => []);
  const clampCell = (v: number) => Math.min(gridSize - 1, Math.max(0, Math.floor(v)));
  boxes.forEach((b, index) => {
    const x0 = clampCell((b.minX - all.minX) / cellW);
    const x1 = clampCell((b.maxX - all.minX) / cellW);
    const y0 = clampCell((b.minY - all.minY) / cellH);
    const y1 = clampCell((b.maxY - all.minY) / cellH);
    for (let cy = y0; cy <= y1; cy++) {
      for (let cx = x0; cx <= x1; cx++) cells[cy * gridSize + cx].push(index);
    }
  });

  const cellEdges = new Map<number, Map<number, number[]>>();
  const resolved = resolveCleanCells(areas, all, cellW, cellH, gridSize, cellEdges, (lon, lat) =>
    locateIn(
      cells[clampCell((lat - all.minY) / cellH) * gridSize + clampCell((lon - all.minX) / cellW)],
      lon,
      lat,
    ),
  );
  const mixed = buildMixedCells(areas, cells, cellEdges, all, cellW, cellH, gridSize);

  function locateIn(cell: readonly number[], lon: number, lat: number): number {
    for (const index of cell) {
      const b = boxes[index];
      if (lon < b.minX || lon > b.maxX || lat < b.minY || lat > b.maxY) continue;
      if (pointInMultiPolygon(lon, lat, areas[index])) return index;
    }
    return -1;
  }

  return {
    size: areas.length,
    locate(lon, lat) {
      if (!(lon >= all.minX && lon <= all.maxX && lat >= all.minY && lat <= all.maxY)) return -1;
      const c =
        clampCell((lat - all.minY) / cellH) * gridSize + clampCell((lon - all.minX) / cellW);
      const known = resolved[c];
      return known === MIXED ? locateMixed(mixed.get(c)!, lon, lat) : known;
    },
  };

  /**
   * In a cell that edges cross: per candidate area, whether the cell's reference point is
   * inside, flipped by each of the area's edges in this cell that the segment from the
   * reference point to the point crosses — a handful of edges instead of all of them.
   * Touching cases (a point on an edge or in line with one) take the full test.
   */
  function locateMixed(cell: MixedCell, lon: number, lat: number): number {
    for (let k = 0; k < cell.candidates.length; k++) {
      const index = cell.candidates[k];
      const b = boxes[index];
      if (lon < b.minX || lon > b.maxX || lat < b.minY || lat > b.maxY) continue;
      const edges = cell.edges[k];
      let inside = cell.inside[k] === 1;
      if (edges) {
        const flips = crossingParity(cell.refX, cell.refY, lon, lat, edges);
        if (flips < 0) {
          if (pointInMultiPolygon(lon, lat, areas[index])) return index;
          continue;
        }
        if (flips === 1) inside = !inside;
      }
      if (inside) return index;
    }
    return -1;
  }
}

interface MixedCell {
  refX: number;
  refY: number;
  candidates: Int32Array;
  /** 1 where the reference point lies in the candidate. */
  inside: Uint8Array;
  /** The candidate's edges in this cell as [x1, y1, x2, y2, …], or null for none. */
  edges: (Float64Array | null)[];
}

function buildMixedCells(
  areas: readonly MultiPolygonCoords[],
  cells: readonly number[][],
  cellEdges: Map<number, Map<number, number[]>>,
  all: Box,
  cellW: number,
  cellH: number,
  gridSize: number,
): Map<number, MixedCell> {
  const mixed = new Map<number, MixedCell>();
  for (const [c, byArea] of cellEdges) {
    // Off-centre, so that a grid-aligned edge never passes through it.
    const refX = all.minX + ((c % gridSize) + 0.5137) * cellW;
    const refY = all.minY + (Math.floor(c / gridSize) + 0.4871) * cellH;
    const candidates = Int32Array.from(cells[c]);
    mixed.set(c, {
      refX,
      refY,
      candidates,
      inside: Uint8Array.from(candidates, (i) =>
        pointInMultiPolygon(refX, refY, areas[i]) ? 1 : 0,
      ),
      edges: Array.from(candidates, (i) => {
        const list = byArea.get(i);
        return list ? Float64Array.from(list) : null;
      }),
    });
  }
  return mixed;
}

/** A cell that some polygon edge crosses: its points are tested against its edges. */
const MIXED = -2;

/**
 * The answer for every cell that no polygon edge touches: inside such a cell each polygon
 * either contains every point or none, so the answer at the cell's centre holds for all of
 * its points (cells are widened by a hair so rounding at their borders cannot matter).
 * Most cells of a municipality lie wholly inside one buurt; their points skip the test.
 */
function resolveCleanCells(
  areas: readonly MultiPolygonCoords[],
  all: Box,
  cellW: number,
  cellH: number,
  gridSize: number,
  cellEdges: Map<number, Map<number, number[]>>,
  locateAt: (lon: number, lat: number) => number,
): Int32Array {
  const resolved = new Int32Array(gridSize * gridSize);
  const padX = cellW * 1e-6;
  const padY = cellH * 1e-6;
  const cellOf = (v: number, origin: number, size: number) =>
    Math.min(gridSize - 1, Math.max(0, Math.floor((v - origin) / size)));
  areas.forEach((multi, area) => {
    for (const polygon of multi) {
      for (const ring of polygon) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [x1, y1] = ring[j];
          const [x2, y2] = ring[i];
          const cx0 = cellOf(Math.min(x1, x2) - padX, all.minX, cellW);
          const cx1 = cellOf(Math.max(x1, x2) + padX, all.minX, cellW);
          const cy0 = cellOf(Math.min(y1, y2) - padY, all.minY, cellH);
          const cy1 = cellOf(Math.max(y1, y2) + padY, all.minY, cellH);
          for (let cy = cy0; cy <= cy1; cy++) {
            for (let cx = cx0; cx <= cx1; cx++) {
              const minX = all.minX + cx * cellW - padX;
              const minY = all.minY + cy * cellH - padY;
              if (
                segmentTouchesBox(
                  x1,
                  y1,
                  x2,
                  y2,
                  minX,
                  minY,
                  minX + cellW + 2 * padX,
                  minY + cellH + 2 * padY,
                )
              ) {
                const c = cy * gridSize + cx;
                resolved[c] = MIXED;
                let byArea = cellEdges.get(c);
                if (!byArea) cellEdges.set(c, (byArea = new Map()));
                let list = byArea.get(area);
                if (!list) byArea.set(area, (list = []));
                list.push(x1, y1, x2, y2);
              }
            }
          }
        }
      }
    }
  });
  for (let cy = 0; cy < gridSize; cy++) {
    for (let cx = 0; cx < gridSize; cx++) {
      const c = cy * gridSize + cx;
      if (resolved[c] === MIXED) continue;
      resolved[c] = locateAt(all.minX + (cx + 0.5) * cellW, all.minY + (cy + 0.5) * cellH);
    }
  }
  return resolved;
}
