/**
 * Synthetic buildings and signals for the risk-score benchmark (buitengebied.risk_ms) and
 * the grid-versus-brute-force test: uniform in a square, three years of signals. Exports
 * what the benchmark page needs, so one bundle carries the generator and the scorer.
 */
import { createRandom } from './random';
import { SIGNAL_TYPES, type PlanePoint, type SignalColumns } from './risk-score';

export { computeRiskScores, DEFAULT_RISK_SETTINGS } from './risk-score';

/** Random but reproducible data for benchmarks: n buildings and m signals in a square. */
export function createRiskBenchmarkData(
  buildings: number,
  signals: number,
  sideM = 30_000,
  seed = 7,
): { buildings: PlanePoint[]; signals: SignalColumns; referenceTime: number } {
  const rng = createRandom(seed);
  const random = () => rng.next();
  const referenceTime = Date.UTC(2026, 9, 31);
  const points = Array.from({ length: buildings }, () => ({
    x: 200_000 + random() * sideM,
    y: 440_000 + random() * sideM,
  }));
  const columns: SignalColumns = {
    length: signals,
    x: new Float64Array(signals),
    y: new Float64Array(signals),
    time: new Float64Array(signals),
    type: new Uint8Array(signals),
    partner: new Uint8Array(signals),
  };
  for (let i = 0; i < signals; i++) {
    columns.x[i] = 200_000 + random() * sideM;
    columns.y[i] = 440_000 + random() * sideM;
    columns.time[i] = referenceTime - random() * 3 * 365 * 86_400_000;
    columns.type[i] = Math.floor(random() * SIGNAL_TYPES.length);
    columns.partner[i] = random() < 0.2 ? 1 : 0;
  }
  return { buildings: points, signals: columns, referenceTime };
}
