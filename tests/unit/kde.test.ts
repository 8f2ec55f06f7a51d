/**
 * Quartic kernel density (kde.ts) against the closed form in shared/reference/statistics.md
 * (CrimeStat / QGIS heatmap): K(d) = 3/(πh²)·(1 − d²/h²)² for d < h, 0 beyond; ∫K = 1.
 */
import { describe, expect, it } from 'vitest';
import { computeKde, kdeCellCentre, kdeTotalMass, quarticKernel } from '../../src/lib/analysis/kde';
import { createRandom } from '../../src/lib/analysis/random';

const h = 400; // bandwidth in metres

describe('quartic kernel', () => {
  it('has the closed-form values: 3/(πh²) at 0, (9/16)·3/(πh²) at h/2, 0 from h on', () => {
    expect(quarticKernel(0, h)).toBe(3 / (Math.PI * h * h));
    expect(quarticKernel(h / 2, h)).toBeCloseTo((3 / (Math.PI * h * h)) * (9 / 16), 18);
    expect(quarticKernel(h, h)).toBe(0);
    expect(quarticKernel(2 * h, h)).toBe(0);
  });
});

describe('kernel density grid', () => {
  // A 5 m grid around one point at a cell centre.
  const point = { x: [155_002.5], y: [463_002.5] };
  const extent = { minX: 154_500, minY: 462_500, maxX: 155_500, maxY: 463_500, cellSize: 5 };
  const grid = computeKde(point, extent, h);

  it("integrates one point's kernel to 1 (to 1e-3) on a fine grid", () => {
    expect(grid.nx).toBe(200);
    expect(grid.ny).toBe(200);
    expect(Math.abs(kdeTotalMass(grid) - 1)).toBeLessThan(1e-3);
  });

  it('gives 3/(πh²) per m² — ×10⁶ per km² — at distance 0', () => {
    const col = (155_002.5 - extent.minX) / 5 - 0.5;
    const row = (463_002.5 - extent.minY) / 5 - 0.5;
    expect(kdeCellCentre(grid, col, row)).toEqual([155_002.5, 463_002.5]);
    expect(grid.density[row * grid.nx + col]).toBeCloseTo((3 / (Math.PI * h * h)) * 1e6, 9);
  });

  it('is zero at and beyond the bandwidth and matches the kernel inside', () => {
    let inside = 0;
    for (let row = 0; row < grid.ny; row++) {
      for (let col = 0; col < grid.nx; col++) {
        const [x, y] = kdeCellCentre(grid, col, row);
        const d = Math.hypot(x - point.x[0], y - point.y[0]);
        const value = grid.density[row * grid.nx + col];
        if (d >= h) expect(value).toBe(0);
        else {
          inside++;
          expect(value).toBeCloseTo(quarticKernel(d, h) * 1e6, 9);
        }
      }
    }
    // π·(400/5)² ≈ 20,106 cells lie within the bandwidth.
    expect(Math.abs(inside - Math.PI * 80 * 80)).toBeLessThan(200);
  });

  it('adds points and weights, and keeps the total mass of points well inside the grid', () => {
    const rng = createRandom(5);
    const x: number[] = [];
    const y: number[] = [];
    const weight: number[] = [];
    for (let i = 0; i < 300; i++) {
      x.push(rng.uniform(0, 2000));
      y.push(rng.uniform(0, 2000));
      weight.push(rng.int(1, 3));
    }
    const wide = { minX: -500, minY: -500, maxX: 2500, maxY: 2500, cellSize: 10 };
    const weighted = computeKde({ x, y, weight }, wide, h);
    const total = weight.reduce((a, b) => a + b, 0);
    expect(Math.abs(kdeTotalMass(weighted) - total) / total).toBeLessThan(1e-3);
    // Weight 2 at one place equals two points there.
    const twice = computeKde({ x: [1000, 1000], y: [1000, 1000] }, wide, h);
    const once = computeKde({ x: [1000], y: [1000], weight: [2] }, wide, h);
    expect(Array.from(twice.density)).toEqual(Array.from(once.density));
    // Near the edge part of the kernel is cut off: a point on the border keeps about half.
    const edge = computeKde({ x: [-500], y: [1000] }, wide, h);
    expect(kdeTotalMass(edge)).toBeGreaterThan(0.45);
    expect(kdeTotalMass(edge)).toBeLessThan(0.55);
  });

  it('rejects a non-positive bandwidth or cell size', () => {
    expect(() => computeKde(point, extent, 0)).toThrow(RangeError);
    expect(() => computeKde(point, { ...extent, cellSize: 0 }, h)).toThrow(RangeError);
  });
});
