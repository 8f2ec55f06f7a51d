/** Aandachtslocaties: centre of the geometry and visits per week against the target. */
import { describe, expect, it } from 'vitest';
import {
  computeVisitFrequency,
  geometryCentre,
  monthlyVisitsPerWeek,
} from '../../src/lib/analysis/watch-locations';

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('visit frequency', () => {
  it('counts visits per week over the last whole weeks and compares with the target', () => {
    const end = day('2026-11-01');
    // 13 weeks before 1 November 2026 start on 2 August 2026.
    const days = [
      { day: day('2026-08-01'), n: 5 }, // just before the window
      { day: day('2026-08-02'), n: 2 },
      { day: day('2026-10-31'), n: 1 },
      { day: day('2026-11-01'), n: 9 }, // after the window
    ];
    const f = computeVisitFrequency(days, end, 2, 13);
    expect(f.from).toBe(end - 91 * DAY);
    expect(f.visits).toBe(3);
    expect(f.perWeek).toBeCloseTo(3 / 13, 12);
    expect(f.belowTarget).toBe(true);
    expect(computeVisitFrequency(days, end, null).belowTarget).toBeNull();
    const enough = computeVisitFrequency([{ day: day('2026-10-01'), n: 26 }], end, 2, 13);
    expect(enough.perWeek).toBe(2);
    expect(enough.belowTarget).toBe(false);
  });

  it('gives visits per week per month (February has 4 weeks, March 31/7)', () => {
    const perWeek = monthlyVisitsPerWeek(
      [
        { day: day('2026-02-10'), n: 8 },
        { day: day('2026-03-05'), n: 31 },
      ],
      { first: { year: 2026, month: 2 }, last: { year: 2026, month: 3 } },
    );
    expect(perWeek[0]).toBeCloseTo(2, 12);
    expect(perWeek[1]).toBeCloseTo(7, 12);
  });
});

describe('geometryCentre', () => {
  it('is the middle of the bounding box', () => {
    expect(
      geometryCentre({
        type: 'Polygon',
        coordinates: [
          [
            [6, 52],
            [6.2, 52],
            [6.2, 52.1],
            [6, 52],
          ],
        ],
      }),
    ).toEqual([6.1, 52.05]);
  });
});
