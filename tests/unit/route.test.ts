/**
 * Route order: nearest neighbour + 2-opt on straight lines. Hand-built layouts whose best
 * order is known, and random layouts checked against nearest neighbour alone.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/lib/analysis/random';
import { nearestNeighbourOrder, planRoute, routeLength } from '../../src/lib/analysis/route';

describe('planRoute', () => {
  it('visits the corners of a square in perimeter order (length 4 km), not across', () => {
    const start = { x: 0, y: 0 };
    const stops = [
      { x: 1000, y: 1000 },
      { x: 0, y: 1000 },
      { x: 1000, y: 0 },
    ];
    const plan = planRoute(start, stops);
    expect(plan.lengthM).toBeCloseTo(4000, 9);
    expect([
      [1, 0, 2],
      [2, 0, 1],
    ]).toContainEqual(plan.order);
    expect(plan.legsM.reduce((a, b) => a + b, 0)).toBeCloseTo(plan.lengthM, 9);
  });

  it('2-opt undoes the zigzag nearest neighbour makes along a road', () => {
    // Stops on a line at 100, -200, 400, -800 m from the start. Nearest neighbour zigzags:
    // 100 + 300 + 600 + 1200 + 800 (back) = 3000 m. Reversing the middle stretch gives
    // 0 → 100 → 400 → -200 → -800 → 0 = 100 + 300 + 600 + 600 + 800 = 2400 m, the optimum
    // (any round trip covering -800..400 is at least 2 × 1200 m).
    const start = { x: 0, y: 0 };
    const stops = [100, -200, 400, -800].map((x) => ({ x, y: 0 }));
    expect(nearestNeighbourOrder(start, stops)).toEqual([0, 1, 2, 3]);
    const plan = planRoute(start, stops);
    expect(plan.nearestNeighbourM).toBeCloseTo(3000, 9);
    expect(plan.lengthM).toBeCloseTo(2400, 9);
    // 0 → 400 → 100 → -200 → -800 → 0 is the same 2400 m.
    expect([
      [0, 2, 1, 3],
      [2, 0, 1, 3],
    ]).toContainEqual(plan.order);
  });

  it('an open route does not count the way back', () => {
    const plan = planRoute({ x: 0, y: 0 }, [{ x: 300, y: 400 }], { roundTrip: false });
    expect(plan).toMatchObject({ order: [0], lengthM: 500, legsM: [500] });
    expect(planRoute({ x: 0, y: 0 }, [{ x: 300, y: 400 }]).lengthM).toBe(1000);
  });

  it('no stops: an empty route', () => {
    expect(planRoute({ x: 0, y: 0 }, [])).toMatchObject({ order: [], lengthM: 0 });
  });

  it('on 200 random layouts: every stop once and never longer than nearest neighbour', () => {
    const random = createRandom(11);
    for (let run = 0; run < 200; run++) {
      const n = random.int(2, 25);
      const stops = Array.from({ length: n }, () => ({
        x: random.uniform(0, 10_000),
        y: random.uniform(0, 10_000),
      }));
      const start = { x: random.uniform(0, 10_000), y: random.uniform(0, 10_000) };
      for (const roundTrip of [true, false]) {
        const plan = planRoute(start, stops, { roundTrip });
        expect([...plan.order].sort((a, b) => a - b)).toEqual(stops.map((_, i) => i));
        expect(plan.lengthM).toBeLessThanOrEqual(plan.nearestNeighbourM + 1e-9);
        expect(plan.lengthM).toBeCloseTo(routeLength(start, stops, plan.order, roundTrip), 6);
      }
    }
  });
});
