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
