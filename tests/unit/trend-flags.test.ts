/**
 * Trend flags per wijk: a change is flagged only when the exact Poisson rate test says so.
 * p-values come from rate-test.ts, itself checked against R (tests/unit/rate-test.test.ts);
 * the 3 → 6 value is exact: 2 · 130/512 = 0.5078 (same month, equal days).
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/lib/analysis/random';
import {
  assessTrend,
  assessTrends,
  formatDutchNumber,
  formatPValue,
  type MonthlyCount,
  type TrendComparison,
} from '../../src/lib/analysis/trend-flags';

/** Monthly series from January of `year` on. */
function monthly(year: number, counts: readonly number[]): MonthlyCount[] {
  return counts.map((count, i) => ({
    year: year + Math.floor(i / 12),
    month: (i % 12) + 1,
    count,
  }));
}

function available(c: unknown): TrendComparison {
  expect(c).toMatchObject({ available: true });
  return c as TrendComparison;
}

describe('same period last year', () => {
  it('3 → 6 is not flagged: "dat kan toeval zijn (p = 0,51)"', () => {
    const series = [
      { year: 2025, month: 3, count: 3 },
      { year: 2026, month: 3, count: 6 },
    ];
    const result = available(assessTrend(series).samePeriodLastYear);
    expect(result.flag).toBe('geen significante verandering');
    expect(result.pValue).toBeCloseTo(0.5078125, 10);
    expect(result.changePercent).toBeCloseTo(100, 10);
    expect(result.explanation).toBe('Van 3 naar 6: dat kan toeval zijn (p = 0,51)');
  });

  it('100 → 200 is flagged as stijging, 200 → 100 as daling', () => {
    const up = available(
      assessTrend([
        { year: 2025, month: 6, count: 100 },
        { year: 2026, month: 6, count: 200 },
      ]).samePeriodLastYear,
    );
    expect(up.flag).toBe('stijging');
    expect(up.pValue).toBeLessThan(1e-6);
    expect(up.explanation).toBe(
      'Van 100 naar 200: een stijging die waarschijnlijk geen toeval is (p < 0,001)',
    );
    const down = available(
      assessTrend([
        { year: 2025, month: 6, count: 200 },
        { year: 2026, month: 6, count: 100 },
      ]).samePeriodLastYear,
    );
    expect(down.flag).toBe('daling');
  });

  it('alpha is adjustable: 20 → 36 (p ≈ 0.044) is flagged at 0.05, not at 0.01', () => {
    const series = [
      { year: 2025, month: 5, count: 20 },
      { year: 2026, month: 5, count: 36 },
    ];
    const at5 = available(assessTrend(series).samePeriodLastYear);
    expect(at5.pValue).toBeGreaterThan(0.01);
    expect(at5.pValue).toBeLessThan(0.05);
    expect(at5.flag).toBe('stijging');
    expect(available(assessTrend(series, { alpha: 0.01 }).samePeriodLastYear).flag).toBe(
      'geen significante verandering',
    );
  });

  it('with inhabitants: a doubled count in a doubled wijk is no rise; rates are shown', () => {
    const series = [
      { year: 2025, month: 6, count: 100 },
      { year: 2026, month: 6, count: 200 },
    ];
    const result = available(
      assessTrend(series, { inhabitants: { 2025: 12_000, 2026: 24_000 } }).samePeriodLastYear,
    );
    expect(result.flag).toBe('geen significante verandering');
    expect(result.pValue).toBeCloseTo(1, 10);
    expect(result.currentPer1000).toBeCloseTo(8.333, 3);
    expect(result.explanation).toBe(
      'Van 100 naar 200 (8,3 → 8,3 per 1.000 inwoners): dat kan toeval zijn (p = 1)',
    );
  });

  it('0 → 0 is "geen verandering"', () => {
    const series = [
      { year: 2025, month: 1, count: 0 },
      { year: 2026, month: 1, count: 0 },
    ];
    expect(available(assessTrend(series).samePeriodLastYear).explanation).toBe(
      'Van 0 naar 0: geen verandering (p = 1)',
    );
  });
});

