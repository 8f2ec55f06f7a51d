/**
 * The count column (issue 22, item 4) in the mapping: proposed by its exact names,
 * 'zeker' only when the values are counts, never taken from a column that counts
 * something else (`aantal_slachtoffers`); files without one map as before.
 */
import { describe, expect, it } from 'vitest';
import { suggestColumnMapping } from '../../src/lib/data/import/column-mapping';
import { countSummary, judgeCountValues } from '../../src/lib/data/import/count-column';
import { parseProfile } from '../../src/lib/data/import/profiles';

const HEADER = ['VKL_NUMMER', 'JAAR_VKL', 'Soort ongeval', 'X_COORD', 'Y_COORD'];
const ROWS = [
  ['9100001', '2022', 'parkeren', '211987,51', '452145,50'],
  ['9100002', '2023', 'overig', '210221,16', '453263,86'],
];
/** Each column's values: the rows above plus `extra` columns (given as their values). */
function samples(extra: string[][]): string[][] {
  const rows = ROWS.map((row, i) => [...row, ...extra.map((column) => column[i])]);
  return rows[0].map((_, c) => rows.map((row) => row[c]));
}

function countOf(headers: string[], values: string[][]) {
  const all = suggestColumnMapping('incidents', [...HEADER, ...headers], samples(values));
  return all.find((s) => s.field === 'count');
}

describe('judgeCountValues', () => {
  it('is sure of whole numbers from 1, unsure of other numbers, and refuses text', () => {
    expect(judgeCountValues(['1', '3', '12', '2,0', '7.0'])).toBe('zeker');
    expect(judgeCountValues(['1', '0'])).toBe('waarschijnlijk');
    expect(judgeCountValues(['1', '1,5'])).toBe('waarschijnlijk');
    expect(judgeCountValues(['1', '1001'])).toBe('waarschijnlijk');
    expect(judgeCountValues(['1', 'twee'])).toBe('waarschijnlijk');
    expect(judgeCountValues(['ja', 'nee'])).toBeNull();
  });
});

describe('suggestColumnMapping and the count column', () => {
  it('proposes count, aantal, n and aantal_ongevallen, sure when the values are counts', () => {
    for (const name of ['count', 'Aantal', 'n', 'aantal_ongevallen', 'Frequentie']) {
      expect(countOf([name], [['3', '1']]), name).toEqual({
        field: 'count',
        column: name,
        confidence: 'zeker',
      });
    }
  });

  it('keeps a named column with other numbers, but only as likely', () => {
    expect(countOf(['aantal'], [['3', '0']])?.confidence).toBe('waarschijnlijk');
  });

  it('never takes a column that counts something else, or holds no numbers', () => {
    for (const name of ['aantal_slachtoffers', 'Aantal doden', 'aantal_voertuigen']) {
      expect(countOf([name], [['2', '1']])?.column, name).toBeNull();
    }
    expect(countOf(['n'], [['noord', 'zuid']])?.column).toBeNull();
  });

  it('leaves a file without a count column mapped as before', () => {
    const before = suggestColumnMapping('incidents', HEADER, samples([]));
    expect(before.find((s) => s.field === 'count')?.column).toBeNull();
    expect(before.filter((s) => s.column !== null).map((s) => [s.field, s.column])).toEqual([
      ['id', 'VKL_NUMMER'],
      ['occurred_from', 'JAAR_VKL'],
      ['category', 'Soort ongeval'],
      ['x', 'X_COORD'],
      ['y', 'Y_COORD'],
    ]);
  });
});

describe('the count column elsewhere', () => {
  it('travels in a mapping profile', () => {
    const profile = parseProfile({ kind: 'incidents', mapping: { count: 'aantal' } });
    expect(typeof profile === 'object' && profile.mapping.count).toBe('aantal');
  });

  it('is summed up in Dutch in the report', () => {
    const report = { rows: { accepted: 5085 }, records: 6137, countColumn: 'aantal' };
    expect(countSummary(report)).toBe('5.085 rijen → 6.137 registraties (kolom aantal)');
    expect(countSummary({ ...report, countColumn: null })).toBeNull();
  });
});
