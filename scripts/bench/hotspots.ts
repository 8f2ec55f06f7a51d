/**
 * Gi* with FDR classes over 10,000 hexagon cells (2-ring neighbourhoods, neighbour index
 * built each run), in Node — the same pure TypeScript module the browser runs.
 */
import { createGiStarBenchmark } from '../../src/lib/analysis/gistar';
import { summarise, type Figure } from './report';

export function benchGiStar(runs: number): Figure[] {
  const bench = createGiStarBenchmark({ cells: 10_000, rings: 2, seed: 7 });
  for (let i = 0; i < 5; i++) bench.run(); // warm up the JIT, as a page that computed before
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    bench.run();
    samples.push(performance.now() - started);
  }
  return [
    summarise('hotspots.gistar_10k_ms', samples, 'ms', {
      cells: bench.counts.length,
      neighbourhood: '2 rings',
      engine: `node ${process.version}`,
      includes: 'neighbour index, Gi*, p-values, BH-FDR classes',
      target: 100,
    }),
  ];
}

/**
 * Permutation inference (issue 23): `hotspots.gistar_perm_10k_ms` — 999 permutations over
 * 10,000 cells (1 ring, the app's default neighbourhood; 2 rings as a condition), p-values,
 * floor and BH classes; and `hotspots.false_alarm_share_1000` — the share of maps of 1,000
 * spatially random records in Donderdeel (150 m, 1 ring, default permutations) with any
 * cell at 95 % or more (the legend promises at most 0.05 on such maps).
 */
export async function benchGiStarPermutation(runs: number): Promise<Figure[]> {
  const { computePermutationHotspots } = await import('../../src/lib/analysis/gistar-permutation');
  const { buildHexNeighbourIndex } = await import('../../src/lib/analysis/gistar');
  const { ringOffsets } = await import('../../src/lib/analysis/hex-grid');
  const bench = createGiStarBenchmark({ cells: 10_000, rings: 1, seed: 7 });
  const timed = (rings: number) => {
    const index = buildHexNeighbourIndex(bench.q, bench.r, ringOffsets(rings));
    const run = () => computePermutationHotspots(bench.counts, index, { permutations: 999 });
    for (let i = 0; i < 3; i++) run();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      run();
      samples.push(performance.now() - started);
    }
    return samples;
  };
  const twoRings = timed(2);
  return [
    summarise('hotspots.gistar_perm_10k_ms', timed(1), 'ms', {
      cells: bench.counts.length,
      permutations: 999,
      neighbourhood: '1 ring',
      two_rings_median_ms: Math.round(twoRings.sort((a, b) => a - b)[twoRings.length >> 1]),
      engine: `node ${process.version}`,
      includes: 'Gi*, permutation p-values, floor, BH-FDR classes (neighbour index prebuilt)',
      target: 300,
    }),
    await benchFalseAlarmShare(Number(process.env.BENCH_FALSE_ALARM_RUNS ?? 200)),
  ];
}

async function benchFalseAlarmShare(runs: number): Promise<Figure> {
  const { buildHexStudy, computeHotspotStudy } =
    await import('../../src/lib/analysis/hotspot-study');
  const { createRandom } = await import('../../src/lib/analysis/random');
  const { createRandomCells, readDonderdeel } = await import('../../tests/helpers/random-points');
  const area = readDonderdeel();
  const study = buildHexStudy([area], 150, { rings: 1 });
  const sample = createRandomCells(area, 150);
  const rng = createRandom(1000);
  let flagged = 0;
  for (let run = 0; run < runs; run++) {
    const result = computeHotspotStudy(study, sample(1000, rng));
    if (result.cells.some((c) => c.confidence >= 2)) flagged++;
  }
  const share = flagged / runs;
  return {
    metric: 'hotspots.false_alarm_share_1000',
    value: share,
    unit: 'share of maps',
    runs,
    standard_error: Math.round(Math.sqrt((share * (1 - share)) / runs) * 1e4) / 1e4,
    cells: study.q.length,
    target: 0.05,
  };
}
