/**
 * The Wijken small multiples' y-axes (issue 26): own scale, one scale per unit, or an index
 * of each series' base period — checked against values computed by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  axisMaxima,
  indexBaseLength,
  MIN_INDEX_BASE_COUNT,
  scaledValues,
  scaleSeries,
  TREND_AXIS_TITLES,
} from '../../src/lib/analysis/trend-scale';
import { MIN_INHABITANTS_FOR_RATE } from '../../src/lib/analysis/area-rates';

// 14 months: the first 12 (the base) add up to 24, a mean of 2 per month.
const counts = [1, 3, 2, 2, 0, 4, 2, 2, 1, 3, 2, 2, 5, 8];

describe('scaleSeries', () => {
  it('draws counts as they are, in "registraties per maand"', () => {
    const s = scaleSeries(counts, 5000, 'aantal', 'eigen');
    expect(s).toEqual({ unit: 'aantal', factor: 1, fallback: null });
    expect(scaledValues([3, 8], s)).toEqual([3, 8]);
    expect(TREND_AXIS_TITLES[s.unit]).toBe('registraties per maand');
  });

  it('draws rates per 1.000 inwoners: 8 registraties in a wijk of 2.000 is 4 per 1.000', () => {
    const s = scaleSeries(counts, 2000, 'per1000', 'zelfde');
    expect(s.unit).toBe('per1000');
    expect(scaledValues([8, 3], s)).toEqual([4, 1.5]);
    expect(TREND_AXIS_TITLES.per1000).toBe('per 1.000 inwoners per maand');
  });

  it('gives no rate below the minimum population or when it is unknown: counts instead', () => {
    expect(scaleSeries(counts, MIN_INHABITANTS_FOR_RATE - 1, 'per1000', 'eigen')).toEqual({
      unit: 'aantal',
      factor: 1,
      fallback: 'te-weinig-inwoners',
    });
    expect(scaleSeries(counts, 0, 'per1000', 'eigen').fallback).toBe('te-weinig-inwoners');
    expect(scaleSeries(counts, null, 'per1000', 'eigen').fallback).toBe('inwoners-onbekend');
    expect(scaleSeries(counts, MIN_INHABITANTS_FOR_RATE, 'per1000', 'eigen').unit).toBe('per1000');
  });

  it('indexes each series to the mean of its first 12 months = 100', () => {
    // Base: 24 registraties in 12 months, 2 per month: 5 → 250, 8 → 400, 1 → 50.
    const s = scaleSeries(counts, 2000, 'aantal', 'index');
    expect(s.unit).toBe('index');
    expect(scaledValues(counts, s)).toEqual([
      50, 150, 100, 100, 0, 200, 100, 100, 50, 150, 100, 100, 250, 400,
    ]);
    // The index of a rate is that of the count: same population every month.
    expect(scaleSeries(counts, 2000, 'per1000', 'index')).toEqual(s);
  });

  it('takes all months as the base when fewer than 12 are shown', () => {
    expect(indexBaseLength(5)).toBe(5);
    expect(indexBaseLength(40)).toBe(12);
    const short = [10, 30, 20];
    expect(scaledValues(short, scaleSeries(short, null, 'aantal', 'index'))).toEqual([
      50, 150, 100,
    ]);
  });

  it('gives no index on a small or empty base: counts instead', () => {
    const small = [...Array(11).fill(1), MIN_INDEX_BASE_COUNT - 12, 40];
    expect(small.slice(0, 12).reduce((a, b) => a + b)).toBe(MIN_INDEX_BASE_COUNT - 1);
    expect(scaleSeries(small, null, 'aantal', 'index')).toEqual({
      unit: 'aantal',
      factor: 1,
      fallback: 'kleine-basis',
    });
    const none = [...Array(12).fill(0), 7];
    expect(scaleSeries(none, null, 'aantal', 'index').fallback).toBe('geen-basis');
  });
});

describe('axisMaxima', () => {
  const bedrijventerrein = {
    counts: [40, 60],
    series: scaleSeries([40, 60], 200, 'per1000', 'zelfde'),
  };
  const woonwijk = { counts: [10, 20], series: scaleSeries([10, 20], 8000, 'per1000', 'zelfde') };
  const unknown = { counts: [3, 7], series: scaleSeries([3, 7], null, 'per1000', 'zelfde') };

  it('lets every panel fit its own data on its own scale', () => {
    expect(axisMaxima([bedrijventerrein, woonwijk, unknown], 'eigen')).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('shares the maximum among panels of the same unit only', () => {
    // 60 / 200 × 1000 = 300 per 1.000; 20 / 8000 × 1000 = 2,5; the wijk without a
    // population is drawn in counts and keeps a count axis (7).
    expect(axisMaxima([bedrijventerrein, woonwijk, unknown], 'zelfde')).toEqual([300, 300, 7]);
  });

  it('puts indexes of wijken of any size on one axis', () => {
    const a = [10, 10, 20];
    const b = [100, 100, 150];
    const panels = [a, b].map((c) => ({
      counts: c,
      series: scaleSeries(c, null, 'aantal', 'index'),
    }));
    // a: base mean 40/3 → 20 is 150; b: base mean 350/3 → 150 is 128,57…
    expect(axisMaxima(panels, 'index')).toEqual([150, 150]);
    // A series without an index (base 0) is drawn in counts, on its own axis.
    const empty = [0, 0, 9];
    const fallback = { counts: empty, series: scaleSeries(empty, null, 'aantal', 'index') };
    expect(axisMaxima([...panels, fallback], 'index')).toEqual([150, 150, undefined]);
  });
});
