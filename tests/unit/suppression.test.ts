/**
 * The one suppression module (analysis/suppression.ts): primary "<5", and complementary
 * suppression until no margin gives a hidden cell back (hand-worked tables).
 */
import { describe, expect, it } from 'vitest';
import {
  findMarginDisclosures,
  formatCount,
  protectCells,
  type Margin,
} from '../../src/lib/analysis/suppression';

const row = (n: number): Margin => ({
  totals: [0],
  parts: Array.from({ length: n }, (_, i) => i + 1),
});

describe('formatCount', () => {
  it('hides 1–4, shows 0 and the rest in Dutch', () => {
    expect([0, 1, 4, 5, 1234].map((n) => formatCount(n))).toEqual(['0', '<5', '<5', '5', '1.234']);
    expect(() => formatCount(-1)).toThrow(RangeError);
  });
});

describe('protectCells', () => {
  it('hides the smallest other cell of a row with one "<5" (total 24 = 3 + 6 + 7 + 8)', () => {
    expect(protectCells([24, 3, 6, 7, 8], [row(4)])).toEqual([
      'shown',
      'small',
      'complement',
      'shown',
      'shown',
    ]);
  });
  it('does not stop at two when they still pin each other down (2 = 1 + 1)', () => {
    const states = protectCells([12, 1, 1, 10], [row(3)]);
    expect(states).toEqual(['shown', 'small', 'small', 'complement']);
    const values = [12, 1, 1, 10];
    expect(findMarginDisclosures(values, states, [row(3)])).toEqual([]);
  });
  it('takes a third cell when "<5" beside a hidden 5 gives 1 back (6 = 1 + 5)', () => {
    const values = [26, 1, 5, 20];
    const found = findMarginDisclosures(
      values,
      ['shown', 'small', 'complement', 'shown'],
      [row(3)],
    );
    expect(found.map((d) => d.cell)).toEqual([1, 2]);
    expect(protectCells(values, [row(3)])).toEqual(['shown', 'small', 'complement', 'complement']);
  });
  it('never hides a zero as a complement; the total goes instead', () => {
    // 8 = 4 + 4 + 0: both "<5" are 4; the zero would protect nothing.
    expect(protectCells([8, 4, 4, 0], [row(3)])).toEqual(['complement', 'small', 'small', 'shown']);
  });
  it('protects a cell that is a part in one margin and a total in another', () => {
    // Row: 20 = a + 14, where a = 1 + 5 in a second table (hours within a dagdeel).
    const values = [20, 6, 14, 1, 5];
    const margins = [
      { totals: [0], parts: [1, 2] },
      { totals: [1], parts: [3, 4] },
    ];
    const states = protectCells(values, margins);
    expect(states[3]).toBe('small');
    expect(findMarginDisclosures(values, states, margins)).toEqual([]);
  });
  it('treats weights as known to their rounding (46,0 − shown weekdays = 3)', () => {
    const values = [46, 3, 6, 7, 8, 9, 6, 7];
    const states = protectCells(values, [row(7)], { rounding: 0.05 });
    expect(states.filter((s) => s === 'complement')).toHaveLength(1);
    expect(states[2]).toBe('complement');
  });
});
