/**
 * Hexagon grid: binning, geometry and neighbourhoods (hex-grid.ts), and the DuckDB SQL binning
 * run in the real engine (duckdb-wasm, Node build) against the TypeScript binning.
 * Reference geometry: Red Blob Games, "Hexagonal Grids" (pointy-top axial coordinates).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HEX_DIRECTIONS,
  buildHexBinSql,
  cellCentre,
  cellOf,
  cellPolygon,
  cellPolygonRd,
  cellsInExtent,
  distanceBandOffsets,
  hexDistance,
  neighboursWithinDistance,
  neighboursWithinRings,
  ringOffsets,
} from '../../src/lib/analysis/hex-grid';
import { createRandom } from '../../src/lib/analysis/random';
import { wgs84ToRd } from '../../src/lib/analysis/rd';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';

const SQRT3 = Math.sqrt(3);

describe('hexagon binning in TypeScript', () => {
  it('puts every cell centre in its own cell', () => {
    for (let q = -20; q <= 20; q++) {
      for (let r = -20; r <= 20; r++) {
        const [x, y] = cellCentre(q, r, 125);
        expect(cellOf(x, y, 125)).toEqual({ q, r });
      }
    }
  });

  it('puts a point in the cell whose centre is nearest (the definition of a hex cell)', () => {
    const rng = createRandom(7);
    const size = 80;
    for (let i = 0; i < 5000; i++) {
      const x = rng.uniform(150_000, 160_000);
      const y = rng.uniform(460_000, 470_000);
      const cell = cellOf(x, y, size);
      const [cx, cy] = cellCentre(cell.q, cell.r, size);
      const own = Math.hypot(x - cx, y - cy);
      expect(own).toBeLessThanOrEqual(size + 1e-9);
      for (const [dq, dr] of HEX_DIRECTIONS) {
        const [nx, ny] = cellCentre(cell.q + dq, cell.r + dr, size);
        expect(own).toBeLessThanOrEqual(Math.hypot(x - nx, y - ny) + 1e-9);
      }
    }
  });

  it('uses pointy-top geometry: horizontal spacing √3·size, rows 1.5·size apart', () => {
    expect(cellCentre(1, 0, 100)[0]).toBeCloseTo(100 * SQRT3, 9);
    expect(cellCentre(0, 1, 100)).toEqual([50 * SQRT3, 150]);
    const ring = cellPolygonRd(0, 0, 100);
    expect(ring).toHaveLength(7);
    expect(ring[6]).toEqual(ring[0]);
    // Vertex 1 points north (pointy-top), at (0, size).
    expect(ring[1][0]).toBeCloseTo(0, 9);
    expect(ring[1][1]).toBeCloseTo(100, 9);
    // Shoelace area = (3√3/2)·size², positive = counter-clockwise.
    let twiceArea = 0;
    for (let i = 0; i < 6; i++)
      twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    expect(twiceArea / 2).toBeCloseTo(1.5 * SQRT3 * 100 * 100, 6);
  });

  it('returns the map polygon in lon/lat around the RD location of the cell', () => {
    const cell = cellOf(155_000, 463_000, 100);
    const polygon = cellPolygon(cell.q, cell.r, 100);
    expect(polygon).toHaveLength(7);
    const [cx, cy] = cellCentre(cell.q, cell.r, 100);
    for (const [lon, lat] of polygon.slice(0, 6)) {
      const [x, y] = wgs84ToRd(lon, lat);
      expect(Math.hypot(x - cx, y - cy)).toBeCloseTo(100, 2);
    }
  });

  it('rejects a size that is not a positive number of metres', () => {
    expect(() => cellOf(0, 0, 0)).toThrow(RangeError);
    expect(() => cellOf(0, 0, Number.NaN)).toThrow(RangeError);
  });
});

describe('neighbourhoods', () => {
  it('counts 1 + 3k(k+1) cells within k rings, all at hex distance ≤ k, itself first', () => {
    for (const k of [0, 1, 2, 3, 5]) {
      const offsets = ringOffsets(k);
      expect(offsets).toHaveLength(1 + 3 * k * (k + 1));
      expect(offsets[0]).toEqual([0, 0]);
      expect(new Set(offsets.map(([q, r]) => `${q},${r}`)).size).toBe(offsets.length);
      for (const [dq, dr] of offsets) expect(hexDistance(dq, dr, 0, 0)).toBeLessThanOrEqual(k);
    }
    const near = neighboursWithinRings(4, -2, 1).map(({ q, r }) => `${q},${r}`);
    expect(near.sort()).toEqual(['3,-1', '3,-2', '4,-1', '4,-2', '4,-3', '5,-2', '5,-3'].sort());
  });

  it('selects cells by centre-to-centre distance for a distance band', () => {
    const size = 100;
    const spacing = size * SQRT3; // neighbour centres are √3·size apart
    expect(distanceBandOffsets(size, spacing * 0.99)).toEqual([[0, 0]]);
    // Exactly one spacing: the six neighbours are kept despite rounding.
    expect(distanceBandOffsets(size, spacing)).toHaveLength(7);
    // The second ring has 6 cells at 2·spacing and 6 at √3·spacing = 300 m.
    expect(distanceBandOffsets(size, 300)).toHaveLength(13);
    expect(distanceBandOffsets(size, 2 * spacing)).toHaveLength(19);
    for (const { q, r } of neighboursWithinDistance(10, 10, size, 500)) {
      const [ax, ay] = cellCentre(10, 10, size);
      const [bx, by] = cellCentre(q, r, size);
      expect(Math.hypot(ax - bx, ay - by)).toBeLessThanOrEqual(500 + 1e-6);
    }
    // And nothing within the band is missed.
    const inBand = neighboursWithinDistance(0, 0, size, 500).length;
    let brute = 0;
    for (let q = -10; q <= 10; q++) {
      for (let r = -10; r <= 10; r++) {
        const [x, y] = cellCentre(q, r, size);
        if (Math.hypot(x, y) <= 500) brute++;
      }
    }
    expect(inBand).toBe(brute);
  });
});

describe('study area cells', () => {
  it('lists exactly the cells whose centre lies in a box', () => {
    const size = 150;
    const box = { minX: 150_000, minY: 460_000, maxX: 153_000, maxY: 462_500 };
    const { q, r } = cellsInExtent(box.minX, box.minY, box.maxX, box.maxY, size);
    const listed = new Set(Array.from(q, (cq, i) => `${cq},${r[i]}`));
    expect(listed.size).toBe(q.length);
    // Brute force over a generous neighbourhood of the box.
    const corner = cellOf(box.minX, box.minY, size);
    let inside = 0;
    for (let cq = corner.q - 40; cq <= corner.q + 40; cq++) {
      for (let cr = corner.r - 5; cr <= corner.r + 30; cr++) {
        const [x, y] = cellCentre(cq, cr, size);
        const isIn = x >= box.minX && x <= box.maxX && y >= box.minY && y <= box.maxY;
        if (isIn) inside++;
        expect(listed.has(`${cq},${cr}`)).toBe(isIn);
      }
    }
    expect(inside).toBe(q.length);
    // About box area / hexagon area cells.
    expect(q.length / ((3000 * 2500) / (1.5 * SQRT3 * size * size))).toBeCloseTo(1, 1);
  });
});

describe('hexagon binning in DuckDB SQL', () => {
  let conn: Connector;
  beforeAll(async () => {
    conn = await createNodeConnector();
  });
  afterAll(async () => {
    await conn.close();
  });

  it('quotes column names and refuses anything else', () => {
    const sql = buildHexBinSql({ x: 'r.x_rd', y: 'y_rd' }, 100);
    expect(sql.q).toContain('"r"."x_rd"');
    expect(() => buildHexBinSql({ x: 'x; DROP TABLE t', y: 'y' }, 100)).toThrow();
    expect(() => buildHexBinSql({ x: 'x', y: 'y' }, -1)).toThrow(RangeError);
  });

  it('gives the same cell as cellOf for 10,000 random points, edges and vertices included', async () => {
    const rng = createRandom(20260604);
    const size = 97.5;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      xs.push(rng.uniform(0, 300_000));
      ys.push(rng.uniform(289_000, 629_000));
    }
    // Points exactly on edges and vertices, where rounding differences would show.
    for (let i = 0; i < 500; i++) {
      const ring = cellPolygonRd(rng.int(-2000, 2000), rng.int(2000, 4000), size);
      const v = rng.int(0, 5);
      xs.push(ring[v][0], (ring[v][0] + ring[v + 1][0]) / 2);
      ys.push(ring[v][1], (ring[v][1] + ring[v + 1][1]) / 2);
    }
    const values = xs.map((x, i) => `(${i}, ${x}::DOUBLE, ${ys[i]}::DOUBLE)`).join(',');
    await conn.exec(`CREATE OR REPLACE TABLE hex_points AS
      SELECT * FROM (VALUES ${values}) AS t(id, x_rd, y_rd)`);
    const bin = buildHexBinSql({ x: 'x_rd', y: 'y_rd' }, size);
    const rows = await conn.query<{ id: number; x_rd: number; q: number; r: number }>({
      sql: `SELECT id, x_rd, ${bin.q} AS q, ${bin.r} AS r FROM hex_points ORDER BY id`,
    });
    expect(rows).toHaveLength(xs.length);
    let mismatches = 0;
    for (const row of rows) {
      expect(row.x_rd).toBe(xs[row.id]); // the coordinates arrived unchanged
      const cell = cellOf(xs[row.id], ys[row.id], size);
      if (cell.q !== row.q || cell.r !== row.r) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('counts per cell in SQL with the integer (q, r) as group keys', async () => {
    const bin = buildHexBinSql({ x: 'x', y: 'y' }, 100);
    const rows = await conn.query<{ q: number; r: number; n: number }>({
      sql: `SELECT ${bin.q} AS q, ${bin.r} AS r, count(*) AS n
            FROM (VALUES (0.0, 0.0), (10.0, 20.0), (173.2, 0.0), (-86.6, 150.0)) AS t(x, y)
            GROUP BY ALL ORDER BY q, r`,
    });
    expect(rows).toEqual([
      { q: -1, r: 1, n: 1 },
      { q: 0, r: 0, n: 2 },
      { q: 1, r: 0, n: 1 },
    ]);
  });
});
