import { describe, expect, it } from 'vitest';
import { binLabel, selectedBins } from '../../src/lib/charts/time-histogram';
import { binLastDay, binStart, fillTimeBins } from '../../src/lib/display/time-bins';

describe('time histogram bins', () => {
  it('starts weeks on Monday (as DuckDB date_trunc) and months on the first', () => {
    expect(binStart('2026-11-26', 'week')).toBe('2026-11-23'); // a Thursday → Monday
    expect(binStart('2026-11-23', 'week')).toBe('2026-11-23');
    expect(binStart('2026-02-28', 'month')).toBe('2026-02-01');
  });

  it('gives the last day of a bin, leap years included', () => {
    expect(binLastDay('2024-02-01', 'month')).toBe('2024-02-29');
    expect(binLastDay('2026-12-28', 'week')).toBe('2027-01-03');
    expect(binLastDay('2026-03-29', 'day')).toBe('2026-03-29');
  });

  it('fills months without records with zero', () => {
    const bins = fillTimeBins(
      [
        { bin: '2026-01-01', n: 4 },
        { bin: '2026-04-01', n: 2 },
      ],
      'month',
      '2025-12-15',
      '2026-04-30',
    );
    expect(bins.map((b) => [b.bin, b.n])).toEqual([
      ['2025-12-01', 0],
      ['2026-01-01', 4],
      ['2026-02-01', 0],
      ['2026-03-01', 0],
      ['2026-04-01', 2],
    ]);
    expect(binLabel('2026-03-01', 'month')).toBe('mrt 2026');
  });

  it('marks the bins that overlap the chosen period', () => {
    const bins = fillTimeBins([], 'month', '2026-01-01', '2026-06-30');
    expect(selectedBins(bins, 'month', '2026-02-10', '2026-03-31')).toEqual([1, 2]);
    expect(selectedBins(bins, 'month', null, null)).toBeNull();
    expect(selectedBins(bins, 'month', '2026-05-01', null)).toEqual([4, 5]);
  });
});
