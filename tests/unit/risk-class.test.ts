/**
 * Risk classes of the Buitengebied map and list: fixed score bounds (hoog ≥ 15, middel ≥ 5,
 * laag > 0, geen = 0), the legend that states them in Dutch with how many buildings each
 * class holds, and which ranks get a number on the map.
 */
import { describe, expect, it } from 'vitest';
import {
  buildRiskLegend,
  classifyRisk,
  describeRiskClass,
  labelledRanks,
  RISK_CLASS_BOUNDS,
} from '../../src/lib/analysis/risk-class';

describe('classifyRisk', () => {
  it('puts each bound in the higher class and everything above 0 in laag', () => {
    expect(classifyRisk(36.78)).toBe('hoog');
    expect(classifyRisk(15)).toBe('hoog');
    expect(classifyRisk(14.999)).toBe('middel');
    expect(classifyRisk(5)).toBe('middel');
    expect(classifyRisk(4.99)).toBe('laag');
    expect(classifyRisk(0.001)).toBe('laag');
  });

  it('calls a score of 0 (or no score) geen', () => {
    expect(classifyRisk(0)).toBe('geen');
    expect(classifyRisk(Number.NaN)).toBe('geen');
    expect(classifyRisk(-1)).toBe('geen');
  });
});

describe('buildRiskLegend', () => {
  it('lists the classes highest first with their bounds in Dutch and their counts', () => {
    const legend = buildRiskLegend([36.8, 7.3, 6.6, 5, 4.4, 0.8, 0]);
    expect(legend.map((e) => [e.cls, e.label, e.count])).toEqual([
      ['hoog', 'Hoog', 1],
      ['middel', 'Middel', 3],
      ['laag', 'Laag', 2],
      ['geen', 'Geen signalen', 1],
    ]);
    expect(legend.map((e) => e.bounds)).toEqual([
      'score 15 of hoger',
      'score 5 tot 15',
      'score boven 0, onder 5',
      'score 0',
    ]);
  });

  it('states the same bounds the classification uses', () => {
    const { hoog, middel } = RISK_CLASS_BOUNDS;
    expect(describeRiskClass('hoog')).toContain(String(hoog));
    expect(classifyRisk(hoog)).toBe('hoog');
    expect(describeRiskClass('middel')).toBe(`score ${middel} tot ${hoog}`);
    expect(classifyRisk(middel)).toBe('middel');
  });

  it('counts nothing for no buildings', () => {
    expect(buildRiskLegend([]).every((e) => e.count === 0)).toBe(true);
  });
});

describe('labelledRanks', () => {
  it('numbers the best-ranked shown buildings, whatever their order', () => {
    expect(labelledRanks([17, 1, 3, 14, 21], 3)).toEqual([1, 3, 14]);
    expect(labelledRanks([4, 2], 10)).toEqual([2, 4]);
    expect(labelledRanks([4, 2], 0)).toEqual([]);
  });
});
