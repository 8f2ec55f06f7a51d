/** Configurable dagdelen for the breakdown on Tijden: boundaries in, a partition of 24 h out. */
import { describe, expect, it } from 'vitest';
import { accumulateAoristic } from '../../src/lib/analysis/aoristic';
import {
  dagdeelLabel,
  dagdelenFromBoundaries,
  parseBoundaries,
} from '../../src/lib/analysis/dagdeel-config';

const local = (iso: string) => Date.parse(`${iso}Z`);

describe('dagdelen from boundaries', () => {
  it('reads boundaries and refuses what is not a set of whole hours', () => {
    expect(parseBoundaries('7, 15,23')).toEqual([7, 15, 23]);
    expect(parseBoundaries('18 0 6 12')).toEqual([0, 6, 12, 18]);
    expect(parseBoundaries('6')).toBeNull();
    expect(parseBoundaries('6,6,12')).toBeNull();
    expect(parseBoundaries('6,24')).toBeNull();
    expect(parseBoundaries('6,x')).toBeNull();
  });

  it('keeps the default names and builds shifts over midnight', () => {
    expect(dagdelenFromBoundaries([0, 6, 12, 18]).map(dagdeelLabel)).toEqual([
      'nacht (00–06 uur)',
      'ochtend (06–12 uur)',
      'middag (12–18 uur)',
      'avond (18–24 uur)',
    ]);
    const shifts = dagdelenFromBoundaries([7, 15, 23]);
    expect(shifts.map(dagdeelLabel)).toEqual(['07–15 uur', '15–23 uur', '23–07 uur']);
    // 22:00–02:00 (4 h): 1 h in 15–23, 3 h in 23–07.
    const s = accumulateAoristic([local('2026-06-05T22:00:00')], [local('2026-06-06T02:00:00')], {
      dagdelen: shifts,
    });
    expect(Array.from(s.dagdeelTotals)).toEqual([0, 0.25, 0.75]);
  });
});
