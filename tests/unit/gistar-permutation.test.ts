/**
 * Conditional-permutation p-values for Gi* (gistar-permutation.ts) against:
 * - a brute-force count over the same permutation table, cell by cell (the shared-table
 *   counting must give identical counts);
 * - the exact permutation distribution of a small grid, enumerated over all neighbour
 *   subsets (Monte Carlo error within 4 standard errors);
 * - the floor: one record cannot make a hot spot, three in one neighbourhood can;
 * - the pooled space-time null (emerging hot spots): a brute-force count over the pooled
 *   table, and a cell's p-value in one period unchanged when another area changes in it.
 * The Gi* statistic itself keeps its published reference tests (gistar.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildHexNeighbourIndex, buildNeighbourIndex } from '../../src/lib/analysis/gistar';
import {
  cannotReachSignificance,
  computePermutationHotspots,
  computePermutationPValues,
  computePooledPermutationPValues,
  defaultPermutations,
  drawSubsets,
} from '../../src/lib/analysis/gistar-permutation';
import { ringOffsets } from '../../src/lib/analysis/hex-grid';
import { createRandom } from '../../src/lib/analysis/random';
import { hexPatch } from '../helpers/hex-patch';

describe('pooled space-time permutation p-values', () => {
  it('count each period against the values of all periods pooled', () => {
    const { q, r } = hexPatch(8, 7);
    const index = buildHexNeighbourIndex(q, r, ringOffsets(1));
    const n = q.length;
    const rng = createRandom(31);
    const periods = [0.4, 1.5, 0.8].map((rate) => Float64Array.from(q, () => rng.poisson(rate)));
    const permutations = 499;
    const results = computePooledPermutationPValues(periods, index, { permutations, seed: 3 });
    const pool = periods.flatMap((v) => Array.from(v));
    const total = pool.reduce((a, b) => a + b, 0);
    const table = drawSubsets(permutations, 7, pool.length, 3);
    periods.forEach((values, t) => {
      for (let i = 0; i < n; i++) {
        const cells = Array.from(index.neighbours.subarray(index.offsets[i], index.offsets[i + 1]));
        const w = cells.length;
        const sum = cells.reduce((a, j) => a + values[j], 0);
        const mean = (w * total) / pool.length;
        const threshold = Math.abs(sum - mean) - 1e-9 * (1 + Math.abs(sum) + Math.abs(mean));
        let g = 0;
        for (let row = 0; row < permutations; row++) {
          let s = 0;
          for (let c = 0; c < w; c++) s += pool[table[row * 7 + c]];
          if (Math.abs(s - mean) >= threshold) g++;
        }
        expect(results[t].p[i], `period ${t} cell ${i}`).toBe(Math.min(1, (g + 1) / 500));
        expect(results[t].direction[i]).toBe(Math.sign(sum - mean));
      }
    });
  });

  it('sum a space-time neighbourhood of one time step back (timeSteps 1)', () => {
    const { q, r } = hexPatch(7, 6);
    const index = buildHexNeighbourIndex(q, r, ringOffsets(1));
    const n = q.length;
    const rng = createRandom(77);
    const periods = [0.6, 1.2, 0.9].map((rate) => Float64Array.from(q, () => rng.poisson(rate)));
    const permutations = 399;
    const results = computePooledPermutationPValues(periods, index, {
      permutations,
      seed: 5,
      timeSteps: 1,
    });
    const pool = periods.flatMap((v) => Array.from(v));
    const total = pool.reduce((a, b) => a + b, 0);
    // Widest neighbourhood: 7 cells × 2 periods.
    const table = drawSubsets(permutations, 14, pool.length, 5);
    periods.forEach((_, t) => {
      for (let i = 0; i < n; i++) {
        const cells = Array.from(index.neighbours.subarray(index.offsets[i], index.offsets[i + 1]));
        const bins = (t === 0 ? [0] : [t - 1, t]).flatMap((s) => cells.map((j) => s * n + j));
        const w = bins.length;
        const sum = bins.reduce((a, k) => a + pool[k], 0);
        const mean = (w * total) / pool.length;
        const threshold = Math.abs(sum - mean) - 1e-9 * (1 + Math.abs(sum) + Math.abs(mean));
        let g = 0;
        for (let row = 0; row < permutations; row++) {
          let s = 0;
          for (let c = 0; c < w; c++) s += pool[table[row * 14 + c]];
          if (Math.abs(s - mean) >= threshold) g++;
        }
        expect(results[t].p[i], `period ${t} cell ${i}`).toBe(Math.min(1, (g + 1) / 400));
        expect(results[t].direction[i]).toBe(Math.sign(sum - mean));
      }
    });
  });

  it('with one period equal the single-map p-values', () => {
    const { q, r } = hexPatch(9, 9);
    const index = buildHexNeighbourIndex(q, r, ringOffsets(1));
    const rng = createRandom(8);
    const values = Float64Array.from(q, () => rng.poisson(0.7));
    const single = computePermutationPValues(values, index, { permutations: 999, seed: 4 });
    const [pooled] = computePooledPermutationPValues([values], index, {
      permutations: 999,
      seed: 4,
    });
    expect(Array.from(pooled.p)).toEqual(Array.from(single.p));
    expect(Array.from(pooled.direction)).toEqual(Array.from(single.direction));
  });
});

describe('permutation p-values', () => {
  it('equal a brute-force count over the same permutations, edge cells and ties included', () => {
    const { q, r } = hexPatch(12, 11);
    const index = buildHexNeighbourIndex(q, r, ringOffsets(1));
    const rng = createRandom(23);
    // Sparse counts (many ties) and some fractional edge rates.
    const values = Float64Array.from(q, (_, i) => rng.poisson(0.6) / (i % 13 === 0 ? 0.7 : 1));
    const permutations = 999;
    const result = computePermutationPValues(values, index, { permutations, seed: 5 });
    const n = q.length;
    const width = 7;
    const table = drawSubsets(permutations, width, n, 5);
    const total = values.reduce((a, b) => a + b, 0);
    for (let i = 0; i < n; i++) {
      const cells = Array.from(index.neighbours.subarray(index.offsets[i], index.offsets[i + 1]));
      const w = cells.length;
      const sum = cells.reduce((a, j) => a + values[j], 0);
      const mean = (w * total) / n;
      const t = Math.abs(sum - mean) - 1e-9 * (1 + Math.abs(sum) + Math.abs(mean));
      let g = 0;
      for (let row = 0; row < permutations; row++) {
        let s = 0;
        for (let c = 0; c < w; c++) s += values[table[row * width + c]];
        if (Math.abs(s - mean) >= t) g++;
      }
      expect(result.p[i], `cell ${i}`).toBe(Math.min(1, (g + 1) / (permutations + 1)));
      expect(result.direction[i]).toBe(Math.sign(sum - mean));
    }
  });

  it('approach the exact permutation distribution of a small grid', () => {
    // 9 cells, neighbourhoods of 3 (itself and the next two): all C(9, 3) = 84 subsets.
    const values = [0, 1, 0, 3, 0, 0, 2, 0, 1];
    const lists = values.map((_, i) => [(i + 1) % 9, (i + 2) % 9]);
    const index = buildNeighbourIndex(lists);
    const permutations = 99_999;
    const result = computePermutationPValues(values, index, { permutations, seed: 11 });
    const total = values.reduce((a, b) => a + b, 0);
    const mean = (3 * total) / 9;
    for (let i = 0; i < 9; i++) {
      const observed = Math.abs(values[i] + lists[i].reduce((a, j) => a + values[j], 0) - mean);
      let extreme = 0;
      let all = 0;
      for (let a = 0; a < 9; a++) {
        for (let b = a + 1; b < 9; b++) {
          for (let c = b + 1; c < 9; c++) {
            all++;
            if (Math.abs(values[a] + values[b] + values[c] - mean) >= observed - 1e-12) extreme++;
          }
        }
      }
      const exact = extreme / all;
      const se = Math.sqrt((exact * (1 - exact)) / permutations) + 1e-5;
      expect(Math.abs(result.p[i] - exact), `cell ${i}`).toBeLessThan(4 * se);
    }
  });

  it('give every cell of a 1,000-cell map a resolution that lets one cell pass BH at 95 %', () => {
    expect(defaultPermutations(40)).toBe(999);
    expect(1 / (defaultPermutations(1000) + 1)).toBeLessThanOrEqual(0.05 / 1000);
  });
});

describe('the floor: too few records for any significant cell', () => {
  const { q, r } = hexPatch(30, 30);
  const index = buildHexNeighbourIndex(q, r, ringOffsets(1));
  const at = (col: number, row: number) => row * 30 + col;

  it('holds for one record or none, and the map then shows no classes', () => {
    const values = new Float64Array(900);
    expect(cannotReachSignificance(values, index, 0.1)).toBe(true);
    values[at(10, 10)] = 1;
    expect(cannotReachSignificance(values, index, 0.1)).toBe(true);
    const result = computePermutationHotspots(values, index);
    expect(result.tooFew).toBe(true);
    expect(result.confidence.every((c) => c === 0)).toBe(true);
  });

  it('does not hold for three records in one neighbourhood, and those are found', () => {
    const values = new Float64Array(900);
    values[at(10, 10)] = 1;
    values[at(11, 10)] = 1;
    values[at(10, 11)] = 1;
    expect(cannotReachSignificance(values, index, 0.1)).toBe(false);
    const result = computePermutationHotspots(values, index);
    expect(result.tooFew).toBe(false);
    expect(Math.max(...result.confidence)).toBeGreaterThanOrEqual(1);
  });
});

describe('planted clusters', () => {
  it('a lone busy cell among quiet ones is no cluster: its value could lie anywhere', () => {
    // The randomization null keeps the values and moves them: one extreme value lands in a
    // given neighbourhood with chance w/n whatever its size (7/1600 ≈ 0.004; with the
    // neighbourhood's one extra record ≈ 0.001), above what BH needs even if all 7 cells
    // around it passed together (0.05·7/1600). Gi* finds clusters of high values, not
    // single outliers.
    const { q, r } = hexPatch(40, 40);
    const index = buildHexNeighbourIndex(q, r, ringOffsets(1));
    const rng = createRandom(3);
    const values = Float64Array.from(q, () => rng.poisson(0.05));
    values[20 * 40 + 20] = 30;
    const result = computePermutationHotspots(values, index);
    expect(result.p[20 * 40 + 20]).toBeGreaterThan((0.05 * 7) / 1600);
    expect(result.confidence[20 * 40 + 20]).toBe(0);
  });

  it('is a 99 % hot spot on sparse counts, and nothing far from it is flagged', () => {
    const { q, r } = hexPatch(40, 40);
    const index = buildHexNeighbourIndex(q, r, ringOffsets(1));
    const rng = createRandom(7);
    const values = Float64Array.from(q, () => rng.poisson(0.2));
    const centre = 20 * 40 + 20;
    for (let at = index.offsets[centre]; at < index.offsets[centre + 1]; at++) {
      values[index.neighbours[at]] += 4;
    }
    const result = computePermutationHotspots(values, index);
    expect(result.confidence[centre]).toBe(3);
    const flagged = [...result.confidence.keys()].filter((i) => result.confidence[i] !== 0);
    for (const i of flagged) {
      expect(Math.abs(Math.floor(i / 40) - 20) + Math.abs((i % 40) - 20)).toBeLessThanOrEqual(4);
    }
  });
});
