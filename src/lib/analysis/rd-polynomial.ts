/**
 * A local cubic polynomial lon/lat → RD New metres, least-squares fitted to proj4 over one
 * municipality: DuckDB has no projection functions offline, and a cubic evaluated in SQL
 * is exact to micrometres at municipal scale (a plane is off by ~10 m, a quadratic by
 * ~3 mm); the error grows with the fourth power of the extent (`maxErrorM` says how much).
 */
import { wgs84ToRd } from './rd';

/** A lon/lat box (WGS84 degrees), e.g. the municipality's bounds (buildAreaBoundsQuery). */
export interface LonLatExtent {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/**
 * RD x/y ≈ Σ c_k · u^i · v^j (i + j ≤ 3) with u = (lon − lon0)/halfLon and
 * v = (lat − lat0)/halfLat in [−1, 1] over the fitted extent. Terms in the order
 * 1, u, v, u², uv, v², u³, u²v, uv², v³.
 */
export interface RdPolynomial {
  lon0: number;
  lat0: number;
  halfLon: number;
  halfLat: number;
  cx: readonly number[];
  cy: readonly number[];
  /** Largest distance (metres) to proj4 on a 101 × 101 check grid over the extent. */
  maxErrorM: number;
}

const TERMS = 10;

function monomials(u: number, v: number): number[] {
  return [1, u, v, u * u, u * v, v * v, u * u * u, u * u * v, u * v * v, v * v * v];
}

/** Solves the symmetric positive definite system a·x = b (Gaussian elimination, pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

function evaluate(p: RdPolynomial, lon: number, lat: number): [number, number] {
  const t = monomials((lon - p.lon0) / p.halfLon, (lat - p.lat0) / p.halfLat);
  let x = 0;
  let y = 0;
  for (let k = 0; k < TERMS; k++) {
    x += p.cx[k] * t[k];
    y += p.cy[k] * t[k];
  }
  return [x, y];
}

/** The cubic lon/lat → RD polynomial for an extent (padded by 5 % so edge records are in
 * the fitted range), least squares on a 25 × 25 grid of proj4 points, error measured. */
export function fitRdPolynomial(extent: LonLatExtent): RdPolynomial {
  const values = [extent.minLon, extent.minLat, extent.maxLon, extent.maxLat];
  if (!values.every(Number.isFinite) || extent.maxLon < extent.minLon) {
    throw new RangeError(`not a lon/lat extent: ${JSON.stringify(extent)}`);
  }
  if (extent.maxLat < extent.minLat) throw new RangeError('maxLat below minLat');
  // A degenerate (single point) extent still gets a usable neighbourhood of ~100 m.
  const halfLon = Math.max(((extent.maxLon - extent.minLon) / 2) * 1.05, 1e-3);
  const halfLat = Math.max(((extent.maxLat - extent.minLat) / 2) * 1.05, 1e-3);
  const lon0 = (extent.minLon + extent.maxLon) / 2;
  const lat0 = (extent.minLat + extent.maxLat) / 2;
  const ata = Array.from({ length: TERMS }, () => new Array<number>(TERMS).fill(0));
  const atx = new Array<number>(TERMS).fill(0);
  const aty = new Array<number>(TERMS).fill(0);
  const steps = 24;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      const u = -1 + (2 * i) / steps;
      const v = -1 + (2 * j) / steps;
      const [x, y] = wgs84ToRd(lon0 + u * halfLon, lat0 + v * halfLat);
      const t = monomials(u, v);
      for (let a = 0; a < TERMS; a++) {
        atx[a] += t[a] * x;
        aty[a] += t[a] * y;
        for (let b = 0; b < TERMS; b++) ata[a][b] += t[a] * t[b];
      }
    }
  }
  const fit: RdPolynomial = {
    lon0,
    lat0,
    halfLon,
    halfLat,
    cx: solve(ata, atx),
    cy: solve(ata, aty),
    maxErrorM: 0,
  };
  let maxErrorM = 0;
  for (let i = 0; i <= 100; i++) {
    for (let j = 0; j <= 100; j++) {
      const lon = lon0 + (-1 + i / 50) * halfLon;
      const lat = lat0 + (-1 + j / 50) * halfLat;
      const [x, y] = wgs84ToRd(lon, lat);
      const [ax, ay] = evaluate(fit, lon, lat);
      maxErrorM = Math.max(maxErrorM, Math.hypot(ax - x, ay - y));
    }
  }
  return { ...fit, maxErrorM };
}

/** The polynomial in TypeScript, as the SQL computes it (for checks and tests). */
export function approximateRd(p: RdPolynomial, lon: number, lat: number): [number, number] {
  return evaluate(p, lon, lat);
}
