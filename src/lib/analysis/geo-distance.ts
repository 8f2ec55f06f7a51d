/**
 * Distances at municipal scale: an equirectangular projection around the point is exact to
 * well under a metre over a few kilometres, plenty for "is this within 250 m of the
 * municipality" and for radius searches.
 */
import type { MultiPolygonCoords } from './area-index';

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Metres per degree of longitude and latitude at the given latitude. */
export function metresPerDegree(lat: number): [number, number] {
  const perDegLat = EARTH_RADIUS_M * RAD;
  return [perDegLat * Math.cos(lat * RAD), perDegLat];
}

export function distanceMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const [mx, my] = metresPerDegree((lat1 + lat2) / 2);
  return Math.hypot((lon2 - lon1) * mx, (lat2 - lat1) * my);
}

/** Shortest distance from a point to the edges of a multipolygon, in metres. */
export function distanceToBoundaryMetres(
  lon: number,
  lat: number,
  multi: MultiPolygonCoords,
): number {
  const [mx, my] = metresPerDegree(lat);
  let best = Infinity;
  for (const polygon of multi) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const ax = (ring[i - 1][0] - lon) * mx;
        const ay = (ring[i - 1][1] - lat) * my;
        const bx = (ring[i][0] - lon) * mx;
        const by = (ring[i][1] - lat) * my;
        const dx = bx - ax;
        const dy = by - ay;
        const length2 = dx * dx + dy * dy;
        const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
        const d = Math.hypot(ax + t * dx, ay + t * dy);
        if (d < best) best = d;
      }
    }
  }
  return best;
}
