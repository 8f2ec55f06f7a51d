/**
 * The Tijden view's model: the filtered records' times from DuckDB (exact ones counted per
 * hour, windows one by one, in one query on the analysis facts), spread over the hours by aoristic weighting
 * (analysis/aoristic.ts) into the hour × weekday matrix, the dagdeel breakdown and the
 * month × year seasonality — all from one pass. Recomputed when the shared filter or the view's settings change; the
 * newest request wins when the user clicks faster than the query returns.
 */
import { tick } from 'svelte';
import type { Table, Vector } from 'apache-arrow';
import { AoristicAccumulator, type AoristicSummary, type Dagdeel } from '$lib/analysis/aoristic';
import type { Connector } from '$lib/data/connector';
import type { RecordFilter } from '$lib/data/queries/record-filter';
import { ensureFacts } from '$lib/data/analysis-facts';
import { buildFactsHotTimeQuery } from '$lib/data/queries/facts';
import type { RecordTable } from '$lib/data/schema';
import { readiness } from './readiness.svelte';

export interface TimesRequest {
  tables: readonly RecordTable[];
  filter: RecordFilter;
  maxWindowHours: number;
  dagdelen: readonly Dagdeel[];
}

/**
 * Feeds the Arrow columns t_from, t_to, n (queries/hot-times.ts) into the accumulator chunk
 * by chunk: a NULL t_to is an hour count of exact records, otherwise n identical windows.
 */
function accumulate(table: Table, accumulator: AoristicAccumulator): void {
  const from = table.getChild('t_from') as Vector | null;
  const to = table.getChild('t_to') as Vector | null;
  const count = table.getChild('n') as Vector | null;
  if (!from || !to || !count) return;
  for (let c = 0; c < from.data.length; c++) {
    // Chunks of the columns line up: they come from the same record batches. Values are
    // sliced to the chunk, the validity bitmap is not (it is read at offset + i).
    const [f, t, k] = [from.data[c], to.data[c], count.data[c]];
    const fromValues = f.values as Float64Array;
    const toValues = t.values as Float64Array;
    const counts = k.values as Int32Array;
    const fromNulls = f.nullCount > 0 ? f.nullBitmap : null;
    const toNulls = t.nullCount > 0 ? t.nullBitmap : null;
    for (let i = 0; i < f.length; i++) {
      const fi = f.offset + i;
      const ti = t.offset + i;
      const start = fromNulls && !(fromNulls[fi >> 3] & (1 << (fi & 7))) ? null : fromValues[i];
      const exact = toNulls !== null && !(toNulls[ti >> 3] & (1 << (ti & 7)));
      if (exact) accumulator.addExact(start, counts[i]);
      else for (let n = 0; n < counts[i]; n++) accumulator.add(start, toValues[i]);
    }
  }
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
      // Exact records as counts per hour, windows one by one, from the analysis facts
      // (queries/facts.ts; the same rows as queries/hot-times.ts on the source tables).
      await ensureFacts(conn, dataVersion);
      if (sequence !== this.#sequence) return;
      performance.measure('times.query_facts', { start: started, end: performance.now() });
      const input = await conn.queryArrow(buildFactsHotTimeQuery(request.tables, request.filter));
      if (sequence !== this.#sequence) return;
      const queried = performance.now();
      const accumulator = new AoristicAccumulator({
        maxWindowHours: request.maxWindowHours,
        dagdelen: request.dagdelen,
      });
      accumulate(input, accumulator);
      this.summary = accumulator.summarize();
      this.computedWith = request;
      this.error = null;
      const accumulated = performance.now();
      await tick();
      // For the benchmark's breakdown (scripts/bench/times.ts).
      performance.measure('times.query', { start: started, end: queried });
      performance.measure('times.accumulate', { start: queried, end: accumulated });
      performance.measure('times.draw', { start: accumulated, end: performance.now() });
    } catch (error) {
      this.#lastKey = '';
      if (sequence === this.#sequence) {
        this.error = error instanceof Error ? error.message : String(error);
      }
    } finally {
      done();
    }
  }
}
