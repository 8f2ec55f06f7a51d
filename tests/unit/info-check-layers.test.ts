/**
 * The Informatiecheck map's search-radius ring: every vertex lies at the radius from the
 * building (geodesic distance, turf), so the circle drawn is the radius the score uses.
 */
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { SIGNAL_TYPES } from '../../src/lib/analysis/risk-score';
import { radiusRing, SIGNAL_TYPE_COLORS } from '../../src/lib/map/layers/info-check';

describe('radiusRing', () => {
  it('is a closed ring at 500 m from the centre', () => {
    const centre: [number, number] = [6.137096, 52.083578];
    const ring = radiusRing(centre, 500);
    expect(ring.length).toBe(65);
    expect(ring[0]).toEqual(ring.at(-1));
    for (const p of ring) {
      expect(distance(centre, p, { units: 'meters' })).toBeCloseTo(500, 0);
    }
  });
});

describe('SIGNAL_TYPE_COLORS', () => {
  it('gives every kind of signal its own colour', () => {
    const colours = SIGNAL_TYPES.map((t) => SIGNAL_TYPE_COLORS[t].join(','));
    expect(new Set(colours).size).toBe(SIGNAL_TYPES.length);
  });
});
