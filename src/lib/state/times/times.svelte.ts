/**
 * The Tijden view's model: the filtered records' aoristic summary (analysis/aoristic.ts) —
 * hour × weekday matrix, dagdelen and month × year seasonality — read from the analysis facts
 * (data/facts-hot-times.ts: exact records per hour, windows already summed per hour in
 * DuckDB). Recomputed when the shared filter or the view's settings change; the newest
 * request wins when the user clicks faster than the query returns.
 */
import { tick } from 'svelte';
import type { AoristicSummary, Dagdeel } from '$lib/analysis/aoristic';
import type { Connector } from '$lib/data/connector';
import type { RecordFilter } from '$lib/data/queries/record-filter';
import { withFacts } from '$lib/data/analysis-facts';
import { queryFactsHotTimes } from '$lib/data/facts-hot-times';
import type { RecordTable } from '$lib/data/schema';
import { Latest, measureSince, type ReadinessBegin } from '../shared/latest';

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
  /** A URL change that leaves the request equal does not recompute. */
  readonly #latest: Latest;

  constructor(readiness: ReadinessBegin) {
    this.#latest = new Latest(readiness);
  }

  compute(conn: Connector, request: TimesRequest, dataVersion = 0): Promise<void> {
    return this.#latest.run(
      [request, dataVersion],
      async (current) => {
        const started = performance.now();
        const summary = await withFacts(conn, dataVersion, () => queryFactsHotTimes(conn, request));
        if (!current()) return;
        const queried = performance.now();
        this.summary = summary;
        this.computedWith = request;
        this.error = null;
        await tick();
        // For the benchmark's breakdown (scripts/bench/times.ts).
        measureSince('times.draw', measureSince('times.query', started, queried));
      },
      (message) => (this.error = message),
    );
  }
}
