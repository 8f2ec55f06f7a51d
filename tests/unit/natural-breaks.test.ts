import { describe, expect, it } from 'vitest';
import { classOf } from '../../src/lib/analysis/area-rates';
import { naturalBreaks, roundBound } from '../../src/lib/analysis/natural-breaks';
import { classLabels } from '../../src/lib/map/class-legend';

describe('natural breaks (Jenks) on a log scale', () => {
  it('finds the hand-computed optimum, which differs from Jenks on the raw values', () => {
    // ln: 0, 0.693, 1.609, 3.401, 3.689. Squared deviations per split into 3 classes:
    // {1,2}{5}{30,40} = 0.240 + 0 + 0.041 = 0.282 (best); {1}{2,5}{30,40} = 0.461;
    // {1,2,5}{30}{40} = 1.335. On the raw values {1,2,5}{30}{40} wins (8.67 against 50.5).
    expect(naturalBreaks([40, 1, 30, 2, 5], 3)).toEqual([2, 5, 40]);
  });

  it('weights repeated values and leaves out zeros', () => {
    // ln 1 = 0 ×4, ln 10 = 2.303 ×3, ln 100 = 4.605 ×2: three exact groups, cost 0.
    const values = [0, 1, 1, 10, 100, 1, 10, 0, 100, 10, 1];
    expect(naturalBreaks(values, 3)).toEqual([1, 10, 100]);
    expect(naturalBreaks(values, 2)).toEqual([1, 100]);
  });

  it('gives distinct bounds when there are fewer values than classes', () => {
    expect(naturalBreaks([3, 3, 3, 7], 5)).toEqual([3, 7]);
    expect(naturalBreaks([4, 4], 5)).toEqual([4]);
    expect(naturalBreaks([0, Number.NaN], 5)).toEqual([]);
  });

  it('rounds the bounds and keeps the maximum exact', () => {
    const values = [1, 1, 2, 137, 139, 141, 683];
    const breaks = naturalBreaks(values, 3);
    expect(breaks).toEqual([2, 140, 683]);
    expect(values.map((v) => classOf(v, breaks))).toEqual([0, 0, 0, 1, 1, 2, 2]);
  });

  it('keeps a skewed distribution from filling one class', () => {
    // The demo's shape: many cells with 1–5 records, a centre of a few hundred.
    const values: number[] = [];
    const add = (v: number, n: number) => values.push(...Array<number>(n).fill(v));
    [690, 610, 369, 187, 86, 31, 19, 9].forEach((n, i) => add(i + 1, n));
    for (let v = 10; v <= 680; v += 2) add(v, 1);
    const breaks = naturalBreaks(values, 5);
    expect(breaks).toHaveLength(5);
    const sizes = [0, 0, 0, 0, 0];
    for (const v of values) sizes[classOf(v, breaks)]++;
    expect(Math.max(...sizes) / values.length).toBeLessThan(0.6);
    // The centre is no longer one block: the top class starts above 100.
    expect(breaks[3]).toBeGreaterThan(100);
  });
});

describe('round bounds', () => {
  it('keeps small integers and two significant digits otherwise', () => {
    expect([7, 98, 137, 1234, 2.345, 0.0456].map(roundBound)).toEqual([
      7, 98, 140, 1200, 2.3, 0.046,
    ]);
  });
});

describe('class labels', () => {
  it('gives whole counts ranges that do not overlap', () => {
    expect(classLabels([1, 3, 14, 140, 683], { digits: 0, min: 1 })).toEqual([
      '1',
      '2–3',
      '4–14',
      '15–140',
      '141–683',
    ]);
  });

  it('gives rates "t/m" and "van – tot" with Dutch decimals', () => {
    expect(classLabels([2.5, 4], { digits: 1 })).toEqual(['t/m 2,5', '2,5 – 4']);
  });
});
