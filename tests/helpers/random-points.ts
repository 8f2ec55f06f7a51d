/**
 * Spatially random records in Donderdeel's outline (data/gemeente.geojson), binned to hexagon
 * cells: the null model of the hot spot simulations (complete spatial randomness inside the
 * municipality, by rejection sampling in RD metres). Speed-up without approximation: a point
 * in a cell whose centre lies inside and farther than one circumradius from the boundary is
 * inside (the cell lies within that circle); only the others get the exact polygon test.
 */
import { readFileSync } from 'node:fs';
import type { MultiPolygonCoords } from '../../src/lib/analysis/area-index';
import { pointInMultiPolygon } from '../../src/lib/analysis/area-index';
import { cellCentre, cellOf } from '../../src/lib/analysis/hex-grid';
import type { CellCount } from '../../src/lib/analysis/hotspot-study';
import type { Random } from '../../src/lib/analysis/random';
import { rdToWgs84, wgs84ToRd } from '../../src/lib/analysis/rd';

export function readDonderdeel(): MultiPolygonCoords {
  const file = new URL('../../data/gemeente.geojson', import.meta.url);
  const geometry = JSON.parse(readFileSync(file, 'utf8')).features[0].geometry;
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** A sampler of `count` uniform records inside `area`, as counts per hexagon cell. */
export function createRandomCells(area: MultiPolygonCoords, size: number) {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of area) {
    for (const [lon, lat] of polygon[0]) {
      const [x, y] = wgs84ToRd(lon, lat);
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  const segments: number[] = [];
  for (const polygon of area) {
    for (const ring of polygon) {
      const pts = ring.map(([lon, lat]) => wgs84ToRd(lon, lat));
      for (let i = 1; i < pts.length; i++) segments.push(...pts[i - 1], ...pts[i]);
    }
  }
  const clearance = (px: number, py: number) => {
    let best = Infinity;
    for (let s = 0; s < segments.length; s += 4) {
      const [ax, ay, bx, by] = segments.slice(s, s + 4);
      const t = Math.max(
        0,
        Math.min(
          1,
          ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
        ),
      );
      best = Math.min(best, Math.hypot(px - ax - t * (bx - ax), py - ay - t * (by - ay)));
    }
    return best;
  };
  const surely = new Map<string, boolean>();
  const inside = (x: number, y: number, q: number, r: number) => {
    const key = `${q},${r}`;
    let sure = surely.get(key);
    if (sure === undefined) {
      const [cx, cy] = cellCentre(q, r, size);
      sure = pointInMultiPolygon(...rdToWgs84(cx, cy), area) && clearance(cx, cy) > size * 1.01;
      surely.set(key, sure);
    }
    return sure || pointInMultiPolygon(...rdToWgs84(x, y), area);
  };
  return (count: number, rng: Random): CellCount[] => {
    const cells = new Map<string, CellCount>();
    for (let placed = 0; placed < count;) {
      const x = rng.uniform(x0, x1);
      const y = rng.uniform(y0, y1);
      const { q, r } = cellOf(x, y, size);
      if (!inside(x, y, q, r)) continue;
      placed++;
      const cell = cells.get(`${q},${r}`);
      if (cell) cell.n++;
      else cells.set(`${q},${r}`, { q, r, n: 1 });
    }
    return [...cells.values()];
  };
}
