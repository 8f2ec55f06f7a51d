/**
 * A hexagon grid in metres for hot spot analysis and the hexagon density layer.
 *
 * Geometry: **pointy-top** hexagons (a vertex points north) in axial coordinates (q, r),
 * following Red Blob Games, "Hexagonal Grids" (Amit Patel). `size` is the circumradius:
 * centre to vertex = edge length, in metres. Flat-to-flat width is √3·size, the area
 * (3√3/2)·size². Cell (0, 0) is centred on the RD origin, so the grid is the same for every
 * dataset and a cell id stays stable between sessions.
 *
 * Projection: RD New (EPSG:28992) metres via rd.ts, the national grid every Dutch source
 * already uses. RD is a conformal double stereographic projection with scale factor
 * 0.9999079 at Amersfoort, growing to about 1.00015 at the far corners of the country, so
 * distances and cell sizes are off by less than 0.02 % (under 2 cm on a 100 m hexagon) —
 * far below the accuracy of the recorded locations. An equirectangular projection around the
 * study area would be as good locally but would make the grid depend on the chosen centre.
 *
 * Binning happens twice, identically: `cellOf` in TypeScript and `buildHexBinSql` in DuckDB
 * SQL. Both use the same double constants, the same operation order and floor(v + 0.5) for
 * rounding (DuckDB's round() rounds half away from zero, JavaScript's Math.round half up),
 * so they agree bit for bit, also for points exactly on a cell edge.
 */
import { rdToWgs84 } from './rd';

const SQRT3 = Math.sqrt(3);

/** Axial offsets of the six neighbours, in counter-clockwise order (adjacent in the list
 * means adjacent on the map). */
export const HEX_DIRECTIONS: readonly (readonly [number, number])[] = [
  [1, 0],
  [1, -1],
  [0, -1],
  [-1, 0],
  [-1, 1],
  [0, 1],
];

export interface HexCell {
  q: number;
  r: number;
}

interface BinConstants {
  /** √3/3 / size: x → fractional q. */
  qx: number;
  /** 1/3 / size: y → fractional q (subtracted). */
  qy: number;
  /** 2/3 / size: y → fractional r. */
  ry: number;
}

function binConstants(size: number): BinConstants {
  if (!Number.isFinite(size) || size <= 0) {
    throw new RangeError(`hexagon size must be a positive number of metres, got ${size}`);
  }
  return { qx: SQRT3 / 3 / size, qy: 1 / 3 / size, ry: 2 / 3 / size };
}

/** The cell containing RD point (x, y) for hexagons of circumradius `size` metres. */
export function cellOf(x: number, y: number, size: number): HexCell {
  const k = binConstants(size);
  const qf = x * k.qx - y * k.qy;
  const rf = y * k.ry;
  const sf = -qf - rf;
  let q = Math.floor(qf + 0.5);
  let r = Math.floor(rf + 0.5);
  const s = Math.floor(sf + 0.5);
  const dq = Math.abs(q - qf);
  const dr = Math.abs(r - rf);
  const ds = Math.abs(s - sf);
  // Cube rounding: the coordinate that rounded furthest is recomputed from the other two.
  if (dq > dr && dq > ds) q = -r - s;
  else if (dr > ds) r = -q - s;
  // `| 0` also turns -0 into 0, as the SQL cast to INTEGER does.
  return { q: q | 0, r: r | 0 };
}

/** RD x/y (metres) of the centre of cell (q, r). */
export function cellCentre(q: number, r: number, size: number): [number, number] {
  return [size * SQRT3 * (q + r / 2), size * 1.5 * r];
}

/** The six vertices of cell (q, r) in RD metres, counter-clockwise from the east-north-east
 * one, ring closed (first vertex repeated). */
export function cellPolygonRd(q: number, r: number, size: number): [number, number][] {
  const [cx, cy] = cellCentre(q, r, size);
  const ring: [number, number][] = [];
  for (let i = 0; i <= 6; i++) {
    const angle = (Math.PI / 180) * (30 + 60 * (i % 6));
    ring.push([cx + size * Math.cos(angle), cy + size * Math.sin(angle)]);
  }
  return ring;
}

/** The cell outline in [lon, lat] (WGS84) for the map: a closed, counter-clockwise ring, as
 * GeoJSON (RFC 7946) expects for an exterior ring. */
export function cellPolygon(q: number, r: number, size: number): [number, number][] {
  return cellPolygonRd(q, r, size).map(([x, y]) => rdToWgs84(x, y));
}

/** Number of steps between two cells (0 for the same cell, 1 for a neighbour). */
export function hexDistance(q1: number, r1: number, q2: number, r2: number): number {
  const dq = q1 - q2;
  const dr = r1 - r2;
  return (Math.abs(dq) + Math.abs(dr) + Math.abs(dq + dr)) / 2;
}

/** Axial offsets of all cells within k rings, the cell itself (0, 0) first: 1 + 3k(k+1). */
export function ringOffsets(k: number): [number, number][] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`rings must be an integer ≥ 0: ${k}`);
  const offsets: [number, number][] = [[0, 0]];
  for (let dq = -k; dq <= k; dq++) {
    for (let dr = Math.max(-k, -dq - k); dr <= Math.min(k, -dq + k); dr++) {
      if (dq !== 0 || dr !== 0) offsets.push([dq, dr]);
    }
  }
  return offsets;
}

