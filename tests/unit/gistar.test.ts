/**
 * Getis-Ord Gi*, normal p-values and Benjamini-Hochberg FDR (gistar.ts) against:
 * - a 7-hexagon example worked by hand (below);
 * - PySAL esda's published G_Local(star=True) test value (tests/fixtures/stats/
 *   pysal-esda-getisord.json), to 1e-6;
 * - an independent second implementation in this file, written straight from the formula in
 *   statistics.md with plain loops over a dense weight matrix, to 1e-9;
 * - SciPy's ndtr for the normal CDF (normal-cdf-scipy.json), to 1e-13 relative;
 * - the Benjamini & Hochberg (1995) worked example (bh-1995-example.json).
 * Provenance of every fixture: tests/fixtures/stats/README.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  buildHexNeighbourIndex,
  buildNeighbourIndex,
  classifyConfidence,
  computeGiStar,
  computeHotspots,
  createGiStarBenchmark,
  hexNeighbourhoodOffsets,
  normalCdf,
  twoSidedPValue,
  type HexNeighbourhood,
} from '../../src/lib/analysis/gistar';
import { cellCentre, ringOffsets } from '../../src/lib/analysis/hex-grid';
import { createRandom } from '../../src/lib/analysis/random';
import { hexPatch } from '../helpers/hex-patch';

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/stats/${name}`, import.meta.url), 'utf8')) as T;

/** Gi* straight from statistics.md: dense n×n weights, S from Σx²/n − X̄², no shortcuts. */
function referenceGiStar(x: readonly number[], w: readonly number[][]): number[] {
  const n = x.length;
  let sumX = 0;
  let sumX2 = 0;
  for (let j = 0; j < n; j++) {
    sumX += x[j];
    sumX2 += x[j] * x[j];
  }
  const xBar = sumX / n;
  const s = Math.sqrt(sumX2 / n - xBar * xBar);
  const z: number[] = [];
  for (let i = 0; i < n; i++) {
    let wx = 0;
    let sw = 0;
    let sw2 = 0;
    for (let j = 0; j < n; j++) {
      wx += w[i][j] * x[j];
      sw += w[i][j];
      sw2 += w[i][j] * w[i][j];
    }
    z.push((wx - xBar * sw) / (s * Math.sqrt((n * sw2 - sw * sw) / (n - 1))));
  }
  return z;
}

