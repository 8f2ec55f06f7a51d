/**
 * Derived hierarchy on hand-made grids of unit squares: the dissolved outline (traced
 * from unshared edges, or Turf's union when vertices do not match), its holes, and a
 * buurt's wijk by containment.
 */
import { area, feature, featureCollection, union } from '@turf/turf';
import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  deriveGemeenteCode,
  deriveParents,
  dissolveOutline,
  type HierarchyArea,
} from '../../src/lib/data/import/area-hierarchy';

/** Grid line k in degrees, computed the same way for both cells that share it. */
const gx = (k: number) => (610 + k) / 100;
const gy = (k: number) => (5200 + k) / 100;
/** A square cell (0.01°) at column i, row j near Donderdeel; extra points on its bottom edge. */
function cell(i: number, j: number, bottom: number[] = []): HierarchyArea {
  const ring = [
    [gx(i), gy(j)],
    ...bottom.map((t) => [gx(i + t), gy(j)]),
    [gx(i + 1), gy(j)],
    [gx(i + 1), gy(j + 1)],
    [gx(i), gy(j + 1)],
    [gx(i), gy(j)],
  ];
  return {
    code: `BU${i}${j}`,
    parent: null,
    geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
  };
}

const total = (areas: HierarchyArea[]) => areas.reduce((s, a) => s + area(a.geometry), 0);
const rings = (m: MultiPolygon) => m.coordinates.map((p) => p.length);

describe('dissolveOutline', () => {
  it('a clean 3×3 partition becomes one ring without holes', () => {
    const grid = [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => cell(i, j)));
    const outline = dissolveOutline(grid);
    expect(rings(outline)).toEqual([1]);
    expect(area(outline)).toBeCloseTo(total(grid), 0);
  });

  it('a gap in the middle stays a hole', () => {
    const frame = [0, 1, 2]
      .flatMap((i) => [0, 1, 2].map((j) => cell(i, j)))
      .filter((_, k) => k !== 4);
    const outline = dissolveOutline(frame);
    expect(rings(outline)).toEqual([2]);
    expect(area(outline)).toBeCloseTo(total(frame), 0);
  });

  it("a vertex on a neighbour's edge (T-junction) still gives one ring", () => {
    const grid = [0, 1, 2].flatMap((i) =>
      [0, 1, 2].map((j) => (i === 1 && j === 2 ? cell(1, 2, [0.5]) : cell(i, j))),
    );
    const outline = dissolveOutline(grid);
    expect(rings(outline)).toEqual([1]);
    expect(area(outline)).toBeCloseTo(total(grid), 0);
  });

  it('overlapping areas are united by Turf: the overlap counts once, inner cells fill the hole', () => {
    const grid = [0, 1, 2, 3].flatMap((i) => [0, 1, 2, 3].map((j) => cell(i, j)));
    const overlapping = { ...cell(3, 3), code: 'X' };
    overlapping.geometry = {
      type: 'MultiPolygon',
      coordinates: [[overlapping.geometry.coordinates[0][0].map(([x, y]) => [x - 0.005, y])]],
    };
    const areas = [...grid.filter((a) => a.code !== 'BU33'), overlapping];
    const expected = union(featureCollection(areas.map((a) => feature(a.geometry))))!;
    const outline = dissolveOutline(areas);
    expect(rings(outline)).toEqual([1]);
    expect(area(outline)).toBeCloseTo(area(expected), -1);
    expect(area(outline)).toBeLessThan(total(areas));
  });

  it('the same polygon twice (every edge shared) is its own outline, not a crash', () => {
    const twice = [cell(0, 0), { ...cell(0, 0), code: 'BU00-kopie' }];
    const outline = dissolveOutline(twice);
    expect(rings(outline)).toEqual([1]);
    expect(area(outline)).toBeCloseTo(area(cell(0, 0).geometry), 0);
  });

  it('separate islands stay separate polygons', () => {
    const islands = [cell(0, 0), cell(5, 5)];
    expect(rings(dissolveOutline(islands))).toEqual([1, 1]);
  });
});

describe('deriveParents and the gemeente code', () => {
  it('puts each buurt in the wijk that contains it; known parents stay', () => {
    const wijken = [
      { ...cell(0, 0), code: 'WK1', geometry: dissolveOutline([cell(0, 0), cell(0, 1)]) },
      { ...cell(1, 0), code: 'WK2', geometry: dissolveOutline([cell(1, 0), cell(1, 1)]) },
    ];
    const buurten = [
      { ...cell(0, 1), code: 'A' },
      { ...cell(1, 1), code: 'B' },
      { ...cell(1, 0), code: 'C', parent: 'WK2' },
      { ...cell(0, 0), code: 'D', parent: 'WK9' },
    ];
    expect(Object.fromEntries(deriveParents(buurten, wijken))).toEqual({
      A: 'WK1',
      B: 'WK2',
      D: 'WK1',
    });
  });

  it('takes the named code, else the CBS digits, else a generated one', () => {
    expect(deriveGemeenteCode('GM0226', ['WK099901'])).toBe('GM0226');
    expect(deriveGemeenteCode(null, ['BUX12', 'WK036301'])).toBe('GM0363');
    expect(deriveGemeenteCode(null, ['BUX1234ABCD'])).toMatch(/^GMX[0-9A-F]{8}$/);
  });
});
