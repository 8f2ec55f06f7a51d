/**
 * What each Wijken small multiple draws on screen and in its PNG (state/trends/
 * panel-views.ts): the chosen unit and scale, and in the export no month whose count is
 * hidden in the CSVs, nor a line that gives one back (the baseline's mean, an index whose
 * base holds a hidden month). Values computed by hand.
 */
import { describe, expect, it } from 'vitest';
import { protectWijkTrends } from '../../src/lib/analysis/trend-protection';
import { computeWijkTrends, type WijkMonthRow } from '../../src/lib/analysis/wijk-trends';
import {
  buildPanelViews,
  describeScale,
  EXPORT_GAP_NOTE,
  EXPORT_INDEX_NOTE,
} from '../../src/lib/state/trends/panel-views';

const range = { first: { year: 2025, month: 1 }, last: { year: 2026, month: 2 } };
const rowsOf = (wijkcode: string, counts: number[]): WijkMonthRow[] =>
  counts.map((n, i) => ({
    wijkcode,
    theme: 'afval',
    year: 2025 + Math.floor(i / 12),
    month: (i % 12) + 1,
    n,
  }));
// Oost: 10 a month for a year, then 12 and 3 (the judged month, hidden in the exports).
const oost = [...Array(12).fill(10), 12, 3];
// Haven: 2 in its first month (hidden), then 20 a month, 30 and 40.
const haven = [2, ...Array(11).fill(20), 30, 40];
const trends = computeWijkTrends(
  [...rowsOf('WK1', oost), ...rowsOf('WK2', haven)],
  [
    { code: 'WK1', name: 'Oost', inhabitants: 2000 },
    { code: 'WK2', name: 'Haven', inhabitants: 200 },
  ],
  range,
  { periodMonths: 1, perTheme: false },
);
const protection = protectWijkTrends(trends.panels);
/** Oost's expectation for February 2026 from its baseline (by days of exposure). */
const EXPECTED_OOST = (122 * 28) / 365;
const views = (measure: 'aantal' | 'per1000', scale: 'eigen' | 'zelfde' | 'index') =>
  buildPanelViews(trends.panels, protection, { measure, scale, periodMonths: 1 });

describe('panel views on screen', () => {
  it('draws counts on each panel’s own axis, titled "registraties per maand"', () => {
    const [a, b] = views('aantal', 'eigen');
    expect(a.screen.values).toEqual(oost);
    expect(a.screen.yMax).toBeUndefined();
    expect(b.screen.yMax).toBeUndefined();
    expect(a.screen.axisTitle).toEqual(['registraties per maand']);
    expect(a.screen.wholeTicks).toBe(true);
    // The baseline: the 12 months before February 2026 (365 days) held 10 × 11 + 12 = 122;
    // February has 28 days: 122 × 28 / 365 = 9,36 expected.
    expect(a.screen.expectedPerMonth).toBeCloseTo(EXPECTED_OOST, 10);
  });

  it('shares one axis per unit: Haven per 1.000 inwoners sets it at 200', () => {
    const [a, b] = views('per1000', 'zelfde');
    // 40 / 200 × 1000 = 200; Oost 12 / 2000 × 1000 = 6.
    expect(b.screen.values.at(-1)).toBe(200);
    expect(a.screen.values.at(-2)).toBe(6);
    expect([a.screen.yMax, b.screen.yMax]).toEqual([200, 200]);
    expect(a.screen.axisTitle).toEqual(['per 1.000 inwoners', 'per maand']);
    expect(a.screen.wholeTicks).toBe(false);
  });

  it('indexes both to their first 12 months on one axis, with the 100 line', () => {
    const [a, b] = views('aantal', 'index');
    // Oost: base 120 → factor 10: 12 → 120, 3 → 30. Haven: base 222 → 40 → 40 × 1200 / 222.
    expect(a.screen.values.slice(-2)).toEqual([120, 30]);
    expect(b.screen.values.at(-1)).toBeCloseTo((40 * 1200) / 222, 10);
    expect(a.screen.yMax).toBeCloseTo((40 * 1200) / 222, 10);
    expect(a.screen.reference).toBe(100);
    expect(a.screen.axisTitle).toEqual(['index', '(basisperiode = 100)']);
    expect(a.screen.expectedPerMonth).toBeCloseTo(EXPECTED_OOST * 10, 10);
  });
});

describe('panel views in the PNG export', () => {
  it('leaves hidden months out and says so, keeping the baseline when nothing before is hidden', () => {
    const [a] = views('aantal', 'eigen');
    expect(a.states.at(-1)).toBe('small');
    expect(a.export.values).toEqual([...oost.slice(0, -1), null]);
    expect(a.export.expectedPerMonth).toBeCloseTo(EXPECTED_OOST, 10);
    expect(a.export.notes).toEqual([EXPORT_GAP_NOTE]);
  });

  it('drops the baseline line when a hidden month lies in it (it is their mean)', () => {
    const [, b] = views('aantal', 'eigen');
    expect(b.export.values[0]).toBeNull();
    expect(b.export.expectedPerMonth).toBeNull();
    expect(b.screen.expectedPerMonth).not.toBeNull();
  });

  it('exports counts instead of an index whose base holds a hidden month', () => {
    const [a, b] = views('aantal', 'index');
    expect(a.export.axisTitle).toEqual(['index', '(basisperiode = 100)']);
    expect(a.export.values.slice(-2)).toEqual([120, null]);
    expect(b.export.axisTitle).toEqual(['registraties per maand']);
    expect(b.export.values).toEqual([null, ...haven.slice(1)]);
    expect(b.export.yMax).toBeUndefined();
    expect(b.export.notes).toEqual([EXPORT_INDEX_NOTE, EXPORT_GAP_NOTE]);
    // Oost's index axis no longer reaches Haven's index: only shown indexes count (120).
    expect(a.export.yMax).toBe(120);
  });

  it('shares the export axis from shown values only', () => {
    const [a, b] = views('aantal', 'zelfde');
    expect(a.export.yMax).toBe(40);
    expect(b.export.yMax).toBe(40);
    expect(views('aantal', 'eigen')[0].export.yMax).toBeUndefined();
  });
});

describe('describeScale', () => {
  it('says which scale is shown, and the index base period in words', () => {
    expect(describeScale('eigen', null)).toMatch(/^Eigen schaal per wijk/);
    expect(describeScale('zelfde', null)).toMatch(/^Zelfde schaal voor alle wijken/);
    expect(describeScale('index', { first: range.first, last: { year: 2025, month: 12 } })).toMatch(
      /gemiddelde over jan 2025 t\/m dec 2025 \(= 100\).*minder dan 20 registraties/,
    );
  });
});
