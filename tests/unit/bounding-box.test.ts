/**
 * The box around points: the briefing's map frames the expected hot spots with a margin
 * (boundsAround), a watch location is labelled at its centre (geometryCentre).
 */
import { describe, expect, it } from 'vitest';
import { boundingBox } from '../../src/lib/analysis/bounding-box';
import { geometryCentre } from '../../src/lib/analysis/watch-locations';
import { boundsAround } from '../../src/lib/map/layers/briefing-layers';

describe('bounding box', () => {
  it('spans the points, and is empty (inverted) without points', () => {
    expect(
      boundingBox([
        [6.1, 52.0],
        [6.3, 52.1],
        [6.2, 51.9],
      ]),
    ).toEqual([6.1, 51.9, 6.3, 52.1]);
    expect(boundingBox([])).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
  });

  it('frames the briefing map around the points with a fifth more room, at least minSpan', () => {
    const fallback: [[number, number], [number, number]] = [
      [0, 0],
      [1, 1],
    ];
    const [[w, s], [e, n]] = boundsAround(
      [
        [6.0, 52.0],
        [6.1, 52.05],
      ],
      fallback,
    );
    expect(e - w).toBeCloseTo(0.12, 10);
    expect((w + e) / 2).toBeCloseTo(6.05, 10);
    expect(n - s).toBeCloseTo(0.06, 10);
    const [[w1], [e1]] = boundsAround([[6.0, 52.0]], fallback);
    expect(e1 - w1).toBeCloseTo(0.02, 10);
    expect(boundsAround([], fallback)).toBe(fallback);
  });

  it('puts a watch location’s label in the middle of its outline', () => {
    expect(
      geometryCentre({
        type: 'Polygon',
        coordinates: [
          [
            [6.0, 52.0],
            [6.2, 52.0],
            [6.2, 52.1],
            [6.0, 52.0],
          ],
        ],
      }),
    ).toEqual([6.1, 52.05]);
  });
});
