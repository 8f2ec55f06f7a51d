/**
 * Point-in-polygon lookup for assigning records to buurten: a uniform grid over the areas'
 * bounding box lists, per cell, the polygons whose bounding box touches it; candidates are
 * then tested exactly with the even-odd ray-casting rule over all rings, so holes
 * (an enclave, a lake) are excluded. Coordinates are lon/lat; at municipal scale the
 * planar test is exact enough (edges are short straight segments either way).
 */
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

  return {
    size: areas.length,
    locate(lon, lat) {
      if (!(lon >= all.minX && lon <= all.maxX && lat >= all.minY && lat <= all.maxY)) return -1;
      const cell =
        cells[clampCell((lat - all.minY) / cellH) * gridSize + clampCell((lon - all.minX) / cellW)];
      for (const index of cell) {
        const b = boxes[index];
        if (lon < b.minX || lon > b.maxX || lat < b.minY || lat > b.maxY) continue;
        if (pointInMultiPolygon(lon, lat, areas[index])) return index;
      }
      return -1;
    },
  };
}
