/**
 * Mann-Kendall trend test and emerging hot spot patterns (emerging.ts) against:
 * - a small series with ties worked by hand (below);
 * - pyMannKendall's published test of `original_test` on the Bogra column of its
 *   "Monthly Rainfall.csv" (tests/fixtures/stats/pymannkendall-monthly-rainfall.csv);
 * - MannKendall.jl's published test on the series 1…100;
 * - hand-made period series for every Esri pattern.
 * Provenance: tests/fixtures/stats/README.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EMERGING_CATEGORIES,
  classifyEmerging,
  computeEmergingHotspots,
  mannKendall,
  type EmergingCategory,
} from '../../src/lib/analysis/emerging';
import { buildHexNeighbourIndex } from '../../src/lib/analysis/gistar';
import { computePooledPermutationPValues } from '../../src/lib/analysis/gistar-permutation';
import { ringOffsets } from '../../src/lib/analysis/hex-grid';
import { createRandom } from '../../src/lib/analysis/random';
import { hexPatch } from '../helpers/hex-patch';

describe('Mann-Kendall', () => {
  it('equals a hand-computed series with ties', () => {
    // x = 2, 1, 2, 4, 4, 3 (n = 6). S per first element k, summing sign(x_j − x_k), j > k:
    //   k=1 (2): −1, 0, +1, +1, +1 = +2     k=2 (1): +1, +1, +1, +1 = +4
    //   k=3 (2): +1, +1, +1 = +3            k=4 (4): 0, −1 = −1      k=5 (4): −1
    //   S = 2 + 4 + 3 − 1 − 1 = 7.
    // Ties: {2, 2} and {4, 4}: t = 2 each, t(t−1)(2t+5) = 18 each → 36.
    // Var(S) = (6·5·17 − 36)/18 = 474/18 = 26.333…; Z = (7 − 1)/√Var(S) = 1.169225644…
    const result = mannKendall([2, 1, 2, 4, 4, 3]);
    expect(result.s).toBe(7);
    expect(result.varS).toBeCloseTo(474 / 18, 12);
    expect(result.z).toBeCloseTo(6 / Math.sqrt(474 / 18), 12);
    // p = 2·(1 − Φ(1.1692256444309357)) = 0.24231273167227851 (scipy.stats.norm.sf).
    expect(result.p).toBeCloseTo(0.24231273167227851, 12);
    expect(result.tau).toBeCloseTo(7 / 15, 12);
  });

  it('reproduces pyMannKendall original_test on the Bogra monthly rainfall to 1e-6', () => {
    const csv = readFileSync(
      new URL('../fixtures/stats/pymannkendall-monthly-rainfall.csv', import.meta.url),
      'utf8',
    );
    const [header, ...lines] = csv.trim().split('\n');
    const column = header.split(',').indexOf('Bogra');
    // pyMannKendall drops missing months before testing (353 of 360 remain).
    const series = lines
      .map((line) => line.split(',')[column])
      .filter((cell) => cell !== '')
      .map(Number);
    expect(series).toHaveLength(353);
    const result = mannKendall(series);
    // Published values: mmhs013/pyMannKendall tests/test_pymannkendall.py, test_original_test.
    expect(result.s).toBe(-1959);
    expect(Math.abs(result.varS - 4889800.333333333)).toBeLessThan(1e-6);
    expect(Math.abs(result.z - -0.8854562842589916)).toBeLessThan(1e-6);
    expect(Math.abs(result.p - 0.37591058740506833)).toBeLessThan(1e-6);
    expect(Math.abs(result.tau - -0.03153167653875869)).toBeLessThan(1e-6);
  });

  it('reproduces MannKendall.jl on the series 1…100 (no ties)', () => {
    // mmhs013/MannKendall.jl test/runtests.jl: s = 4950, var_s = 112750, z = 14.73869998208331.
    const result = mannKendall(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(result.s).toBe(4950);
    expect(result.varS).toBe(112750);
    expect(Math.abs(result.z - 14.73869998208331)).toBeLessThan(1e-6);
    expect(result.tau).toBe(1);
  });

  it('reports no trend for a constant or too short series', () => {
    expect(mannKendall([3, 3, 3, 3])).toMatchObject({ s: 0, varS: 0, z: 0, p: 1 });
    expect(mannKendall([1])).toMatchObject({ s: 0, z: 0, p: 1 });
  });
});

describe('emerging hot spot patterns (hand-made series, 10 periods)', () => {
  const rising = Array.from({ length: 10 }, (_, t) => 2 + 0.3 * t);
  const falling = Array.from({ length: 10 }, (_, t) => 5 - 0.3 * t);
  const flat = [3, 2.5, 3.1, 2.4, 3, 2.6, 2.9, 2.7, 3.05, 2.8];
  const neutral = Array.from({ length: 10 }, () => 0.5);
  const negate = (values: number[]) => values.map((v) => -v);

  // [expected hot category, classes per period, z per period]
  const cases: [EmergingCategory, number[], number[]][] = [
    ['nieuw-hotspot', [0, 0, 0, 0, 0, 0, 0, 0, 0, 2], neutral],
    ['opeenvolgend-hotspot', [0, 0, 0, 0, 0, 0, 0, 1, 2, 3], neutral],
    ['intensiverend-hotspot', [1, 1, 1, 1, 1, 2, 2, 3, 3, 3], rising],
    ['aanhoudend-hotspot', [2, 2, 2, 1, 2, 2, 2, 2, 2, 2], flat],
    // 9 of 10 hot, including the last: still "90 percent".
    ['aanhoudend-hotspot', [2, 0, 2, 1, 2, 2, 2, 2, 2, 2], flat],
    ['afnemend-hotspot', [3, 3, 3, 3, 2, 2, 2, 1, 1, 1], falling],
    ['sporadisch-hotspot', [1, 0, 0, 2, 0, 0, 1, 0, 0, 1], neutral],
    // A final run of two, but hot before it: not consecutive.
    ['sporadisch-hotspot', [0, 1, 0, 0, 0, 0, 0, 0, 1, 1], neutral],
    ['oscillerend-hotspot', [-2, 0, 0, 0, 0, 0, 0, 0, 0, 1], neutral],
    ['oscillerend-hotspot', [0, 0, 1, -1, 0, 0, 0, 1, 1, 1], neutral],
    ['historisch-hotspot', [1, 1, 1, 1, 1, 1, 1, 1, 1, 0], flat],
    ['geen-patroon', [0, 1, 0, 1, 0, 0, 0, 0, 0, 0], neutral],
    ['geen-patroon', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], neutral],
  ];

  it.each(cases)('%s', (category, classes, z) => {
    expect(classifyEmerging(z, classes).category).toBe(category);
  });

  it.each(cases)('%s, mirrored to cold', (category, classes, z) => {
    const cold = category.replace('hotspot', 'coldspot');
    expect(classifyEmerging(negate(z), negate(classes)).category).toBe(cold);
  });

  it('uses the Mann-Kendall trend of the z-scores for intensifying and diminishing', () => {
    const hot = [1, 1, 1, 1, 1, 2, 2, 3, 3, 3];
    expect(classifyEmerging(rising, hot).trend.p).toBeLessThan(0.001);
    expect(classifyEmerging(flat, hot).trend.p).toBeGreaterThan(0.05);
    // Four rising periods: S = 6, Var(S) = 4·3·13/18, Z = 5/√8.667 = 1.70, p = 0.0895 —
    // a trend at the 10 % level, not at the default 5 %.
    const short = rising.slice(0, 4);
    expect(mannKendall(short).p).toBeCloseTo(0.0895, 3);
    expect(classifyEmerging(short, [1, 1, 1, 1]).category).toBe('aanhoudend-hotspot');
    expect(classifyEmerging(short, [1, 1, 1, 1], { trendAlpha: 0.1 }).category).toBe(
      'intensiverend-hotspot',
    );
  });

  it('counts only classes at or above the chosen confidence', () => {
    const classes = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    expect(classifyEmerging(neutral, classes).category).toBe('nieuw-hotspot');
    expect(classifyEmerging(neutral, classes, { minConfidence: 2 }).category).toBe('geen-patroon');
  });

  it('has a Dutch label and a one-sentence explanation for all 17 categories', () => {
    const entries = Object.entries(EMERGING_CATEGORIES);
    expect(entries).toHaveLength(17);
    expect(new Set(entries.map(([, v]) => v.label)).size).toBe(17);
    for (const [, { label, uitleg }] of entries) {
      expect(label.length).toBeGreaterThan(5);
      expect(uitleg).toMatch(/^[A-Z][^.]*\.$/); // one sentence
    }
    expect(EMERGING_CATEGORIES['nieuw-hotspot'].label).toBe('Nieuwe hotspot');
  });
});

describe('space-time neighbourhood of the emerging analysis', () => {
  it('counts the previous period: a bin after a hot period has a larger neighbourhood sum', () => {
    const { q, r } = hexPatch(12, 12);
    const index = buildHexNeighbourIndex(q, r, ringOffsets(1));
    const centre = 6 * 12 + 6;
    const cells = index.neighbours.subarray(index.offsets[centre], index.offsets[centre + 1]);
    const background = (t: number) => q.map((_, i) => (i % 5 === t % 5 ? 1 : 0));
    // The final period is the same in both cubes; only the period before it differs.
    const last = background(2);
    const quiet = background(1);
    const hot = quiet.slice();
    for (const j of cells) hot[j] += 3;
    const first = background(0);
    const options = { permutations: 1999, seed: 9, timeSteps: 1 };
    const afterQuiet = computePooledPermutationPValues([first, quiet, last], index, options);
    const afterHot = computePooledPermutationPValues([first, hot, last], index, options);
    // Period 2's own neighbourhood sum is the same; with the hot period 1 in its space-time
    // neighbourhood the sum is 7 × 3 = 21 records larger and the bin is significantly hot.
    expect(afterQuiet[2].p[centre]).toBeGreaterThan(0.05);
    expect(afterHot[2].direction[centre]).toBe(1);
    expect(afterHot[2].p[centre]).toBeLessThan(0.01);
    // Purely spatial (timeSteps 0), period 2 of both cubes is judged on its own sum alone.
    const spatial = { ...options, timeSteps: 0 };
    const a0 = computePooledPermutationPValues([first, quiet, last], index, spatial)[2].p[centre];
    const b0 = computePooledPermutationPValues([first, hot, last], index, spatial)[2].p[centre];
    expect(a0).toBeGreaterThan(0.05);
    expect(b0).toBeGreaterThan(0.05);
    // And the emerging analysis uses it by default: the cube after a hot period keeps the
    // centre hot in the final period.
    const cube = [first, hot, last];
    const result = computeEmergingHotspots(cube, index, { permutations: 1999 });
    expect(result.periods[2].confidence[centre]).toBeGreaterThan(0);
    const spatialResult = computeEmergingHotspots(cube, index, {
      permutations: 1999,
      timeSteps: 0,
    });
    expect(spatialResult.periods[2].confidence[centre]).toBe(0);
  });
});

describe('emerging hot spots on a grid', () => {
  it('finds a planted new hot spot and a planted persistent one', () => {
    const q: number[] = [];
    const r: number[] = [];
    for (let row = 0; row < 30; row++) {
      for (let col = 0; col < 30; col++) {
        q.push(col - Math.floor(row / 2));
        r.push(row);
      }
    }
    const index = buildHexNeighbourIndex(q, r, ringOffsets(1));
    const near = (i: number, centre: number) =>
      Math.max(
        Math.abs(q[i] - q[centre]),
        Math.abs(r[i] - r[centre]),
        Math.abs(q[i] - q[centre] + r[i] - r[centre]),
      ) <= 1;
    const newSpot = 8 * 30 + 8;
    const oldSpot = 20 * 30 + 20;
    const rng = createRandom(12);
    const periods = Array.from({ length: 10 }, (_, t) =>
      q.map((_, i) => {
        const rate = near(i, oldSpot) ? 9 : near(i, newSpot) && t === 9 ? 12 : 2;
        return rng.poisson(rate);
      }),
    );
    const result = computeEmergingHotspots(periods, index);
    expect(result.categories[newSpot]).toBe('nieuw-hotspot');
    expect(result.categories[oldSpot]).toBe('aanhoudend-hotspot');
    expect(result.periods).toHaveLength(10);
    // Nearly all background cells show no pattern.
    const none = result.categories.filter((c) => c === 'geen-patroon').length;
    expect(none / q.length).toBeGreaterThan(0.9);
  });
});