/**
 * Axial offsets of all cells whose centre lies within `distance` metres of the centre of
 * the cell itself (included, first). Centre distance for offset (dq, dr) is
 * size·√3·√(dq² + dq·dr + dr²); a relative tolerance of 1e-9 keeps a band of exactly one
 * neighbour spacing from losing neighbours to rounding.
 */
export function distanceBandOffsets(size: number, distance: number): [number, number][] {
  binConstants(size);
  if (!Number.isFinite(distance) || distance < 0) {
    throw new RangeError(`distance band must be ≥ 0 metres: ${distance}`);
  }
  const spacing = size * SQRT3;
  const limit = (distance / spacing) ** 2 * (1 + 1e-9);
  // A cell k rings out is at least (√3/2)·k spacings away (the middle of a ring side).
  const k = Math.floor((distance / spacing / (SQRT3 / 2)) * (1 + 1e-9));
  return ringOffsets(k).filter(([dq, dr]) => dq * dq + dq * dr + dr * dr <= limit);
}

/** Cells within k rings of (q, r), the cell itself included (Gi* counts w_ii). */
export function neighboursWithinRings(q: number, r: number, k: number): HexCell[] {
  return ringOffsets(k).map(([dq, dr]) => ({ q: q + dq, r: r + dr }));
}

/** Cells whose centre is within `distance` metres of the centre of (q, r), itself included. */
export function neighboursWithinDistance(
  q: number,
  r: number,
  size: number,
  distance: number,
): HexCell[] {
  return distanceBandOffsets(size, distance).map(([dq, dr]) => ({ q: q + dq, r: r + dr }));
}

/**
 * All cells whose centre lies in the RD box [minX, maxX] × [minY, maxY] — the candidate study
 * area, zero-count cells included (Gi* needs them); filter by the municipality polygon after.
 */
export function cellsInExtent(
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
  size: number,
): { q: Int32Array; r: Int32Array } {
  binConstants(size);
  const q: number[] = [];
  const r: number[] = [];
  const rowHeight = 1.5 * size;
  const width = SQRT3 * size;
  for (let row = Math.ceil(minY / rowHeight); row * rowHeight <= maxY; row++) {
    // Centre x = width·(q + row/2): the q range whose centres fall in [minX, maxX].
    const qFrom = Math.ceil(minX / width - row / 2);
    for (let col = qFrom; width * (col + row / 2) <= maxX; col++) {
      q.push(col);
      r.push(row);
    }
  }
  return { q: Int32Array.from(q), r: Int32Array.from(r) };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function quoteColumn(name: string): string {
  const parts = name.split('.');
  if (parts.length > 2 || !parts.every((part) => IDENTIFIER.test(part))) {
    throw new Error(`not a plain column name: ${JSON.stringify(name)}`);
  }
  return parts.map((part) => `"${part}"`).join('.');
}

/** A double as SQL that DuckDB reads back to exactly the same double: the shortest
 * round-trip decimal string cast to DOUBLE (a bare literal would become a DECIMAL). */
function doubleLiteral(value: number): string {
  return `CAST('${String(value)}' AS DOUBLE)`;
}

/**
 * DuckDB SQL expressions binning RD metre columns into the (q, r) of `cellOf`, so counts per
 * cell are computed in the database: `SELECT ${q} AS q, ${r} AS r, count(*) … GROUP BY 1, 2`.
 * Column names are code-chosen identifiers (schema), never user input; only core functions
 * (floor, abs, CAST, CASE, arithmetic) are used. Both expressions are INTEGER.
 */
export function buildHexBinSql(
  columns: { x: string; y: string },
  size: number,
): { q: string; r: string } {
  const k = binConstants(size);
  const x = `CAST(${quoteColumn(columns.x)} AS DOUBLE)`;
  const y = `CAST(${quoteColumn(columns.y)} AS DOUBLE)`;
  const qf = `(${x} * ${doubleLiteral(k.qx)} - ${y} * ${doubleLiteral(k.qy)})`;
  const rf = `(${y} * ${doubleLiteral(k.ry)})`;
  const sf = `(-${qf} - ${rf})`;
  const half = doubleLiteral(0.5);
  const rq = `floor(${qf} + ${half})`;
  const rr = `floor(${rf} + ${half})`;
  const rs = `floor(${sf} + ${half})`;
  const dq = `abs(${rq} - ${qf})`;
  const dr = `abs(${rr} - ${rf})`;
  const ds = `abs(${rs} - ${sf})`;
  const qFixed = `${dq} > ${dr} AND ${dq} > ${ds}`;
  return {
    q: `CAST(CASE WHEN ${qFixed} THEN -${rr} - ${rs} ELSE ${rq} END AS INTEGER)`,
    r: `CAST(CASE WHEN ${qFixed} THEN ${rr} WHEN ${dr} > ${ds} THEN -${rq} - ${rs} ELSE ${rr} END AS INTEGER)`,
  };
}
