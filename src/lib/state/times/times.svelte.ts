/**
 * The Tijden view's model: the filtered records' aoristic summary (analysis/aoristic.ts) —
 * hour × weekday matrix, dagdelen and month × year seasonality — read from the analysis facts
 * (data/facts-hot-times.ts: exact records per hour, windows already summed per hour in
 * DuckDB). Recomputed when the shared filter or the view's settings change; the newest
 * request wins when the user clicks faster than the query returns.
 */
import { errorText } from '$lib/data/engine-errors';
import { tick } from 'svelte';
import type { AoristicSummary, Dagdeel } from '$lib/analysis/aoristic';
import type { Connector } from '$lib/data/connector';
import type { RecordFilter } from '$lib/data/queries/record-filter';
import { withFacts } from '$lib/data/analysis-facts';
import { queryFactsHotTimes } from '$lib/data/facts-hot-times';
import type { RecordTable } from '$lib/data/schema';
import { readiness } from '../shared/readiness.svelte';

export interface TimesRequest {
  tables: readonly RecordTable[];
  filter: RecordFilter;
  maxWindowHours: number;
  dagdelen: readonly Dagdeel[];
}

export class TimesModel {
  summary = $state.raw<AoristicSummary | null>(null);
  error = $state<string | null>(null);
  /** The settings the current summary was computed with. */
  computedWith = $state.raw<TimesRequest | null>(null);
  #sequence = 0;
  /** The last request, as text: a URL change that leaves it equal does not recompute. */
  #lastKey = '';

  async compute(conn: Connector, request: TimesRequest, dataVersion = 0): Promise<void> {
    const key = JSON.stringify([request, dataVersion]);
    if (key === this.#lastKey && !this.error) return;
    this.#lastKey = key;
    const done = readiness.begin();
    const sequence = ++this.#sequence;
    const started = performance.now();
    try {
      const summary = await withFacts(conn, dataVersion, () => queryFactsHotTimes(conn, request));
      if (sequence !== this.#sequence) return;
      const queried = performance.now();
      this.summary = summary;
      this.computedWith = request;
      this.error = null;
      await tick();
      // For the benchmark's breakdown (scripts/bench/times.ts).
      performance.measure('times.query', { start: started, end: queried });
      performance.measure('times.draw', { start: queried, end: performance.now() });
    } catch (error) {
      this.#lastKey = '';
      if (sequence === this.#sequence) {
        this.error = errorText(error);
      }
    } finally {
      done();
    }
  }
}
