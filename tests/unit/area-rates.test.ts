import { describe, expect, it } from 'vitest';
import { classOf, computeAreaRates, quantileBreaks } from '../../src/lib/analysis/area-rates';

describe('rates per 1,000 inhabitants', () => {
  const areas = [
    { code: 'WK01', name: 'Centrum', inhabitants: 4000, water: false },
    { code: 'WK02', name: 'Haven', inhabitants: 0, water: false },
    { code: 'WK03', name: 'Meer', inhabitants: null, water: true },
    { code: 'WK04', name: 'Klein', inhabitants: -99997, water: false },
    { code: 'WK05', name: null, inhabitants: 250, water: null },
  ];
  const counts = new Map([
    ['WK01', 120],
    ['WK02', 3],
    ['WK04', 8],
    ['WK05', 5],
  ]);

  it('divides counts by inhabitants (hand-computed: 120 / 4,000 × 1,000 = 30)', () => {
    const [centrum, , , , five] = computeAreaRates(areas, counts);
    expect(centrum).toMatchObject({ count: 120, rate: 30, status: 'ok' });
    expect(five).toMatchObject({ name: 'WK05', count: 5, rate: 20, status: 'ok' });
  });

  it('gives water-only, suppressed and empty areas no rate, but keeps their counts', () => {
    const [, haven, meer, klein] = computeAreaRates(areas, counts);
    expect(haven).toMatchObject({ count: 3, rate: null, status: 'geen-inwoners' });
    expect(meer).toMatchObject({ count: 0, rate: null, status: 'water' });
    expect(klein).toMatchObject({ count: 8, rate: null, status: 'onbekend', inhabitants: null });
  });
});

describe('quantile classes', () => {
  it('splits ten values into five classes of two', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const breaks = quantileBreaks(values, 5);
    expect(breaks).toEqual([2, 4, 6, 8, 10]);
    expect(values.map((v) => classOf(v, breaks))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('merges repeated bounds', () => {
    expect(quantileBreaks([1, 1, 1, 1, 9], 5)).toEqual([1, 9]);
    expect(quantileBreaks([], 5)).toEqual([]);
  });
});