describe("the wijk's own baseline", () => {
  it('a doubling from a stable 100 a month is flagged, with control limits below 200', () => {
    const series = monthly(2025, [...Array(12).fill(100), 200]);
    const result = assessTrend(series).baseline;
    expect(result).toMatchObject({ available: true, flag: 'stijging', referenceCount: 1200 });
    if (!result.available) return;
    // January 2026 has 31 of the baseline's 365 days: expected 1200 · 31/365 = 101.9.
    expect(result.expectedCount).toBeCloseTo((1200 * 31) / 365, 10);
    expect(result.controlLimits.upper).toBeLessThan(200);
    expect(result.explanation).toMatch(
      /^Verwacht 101,9 op basis van de 12 maanden ervoor, nu 200: een stijging die waarschijnlijk geen toeval is \(p < 0,001\)$/,
    );
  });

  it('a stable series with noise (Poisson, mean 20) is not flagged', () => {
    const rng = createRandom(5);
    const series = monthly(
      2024,
      Array.from({ length: 36 }, () => rng.poisson(20)),
    );
    const result = assessTrend(series);
    expect(available(result.samePeriodLastYear).flag).toBe('geen significante verandering');
    expect(available(result.baseline).flag).toBe('geen significante verandering');
  });

  it('over 300 stable noisy series the false-alarm rate stays at or below alpha', () => {
    // Events happen per day, so a 31-day month expects 31/30 of a 30-day month.
    const days = (i: number) => new Date(Date.UTC(2024, i + 1, 0)).getUTCDate();
    let flags = 0;
    let tests = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rng = createRandom(seed);
      const perDay = rng.uniform(0.1, 2);
      const counts = Array.from({ length: 25 }, (_, i) => rng.poisson(perDay * days(i)));
      const result = assessTrend(monthly(2024, counts));
      for (const c of [result.samePeriodLastYear, result.baseline]) {
        tests++;
        if (available(c).flag !== 'geen significante verandering') flags++;
      }
    }
    expect(tests).toBe(600);
    expect(flags / tests).toBeLessThanOrEqual(0.05);
  });

  it('a quarter can be judged: periodMonths = 3', () => {
    const series = monthly(2025, [...Array(12).fill(10), 10, 10, 10, 30, 30, 30]);
    const result = assessTrend(series, { periodMonths: 3 });
    expect(result.from).toEqual({ year: 2026, month: 4 });
    expect(result.to).toEqual({ year: 2026, month: 6 });
    expect(available(result.samePeriodLastYear)).toMatchObject({
      currentCount: 90,
      referenceCount: 30,
      flag: 'stijging',
    });
  });
});

describe('missing data', () => {
  it('says so when the series does not reach back far enough', () => {
    const result = assessTrend(monthly(2026, [4, 5, 6]));
    expect(result.samePeriodLastYear).toEqual({
      available: false,
      reason:
        'Onvoldoende gegevens: deze vergelijking heeft maart 2025 nodig, de gegevens beginnen in januari 2026.',
    });
    expect(result.baseline.available).toBe(false);
  });

  it('months missing inside the covered period count as zero', () => {
    const series = [
      { year: 2025, month: 3, count: 9 },
      { year: 2026, month: 1, count: 0 },
      { year: 2026, month: 2, count: 12 },
    ];
    // Without coverageStart the data "begin" in March 2025: February 2025 is unknown.
    expect(assessTrend(series).samePeriodLastYear.available).toBe(false);
    const result = assessTrend(series, { coverageStart: { year: 2025, month: 1 } });
    expect(available(result.samePeriodLastYear).referenceCount).toBe(0); // February 2025
    expect(available(result.baseline).referenceCount).toBe(9); // February 2025 – January 2026
  });

  it('rejects a month that occurs twice', () => {
    const twice = [
      { year: 2026, month: 1, count: 1 },
      { year: 2026, month: 1, count: 2 },
    ];
    expect(() => assessTrend(twice)).toThrow(/twice/);
  });

  it('judges many series at once', () => {
    const results = assessTrends([
      { key: 'WK000101', series: monthly(2025, [...Array(12).fill(3), 6]) },
      { key: 'WK000102', series: monthly(2025, [...Array(12).fill(100), 200]) },
    ]);
    expect(results.map((r) => [r.key, available(r.assessment.baseline).flag])).toEqual([
      ['WK000101', 'geen significante verandering'],
      ['WK000102', 'stijging'],
    ]);
  });
});

describe('Dutch formatting', () => {
  it('p-values keep the side of alpha they are on', () => {
    expect(formatPValue(0.5078125)).toBe('p = 0,51');
    expect(formatPValue(0.032)).toBe('p = 0,032');
    expect(formatPValue(0.0496)).toBe('p = 0,0496'); // 0,050 would look not significant
    expect(formatPValue(0.0004)).toBe('p < 0,001');
  });

  it('numbers use a decimal comma and a thousands point', () => {
    expect(formatDutchNumber(12345.678, 1)).toBe('12.345,7');
    expect(formatDutchNumber(-0.04, 1)).toBe('0,0');
    expect(formatDutchNumber(-2.5, 1)).toBe('−2,5');
  });
});
