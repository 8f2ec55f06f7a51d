/**
 * Benchmark figures, one JSON object per line:
 * {"metric": "...", "value": N, "unit": "ms", "runs": n, "median": .., "p95": .., ...}
 * `value` is the median; conditions (rows, engine, machine) travel as extra fields.
 */
export interface Figure {
  metric: string;
  value: number;
  unit: string;
  [condition: string]: unknown;
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

const round = (v: number) => Math.round(v * 10) / 10;

export function summarise(
  metric: string,
  samples: readonly number[],
  unit: string,
  conditions: Record<string, unknown> = {},
): Figure {
  return {
    metric,
    value: round(quantile(samples, 0.5)),
    unit,
    runs: samples.length,
    median: round(quantile(samples, 0.5)),
    p95: round(quantile(samples, 0.95)),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
    ...conditions,
  };
}

export function printFigure(figure: Figure): void {
  process.stdout.write(JSON.stringify(figure) + '\n');
}

/**
 * Between a result on screen and the next click, the filter benchmarks wait as a user
 * would look at it (far below a person's reaction time): the work that follows a drawn
 * result (the URL update, garbage collection) belongs to that click, not to the next one.
 */
export const PAUSE_BETWEEN_CLICKS_MS = 300;
