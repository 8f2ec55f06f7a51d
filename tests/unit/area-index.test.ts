/**
 * Point-in-polygon assignment: hand-made shapes with a hole and a multipolygon, and the
 * grid index against brute force on random points.
 */
import { describe, expect, it } from 'vitest';
import {
  buildAreaIndex,
  pointInMultiPolygon,
  type MultiPolygonCoords,
} from '../../src/lib/analysis/area-index';
import { createRandom } from '../../src/lib/analysis/random';

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

// A 10x10 square with a 4x4 hole in the middle (an enclave), and the enclave itself.
const ring: MultiPolygonCoords = [[square(0, 0, 10, 10), square(3, 3, 7, 7)]];
const enclave: MultiPolygonCoords = [[square(3, 3, 7, 7)]];
// Two separate islands in one area.
const islands: MultiPolygonCoords = [[square(20, 0, 22, 2)], [square(30, 0, 32, 2)]];

describe('pointInMultiPolygon', () => {
  it('excludes holes and includes every part of a multipolygon', () => {
    expect(pointInMultiPolygon(1, 1, ring)).toBe(true);
    expect(pointInMultiPolygon(5, 5, ring)).toBe(false);
    expect(pointInMultiPolygon(5, 5, enclave)).toBe(true);
    expect(pointInMultiPolygon(21, 1, islands)).toBe(true);
    expect(pointInMultiPolygon(31, 1, islands)).toBe(true);
    expect(pointInMultiPolygon(26, 1, islands)).toBe(false);
    expect(pointInMultiPolygon(-1, 5, ring)).toBe(false);
  });
});

describe('buildAreaIndex', () => {
  const areas = [ring, enclave, islands];
  const index = buildAreaIndex(areas, 16);

  it('locates points in the right area, -1 outside all', () => {
    expect(index.locate(1, 1)).toBe(0);
    expect(index.locate(5, 5)).toBe(1);
    expect(index.locate(31.5, 0.5)).toBe(2);
    expect(index.locate(15, 1)).toBe(-1);
    expect(index.locate(100, 100)).toBe(-1);
  });

  it('agrees with brute force on 20,000 random points', () => {
    const rng = createRandom(7);
    let disagreements = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = rng.uniform(-2, 34);
      const y = rng.uniform(-2, 12);
      const brute = areas.findIndex((a) => pointInMultiPolygon(x, y, a));
      if (index.locate(x, y) !== brute) disagreements++;
    }
    expect(disagreements).toBe(0);
  });

  it('answers whole grid cells at once exactly as the per-point test, also on cell borders and where areas overlap', () => {
    // An area overlapping the ring (first match wins) and a triangle with slanted edges.
    const overlap: MultiPolygonCoords = [[square(8, 8, 14, 11)]];
    const triangle: MultiPolygonCoords = [
      [
        [
          [12, 0],
          [19, 0],
          [12, 9],
          [12, 0],
        ],
      ],
    ];
    const shapes = [ring, enclave, islands, overlap, triangle];
    const grid = buildAreaIndex(shapes, 16);
    const rng = createRandom(11);
    const points: [number, number][] = [];
    // Cell borders of the 16×16 grid over [0, 32] × [0, 11], and random points.
    for (let i = 0; i <= 32; i++) for (let j = 0; j <= 22; j++) points.push([i, j / 2]);
    for (let i = 0; i < 20_000; i++) points.push([rng.uniform(-1, 33), rng.uniform(-1, 12)]);
    const disagreements = points.filter(
      ([x, y]) => grid.locate(x, y) !== shapes.findIndex((a) => pointInMultiPolygon(x, y, a)),
    );
    expect(disagreements).toEqual([]);
  });
});