describe('normal distribution (Cody)', () => {
  it('matches SciPy ndtr to 1e-13 relative from −37.5 to 8', () => {
    const { points } = fixture<{ points: { x: number; cdf: number }[] }>('normal-cdf-scipy.json');
    for (const { x, cdf } of points) {
      expect(Math.abs(normalCdf(x) - cdf)).toBeLessThanOrEqual(1e-13 * cdf + 1e-300);
    }
  });

  it('gives the textbook two-sided p-values of the critical z-scores', () => {
    expect(twoSidedPValue(1.6448536269514722)).toBeCloseTo(0.1, 14);
    expect(twoSidedPValue(-1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedPValue(2.5758293035489004)).toBeCloseTo(0.01, 14);
    expect(twoSidedPValue(0)).toBe(1);
    // Far tails keep relative precision: 2Φ(−10) = 1.5239706048321e-23.
    expect(twoSidedPValue(10) / 1.523970604832105e-23).toBeCloseTo(1, 12);
  });
});

describe('Gi* on small grids', () => {
  // Seven hexagons: a centre C (6) and its ring, counter-clockwise from the east:
  //   E(1,0)=3  (1,-1)=0  (0,-1)=0  W(-1,0)=0  (-1,1)=0  (0,1)=5; one ring, w_ii = 1.
  // n = 7, Σx = 14, X̄ = 2, Σx² = 36 + 9 + 25 = 70, S = √(70/7 − 4) = √6.
  // A ring cell sees itself, C and its two ring neighbours: Σw = Σw² = 4, so the
  // denominator is √6·√((7·4 − 16)/6) = √6·√2 = 2√3 and Gi* = (Σ_nb x − 8) / (2√3):
  //   E:      3 + 6 + 0 + 5 = 14 → 6/(2√3) = √3
  //   (0,1):  5 + 6 + 3 + 0 = 14 → √3
  //   (1,-1): 0 + 6 + 3 + 0 =  9 → 1/(2√3)
  //   (0,-1): 0 + 6 + 0 + 0 =  6 → −2/(2√3) = −1/√3;  W: the same
  //   (-1,1): 0 + 6 + 0 + 5 = 11 → 3/(2√3) = √3/2
  // C sees all 7 cells: n·Σw − (Σw)² = 0, Gi* is undefined and reported as 0.
  const q = [0, 1, 1, 0, -1, -1, 0];
  const r = [0, 0, -1, -1, 0, 1, 1];
  const x = [6, 3, 0, 0, 0, 0, 5];
  const byHand = [0, Math.sqrt(3), 1 / (2 * Math.sqrt(3)), -1 / Math.sqrt(3), -1 / Math.sqrt(3)];
  byHand.push(Math.sqrt(3) / 2, Math.sqrt(3));

  it('equals the hand-computed values on the 7-hexagon flower', () => {
    const z = computeGiStar(x, buildHexNeighbourIndex(q, r, ringOffsets(1)));
    for (let i = 0; i < 7; i++) expect(z[i]).toBeCloseTo(byHand[i], 12);
  });

  it('reproduces PySAL esda G_Local(star=True), binary distance band, to 1e-6', () => {
    const f = fixture<{
      points: [number, number][];
      y: number[];
      threshold: number;
      expected: { cell: number; z: number };
    }>('pysal-esda-getisord.json');
    const lists = f.points.map(([ax, ay]) =>
      f.points.flatMap(([bx, by], j) => (Math.hypot(ax - bx, ay - by) <= f.threshold ? [j] : [])),
    );
    const z = computeGiStar(f.y, buildNeighbourIndex(lists));
    expect(Math.abs(z[f.expected.cell] - f.expected.z)).toBeLessThan(1e-6);
    // By hand for cell 0: neighbours {0, 1, 3} → Σx = 10, X̄ = 4.7, S² = 161.24/6 − 4.7²,
    // Gi* = (10 − 14.1) / (S·√((6·3 − 9)/5)).
    const s = Math.sqrt(161.24 / 6 - 4.7 ** 2);
    expect(z[0]).toBeCloseTo(-4.1 / (s * Math.sqrt(9 / 5)), 12);
  });

  it('agrees with the dense-matrix implementation on random grids with empty cells', () => {
    const rng = createRandom(42);
    const size = 100;
    const neighbourhoods: HexNeighbourhood[] = [
      { rings: 1 },
      { rings: 2 },
      { distance: 350, size },
    ];
    for (const neighbourhood of neighbourhoods) {
      const { q, r } = hexPatch(13, 11);
      // A ragged study area: drop some cells, so edges and holes occur.
      const keep = q.map(() => rng.chance(0.85));
      const cq = q.filter((_, i) => keep[i]);
      const cr = r.filter((_, i) => keep[i]);
      const counts = cq.map(() => (rng.chance(0.4) ? 0 : rng.poisson(4))); // many zero cells
      const centres = cq.map((_, i) => cellCentre(cq[i], cr[i], size));
      const w = cq.map((_, i) =>
        cq.map((__, j) => {
          if ('rings' in neighbourhood) {
            const dq = cq[i] - cq[j];
            const dr = cr[i] - cr[j];
            return Math.max(Math.abs(dq), Math.abs(dr), Math.abs(dq + dr)) <= neighbourhood.rings
              ? 1
              : 0;
          }
          const d = Math.hypot(centres[i][0] - centres[j][0], centres[i][1] - centres[j][1]);
          return d <= neighbourhood.distance ? 1 : 0;
        }),
      );
      const expected = referenceGiStar(counts, w);
      const index = buildHexNeighbourIndex(cq, cr, hexNeighbourhoodOffsets(neighbourhood));
      const z = computeGiStar(counts, index);
      for (let i = 0; i < cq.length; i++) expect(Math.abs(z[i] - expected[i])).toBeLessThan(1e-9);
    }
  });

  it('finds a planted cluster as a 99% hot spot', () => {
    const { q, r } = hexPatch(40, 40);
    const rng = createRandom(3);
    const centre = 20 * 40 + 20;
    const counts = q.map((_, i) => {
      const dq = q[i] - q[centre];
      const dr = r[i] - r[centre];
      const near = Math.max(Math.abs(dq), Math.abs(dr), Math.abs(dq + dr)) <= 1;
      return rng.poisson(near ? 8 : 2);
    });
    const result = computeHotspots(counts, buildHexNeighbourIndex(q, r, ringOffsets(1)));
    expect(result.confidence[centre]).toBe(3);
    expect(result.z[centre]).toBeGreaterThan(4);
  });
});

describe('Benjamini-Hochberg FDR', () => {
  it('reproduces the Benjamini & Hochberg (1995) example: 4 of 15 at q = 0.05', () => {
    const f = fixture<{ pValues: number[]; significantFromScipy: Record<string, number> }>(
      'bh-1995-example.json',
    );
    expect(benjaminiHochberg(f.pValues, 0.05)).toEqual({ significant: 4, cutoff: 0.0095 });
    expect(benjaminiHochberg(f.pValues, 0.01).significant).toBe(f.significantFromScipy['0.01']);
    expect(benjaminiHochberg(f.pValues, 0.1).significant).toBe(f.significantFromScipy['0.1']);
    // Shuffled input gives the same cut-off.
    expect(benjaminiHochberg([...f.pValues].reverse(), 0.05).cutoff).toBe(0.0095);
  });

  it('steps up past a p-value that misses its own threshold', () => {
    // m = 4, q = 0.10: thresholds 0.025, 0.05, 0.075, 0.10. p(2) = 0.06 > 0.05, but
    // p(3) = 0.07 ≤ 0.075, so the three smallest are significant.
    expect(benjaminiHochberg([0.5, 0.07, 0.02, 0.06], 0.1)).toEqual({
      significant: 3,
      cutoff: 0.07,
    });
    // All pass when p(m) ≤ q: [0.01 … 0.05] at q = 0.05 (p(k) = k/100 ≤ k/5·0.05).
    expect(benjaminiHochberg([0.05, 0.04, 0.03, 0.02, 0.01], 0.05).significant).toBe(5);
    // None pass: p(1) = 0.02 > 0.05/3 and no later one passes either.
    expect(benjaminiHochberg([0.02, 0.04, 0.9], 0.05)).toEqual({
      significant: 0,
      cutoff: -Infinity,
    });
  });

  it('assigns ArcGIS-style confidence classes per FDR level, signed by z', () => {
    const { pValues } = fixture<{ pValues: number[] }>('bh-1995-example.json');
    const z = pValues.map((_, i) => (i % 2 === 0 ? 1 : -1));
    // q = 0.01 → 3 smallest, q = 0.05 → 4, q = 0.10 → 9.
    expect(Array.from(classifyConfidence(z, pValues, true))).toEqual([
      3, -3, 3, -2, 1, -1, 1, -1, 1, 0, 0, 0, 0, 0, 0,
    ]);
    // Without correction: p ≤ 0.01 / 0.05 / 0.10.
    expect(Array.from(classifyConfidence(z, pValues, false))).toEqual([
      3, -3, 3, -3, 2, -2, 2, -2, 2, 0, 0, 0, 0, 0, 0,
    ]);
  });
});

describe('spatially random data', () => {
  /** Runs the analysis on `repetitions` maps of place-independent values: every significant
   * cell is a false alarm. Counts cells and maps with any cell at 95 % or more. */
  function falseAlarms(
    columns: number,
    repetitions: number,
    draw: () => number,
  ): { shareFdr: number; shareRaw: number; mapsFdr: number; mapsRaw: number } {
    const { q, r } = hexPatch(columns, columns);
    const index = buildHexNeighbourIndex(q, r, ringOffsets(2));
    const values = new Float64Array(q.length);
    const totals = { shareFdr: 0, shareRaw: 0, mapsFdr: 0, mapsRaw: 0 };
    for (let rep = 0; rep < repetitions; rep++) {
      for (let i = 0; i < values.length; i++) values[i] = draw();
      const result = computeHotspots(values, index);
      const raw = classifyConfidence(result.z, result.p, false);
      let fdr = 0;
      let uncorrected = 0;
      for (let i = 0; i < values.length; i++) {
        if (Math.abs(result.confidence[i]) >= 2) fdr++;
        if (Math.abs(raw[i]) >= 2) uncorrected++;
      }
      totals.shareFdr += fdr / values.length / repetitions;
      totals.shareRaw += uncorrected / values.length / repetitions;
      totals.mapsFdr += (fdr > 0 ? 1 : 0) / repetitions;
      totals.mapsRaw += (uncorrected > 0 ? 1 : 0) / repetitions;
    }
    return totals;
  }

  it('keeps the share of falsely significant cells below 5 % after FDR, not without', () => {
    // 2,025 cells, 2-ring neighbourhoods, Poisson(2) counts, 200 maps.
    const rng = createRandom(1995);
    const result = falseAlarms(45, 200, () => rng.poisson(2));
    expect(result.shareFdr).toBeLessThanOrEqual(0.05);
    // Without correction about 5 % of all cells light up (two-sided α = 0.05) and every map
    // shows false hot or cold spots; FDR removes nearly all of them.
    expect(result.shareRaw).toBeGreaterThan(0.04);
    expect(result.shareRaw).toBeLessThan(0.06);
    expect(result.shareRaw).toBeGreaterThan(50 * result.shareFdr);
    expect(result.mapsRaw).toBeGreaterThan(0.95);
    // The share of maps with any false spot after FDR is the FDR itself here (all discoveries
    // are false). With sparse counts it runs a little above q: the normal approximation of
    // Gi* underestimates the far upper tail of skewed Poisson sums (0.06–0.095 over seeds
    // with Poisson(2); 0.16 with 1 ring; ≈0.05 for normal data, next test).
    expect(result.mapsFdr).toBeLessThan(0.12);
  });

  it('controls the false discovery rate at q = 0.05 where the normal approximation holds', () => {
    // Normal values, 900 cells, 400 maps: FDR = P(any discovery) ≤ 0.05, with a Monte-Carlo
    // tolerance of 2.5 standard errors (√(0.05·0.95/400) ≈ 0.011).
    const rng = createRandom(1995);
    const result = falseAlarms(30, 400, () => rng.normal());
    expect(result.mapsFdr).toBeLessThanOrEqual(0.05 + 0.027);
    expect(result.mapsRaw).toBeGreaterThan(0.95);
  });
});

describe('benchmark entry point', () => {
  it('runs the full analysis over 10,000 cells with 2-ring neighbourhoods', () => {
    const bench = createGiStarBenchmark({ cells: 10_000, rings: 2, seed: 1 });
    expect(bench.q).toHaveLength(10_000);
    const result = bench.run();
    expect(result.z).toHaveLength(10_000);
    expect(result.p.every((p) => p >= 0 && p <= 1)).toBe(true);
    // An interior cell has all 19 neighbourhood cells; its z matches a direct sum.
    const index = buildHexNeighbourIndex(bench.q, bench.r, ringOffsets(2));
    const interior = 50 * 100 + 50;
    expect(index.offsets[interior + 1] - index.offsets[interior]).toBe(19);
    expect(computeGiStar(bench.counts, index)[interior]).toBe(result.z[interior]);
  });
});
