/**
 * Risk score per building: hand-computed cases. A signal of weight w at distance d and age
 * a adds w · 0.5^(d / halfDistance) · 0.5^(a / halfLife) (× partner factor); the score is
 * the sum, so the explanation (the parts) adds up to it exactly.
 */
import { describe, expect, it } from 'vitest';
import {
  computeRiskScores,
  explainRisk,
  DEFAULT_RISK_SETTINGS,
  pointsByType,
  rankByScore,
  toSignalColumns,
  type RiskSettings,
} from '../../src/lib/analysis/risk-score';
import { createRiskBenchmarkData } from '../../src/lib/analysis/risk-benchmark';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 9, 31);
const settings: RiskSettings = {
  radiusM: 500,
  periodDays: 365,
  halfDistanceM: 250,
  halfLifeDays: 180,
  weights: { ondermijning: 3, drugsafval: 5, dumping: 2, voertuigen: 3, geur: 4 },
  partnerFactor: 1.5,
};

describe('computeRiskScores', () => {
  it('weights, halves per 250 m and per 180 days, and multiplies partner signals', () => {
    const signals = toSignalColumns([
      { x: 0, y: 0, time: NOW, type: 'drugsafval', partner: false }, // 5
      { x: 250, y: 0, time: NOW, type: 'dumping', partner: false }, // 2 · ½ = 1
      { x: 0, y: 0, time: NOW - 180 * DAY, type: 'voertuigen', partner: true }, // 3 · 1.5 · ½ = 2.25
      { x: 0, y: 600, time: NOW, type: 'geur', partner: false }, // outside radius
      { x: 0, y: 0, time: NOW - 400 * DAY, type: 'geur', partner: false }, // outside period
      { x: 0, y: 0, time: NOW + DAY, type: 'geur', partner: false }, // after the reference
    ]);
    const [risk] = computeRiskScores([{ x: 0, y: 0 }], signals, settings, NOW);
    expect(risk.score).toBeCloseTo(5 + 1 + 2.25, 10);
    expect(risk.signals).toBe(3);
    const parts = explainRisk({ x: 0, y: 0 }, signals, settings, NOW);
    expect(parts.map((c) => c.signal)).toEqual([0, 2, 1]);
    expect(parts.map((c) => c.points)).toEqual([
      5,
      expect.closeTo(2.25, 10),
      expect.closeTo(1, 10),
    ]);
    expect(parts[1].ageDays).toBeCloseTo(180, 10);
    expect(parts[2].distanceM).toBeCloseTo(250, 10);
    const byType = pointsByType(parts, signals);
    expect(byType.drugsafval).toEqual({ count: 1, points: 5 });
    expect(byType.geur).toEqual({ count: 0, points: 0 });
  });

  it('switching age decay off makes old signals count in full', () => {
    const signals = toSignalColumns([
      { x: 0, y: 0, time: NOW - 360 * DAY, type: 'ondermijning', partner: false },
    ]);
    const decayed = computeRiskScores([{ x: 0, y: 0 }], signals, settings, NOW)[0].score;
    const flat = computeRiskScores(
      [{ x: 0, y: 0 }],
      signals,
      { ...settings, halfLifeDays: Infinity },
      NOW,
    )[0].score;
    expect(decayed).toBeCloseTo(0.75, 10); // 3 · 0.5²
    expect(flat).toBe(3);
  });

  it('a weight of zero removes a signal type from every score', () => {
    const signals = toSignalColumns([{ x: 10, y: 0, time: NOW, type: 'dumping', partner: false }]);
    const [risk] = computeRiskScores(
      [{ x: 0, y: 0 }],
      signals,
      { ...settings, weights: { ...settings.weights, dumping: 0 } },
      NOW,
    );
    expect(risk).toMatchObject({ score: 0, signals: 0 });
    expect(
      explainRisk(
        { x: 0, y: 0 },
        signals,
        { ...settings, weights: { ...settings.weights, dumping: 0 } },
        NOW,
      ),
    ).toEqual([]);
  });

  it('raising a weight moves buildings with that signal type up the ranking', () => {
    // Building 0 has two dumping signals, building 1 one drugs-waste signal (5 > 2 + 2).
    const signals = toSignalColumns([
      { x: 0, y: 0, time: NOW, type: 'dumping', partner: false },
      { x: 0, y: 0, time: NOW, type: 'dumping', partner: false },
      { x: 5000, y: 0, time: NOW, type: 'drugsafval', partner: false },
    ]);
    const buildings = [
      { x: 0, y: 0 },
      { x: 5000, y: 0 },
    ];
    expect(rankByScore(computeRiskScores(buildings, signals, settings, NOW))).toEqual([1, 0]);
    const raised = { ...settings, weights: { ...settings.weights, dumping: 3 } };
    expect(rankByScore(computeRiskScores(buildings, signals, raised, NOW))).toEqual([0, 1]);
  });

  it('the grid finds exactly the signals a brute-force search finds; parts sum to the score', () => {
    const data = createRiskBenchmarkData(200, 20_000, 10_000, 3);
    const risks = computeRiskScores(
      data.buildings,
      data.signals,
      DEFAULT_RISK_SETTINGS,
      data.referenceTime,
    );
    const earliest = data.referenceTime - DEFAULT_RISK_SETTINGS.periodDays * DAY;
    data.buildings.forEach((b, k) => {
      const expected: number[] = [];
      for (let i = 0; i < data.signals.length; i++) {
        const d = Math.hypot(data.signals.x[i] - b.x, data.signals.y[i] - b.y);
        const t = data.signals.time[i];
        if (d <= 500 && t >= earliest && t <= data.referenceTime) expected.push(i);
      }
      const parts = explainRisk(b, data.signals, DEFAULT_RISK_SETTINGS, data.referenceTime);
      expect(parts.map((c) => c.signal).sort((a, b) => a - b)).toEqual(expected);
      expect(risks[k].signals).toBe(expected.length);
      const sum = parts.reduce((s, c) => s + c.points, 0);
      expect(sum).toBeCloseTo(risks[k].score, 9);
    });
  });
});
