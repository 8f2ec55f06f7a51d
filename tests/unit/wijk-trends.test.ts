/**
 * Trends per wijk: panels per wijk (all themes) and per wijk × theme, rates per 1,000
 * inhabitants only where the population is known, and flags from the exact Poisson test.
 *
 * Reference value: R 4.x, poisson.test(c(2, 13), c(5, 5)) prints p-value = 0.007385 (see
 * tests/unit/rate-test.test.ts and tests/fixtures/stats-temporal/README.md for the source).
 * January 2025 and January 2026 both have 31 days, so 2 against 13 over equal exposure is
 * exactly that test.
 */
import { describe, expect, it } from 'vitest';
import {
  computeWijkTrends,
  monthsBetween,
  wholeMonthsBetween,
  type WijkMonthRow,
} from '../../src/lib/analysis/wijk-trends';

const wijken = [
  { code: 'WK01', name: 'Centrum', inhabitants: 4000 },
  { code: 'WK02', name: 'Oost', inhabitants: null },
];
const range = { first: { year: 2025, month: 1 }, last: { year: 2026, month: 1 } };

describe('computeWijkTrends', () => {
  it('matches R poisson.test for 13 → 2 in the same month a year apart (p = 0.007385)', () => {
    const rows: WijkMonthRow[] = [
      { wijkcode: 'WK01', theme: 'afval', year: 2025, month: 1, n: 13 },
      { wijkcode: 'WK01', theme: 'afval', year: 2026, month: 1, n: 2 },
    ];
    const trends = computeWijkTrends(rows, wijken, range, { periodMonths: 1 });
    const panel = trends.panels.find((p) => p.key === 'WK01|afval')!;
    const lastYear = panel.assessment.samePeriodLastYear;
    expect(lastYear.available).toBe(true);
    if (!lastYear.available) return;
    expect(lastYear.pValue).toBeCloseTo(0.007385, 6);
    expect(panel.flag).toBe('daling');
    expect(lastYear.explanation).toContain('p = 0,007');
  });

  it('does not flag 3 → 6 (could be noise), and gives monthly counts and rates', () => {
    const rows: WijkMonthRow[] = [
      { wijkcode: 'WK01', theme: 'jeugd', year: 2025, month: 1, n: 3 },
      { wijkcode: 'WK01', theme: 'jeugd', year: 2026, month: 1, n: 6 },
      { wijkcode: 'WK01', theme: 'afval', year: 2025, month: 6, n: 2 },
      { wijkcode: 'WK99', theme: 'jeugd', year: 2025, month: 6, n: 50 }, // unknown wijk
      { wijkcode: 'WK01', theme: 'jeugd', year: 2024, month: 12, n: 50 }, // before range
    ];
    const trends = computeWijkTrends(rows, wijken, range, { periodMonths: 1 });
    expect(trends.months).toHaveLength(13);
    expect(trends.panels.map((p) => p.key)).toEqual([
      'WK01|*',
      'WK01|afval',
      'WK01|jeugd',
      'WK02|*',
      'WK02|afval',
      'WK02|jeugd',
    ]);
    const jeugd = trends.panels.find((p) => p.key === 'WK01|jeugd')!;
    expect(jeugd.flag).toBe('geen significante verandering');
    expect(jeugd.counts[0]).toBe(3);
    expect(jeugd.counts[12]).toBe(6);
    expect(jeugd.per1000![12]).toBeCloseTo(1.5, 12);
    const all = trends.panels.find((p) => p.key === 'WK01|*')!;
    expect(all.total).toBe(11);
    expect(all.counts[5]).toBe(2);
    // Oost has no known population: no rate, but counts and the test still work.
    const oost = trends.panels.find((p) => p.key === 'WK02|*')!;
    expect(oost.per1000).toBeNull();
    expect(oost.total).toBe(0);
  });

  it('flags a real rise over twelve months against the year before', () => {
    const rows: WijkMonthRow[] = monthsBetween({
      first: { year: 2024, month: 1 },
      last: { year: 2025, month: 12 },
    }).map((m) => ({ wijkcode: 'WK01', theme: 'afval', ...m, n: m.year === 2025 ? 60 : 35 }));
    const trends = computeWijkTrends(
      rows,
      wijken,
      { first: { year: 2024, month: 1 }, last: { year: 2025, month: 12 } },
      { periodMonths: 12 },
    );
    const panel = trends.panels.find((p) => p.key === 'WK01|afval')!;
    expect(panel.flag).toBe('stijging');
    // A 24-month baseline does not fit in 24 months of data: said, not guessed.
    expect(panel.assessment.baseline.available).toBe(false);
  });
});

describe('wholeMonthsBetween', () => {
  it('keeps whole months only', () => {
    expect(wholeMonthsBetween('2023-11-01', '2026-10-31')).toEqual({
      first: { year: 2023, month: 11 },
      last: { year: 2026, month: 10 },
    });
    expect(wholeMonthsBetween('2023-11-02', '2026-11-23')).toEqual({
      first: { year: 2023, month: 12 },
      last: { year: 2026, month: 10 },
    });
    expect(wholeMonthsBetween('2026-02-01', '2026-02-28')).toEqual({
      first: { year: 2026, month: 2 },
      last: { year: 2026, month: 2 },
    });
    expect(wholeMonthsBetween('2026-02-03', '2026-02-27')).toBeNull();
  });
});
