/**
 * Multiple-testing control of the trend flags (issue 23): all comparisons a view shows at
 * once are one family, corrected with Holm (1979). Reference values of holmAdjust are
 * computed by hand from Holm's definition p̃(i) = max_{j ≤ i} min(1, (m − j + 1) p(j)) — the
 * same as R's p.adjust(p, "holm").
 *
 * The simulation draws no-change Poisson series for 8 wijken × 8 themes (72 panels, as on
 * Donderdeel) and checks the promise in the Wijken view's text: when nothing changes, the
 * view flags nothing with probability at least 95 % (runs with a false flag ≤ 5 % + 2 SE).
 */
import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../src/lib/analysis/multiple-testing';
import { createRandom } from '../../src/lib/analysis/random';
import { correctComparisons } from '../../src/lib/analysis/trend-family';
import { assessTrend, type TrendComparison } from '../../src/lib/analysis/trend-flags';
import { computeWijkTrends, type WijkMonthRow } from '../../src/lib/analysis/wijk-trends';

describe('holmAdjust', () => {
  it('matches the hand-computed Holm values, in the order given', () => {
    // Sorted 0.005, 0.01, 0.03, 0.04 → 4·0.005 = 0.02, 3·0.01 = 0.03, 2·0.03 = 0.06,
    // max(0.06, 1·0.04) = 0.06.
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((want, i) => expect(adjusted[i]).toBeCloseTo(want, 12));
  });

  it('caps at 1, keeps ties monotone, and ignores NaN in m', () => {
    expect(holmAdjust([0.5, 0.5, NaN])).toEqual([1, 1, NaN]);
    expect(holmAdjust([0.2])).toEqual([0.2]);
    expect(holmAdjust([])).toEqual([]);
    expect(() => holmAdjust([1.2])).toThrow(RangeError);
  });
});

const lastYear = (before: number, now: number): TrendComparison => {
  const c = assessTrend([
    { year: 2025, month: 5, count: before },
    { year: 2026, month: 5, count: now },
  ]).samePeriodLastYear;
  if (!c.available) throw new Error(c.reason);
  return c;
};

describe('correctComparisons', () => {
  it('judges a family on Holm-adjusted p-values and says so in Dutch', () => {
    const rise = lastYear(20, 36); // p ≈ 0.044 alone: flagged at 5 %
    const noise = lastYear(3, 6); // p = 0.51
    expect(rise.flag).toBe('stijging');
    expect(rise.familySize).toBe(1);
    const [a, b, c] = correctComparisons(
      [
        { comparison: rise, same: 'a' },
        { comparison: noise, same: 'b' },
        { comparison: noise, same: 'b' }, // the same test again counts once
        { comparison: null, same: 'c' },
      ],
      0.05,
    );
    expect(a!.familySize).toBe(2);
    expect(a!.adjustedPValue).toBeCloseTo(2 * rise.pValue, 12);
    expect(a!.flag).toBe('geen significante verandering');
    expect(a!.explanation).toBe(
      'Van 20 naar 36: dat kan toeval zijn bij zoveel vergelijkingen tegelijk ' +
        '(p = 0,044; na correctie voor 2 vergelijkingen p = 0,088)',
    );
    expect(b!.adjustedPValue).toBeCloseTo(noise.pValue, 12);
    expect(c!.adjustedPValue).toBe(b!.adjustedPValue);
  });
});

const WIJKEN = Array.from({ length: 8 }, (_, i) => ({
  code: `WK0${i}`,
  name: `Wijk ${i}`,
  // Half the wijken with a known population: the exposure then includes it.
  inhabitants: i % 2 === 0 ? 2000 + 500 * i : null,
}));
const THEMES = ['afval', 'honden', 'horeca', 'jeugd', 'parkeren', 'woon', 'ondermijning', 'overig'];
const RANGE = { first: { year: 2024, month: 1 }, last: { year: 2026, month: 12 } };

/** One run of no-change series: constant monthly rates, from sparse to busy. */
function nullRows(poisson: (mean: number) => number, rates: number[][]): WijkMonthRow[] {
  const rows: WijkMonthRow[] = [];
  WIJKEN.forEach((w, wi) =>
    THEMES.forEach((theme, ti) => {
      for (let m = 0; m < 36; m++) {
        const n = poisson(rates[wi][ti]);
        const month = { year: 2024 + Math.floor(m / 12), month: (m % 12) + 1 };
        if (n > 0) rows.push({ wijkcode: w.code, theme, ...month, n });
      }
    }),
  );
  return rows;
}

describe('trend flags under no change (seeded simulation)', () => {
  it('flag nothing in at least 95 % of runs (Holm over the view), where uncorrected flags did', () => {
    const rng = createRandom(2023);
    const rates = WIJKEN.map(() => THEMES.map(() => 0.5 + rng.next() * 15));
    const runs = 200;
    let runsWithFlag = 0;
    let runsWithRawFlag = 0;
    let familySize = 0;
    for (let run = 0; run < runs; run++) {
      const rows = nullRows((mean) => rng.poisson(mean), rates);
      const trends = computeWijkTrends(rows, WIJKEN, RANGE, { periodMonths: 12 });
      expect(trends.panels).toHaveLength(72);
      familySize = trends.familySize;
      const comparisons = trends.panels.flatMap((p) => [
        p.assessment.samePeriodLastYear,
        p.assessment.baseline,
      ]);
      const flagged = comparisons.some(
        (c) => c.available && c.flag !== 'geen significante verandering',
      );
      const panelFlag = trends.panels.some((p) => p.flag === 'stijging' || p.flag === 'daling');
      expect(panelFlag && !flagged).toBe(false); // a panel flag is one of the comparisons
      if (flagged) runsWithFlag++;
      if (
        trends.panels.some(
          (p) =>
            p.assessment.samePeriodLastYear.available &&
            p.assessment.samePeriodLastYear.pValue < 0.05,
        )
      ) {
        runsWithRawFlag++;
      }
    }
    expect(familySize).toBe(2 * 72);
    const share = runsWithFlag / runs;
    const se = Math.sqrt((0.05 * 0.95) / runs);
    console.info(`no-change runs with a flag: ${share} (uncorrected: ${runsWithRawFlag / runs})`);
    expect(share).toBeLessThanOrEqual(0.05 + 2 * se);
    // Without the correction most runs flagged something: the test can fail.
    expect(runsWithRawFlag / runs).toBeGreaterThan(0.8);
  });
});
