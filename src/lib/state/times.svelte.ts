/**
 * The Tijden view's model: the filtered records' times from DuckDB (exact ones counted per
 * hour, windows as two Arrow columns), spread over the hours by aoristic weighting (analysis/aoristic.ts) into the
 * hour × weekday matrix, the dagdeel breakdown and the month × year seasonality — all
 * from one pass. Recomputed when the shared filter or the view's settings change; the
 * newest request wins when the user clicks faster than the query returns.
 */
import { tick } from 'svelte';
import type { Table, Vector } from 'apache-arrow';
import { AoristicAccumulator, type AoristicSummary, type Dagdeel } from '$lib/analysis/aoristic';
import type { Connector } from '$lib/data/connector';
import type { RecordFilter } from '$lib/data/queries/record-filter';
import { buildExactHourCountsQuery, buildSpreadWindowsQuery } from '$lib/data/queries/hot-times';
import type { RecordTable } from '$lib/data/schema';
import { readiness } from './readiness.svelte';

export interface TimesRequest {
  tables: readonly RecordTable[];
  filter: RecordFilter;
  maxWindowHours: number;
  dagdelen: readonly Dagdeel[];
}

/** Feeds an Arrow DOUBLE column pair into the accumulator chunk by chunk (nulls = NaN). */
function accumulate(table: Table, accumulator: AoristicAccumulator): void {
  const from = table.getChild('t_from') as Vector | null;
  const to = table.getChild('t_to') as Vector | null;
  if (!from || !to) return;
  for (let c = 0; c < from.data.length; c++) {
    // Chunks of both columns line up: they come from the same record batches. Values are
    // sliced to the chunk, the validity bitmap is not (it is read at offset + i).
    const fromData = from.data[c];
    const toData = to.data[c];
    const n = fromData.length;
    const fromValues = fromData.values as Float64Array;
    const toValues = toData.values as Float64Array;
    const fromNulls = fromData.nullCount > 0 ? fromData.nullBitmap : null;
    const toNulls = toData.nullCount > 0 ? toData.nullBitmap : null;
    const fo = fromData.offset;
    const tOff = toData.offset;
    for (let i = 0; i < n; i++) {
      const fi = fo + i;
      const ti = tOff + i;
      const f = fromNulls && !(fromNulls[fi >> 3] & (1 << (fi & 7))) ? null : fromValues[i];
      const t = toNulls && !(toNulls[ti >> 3] & (1 << (ti & 7))) ? null : toValues[i];
      accumulator.add(f, t);
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
      // Exact records as counts per hour, windowed ones one by one (queries/hot-times.ts).
      const hours = await conn.query<{ hour: number | null; n: number }>(
        buildExactHourCountsQuery(request.tables, request.filter),
      );
      const windows = await conn.queryArrow(
        buildSpreadWindowsQuery(request.tables, request.filter),
      );
      if (sequence !== this.#sequence) return;
      const queried = performance.now();
      const accumulator = new AoristicAccumulator({
        maxWindowHours: request.maxWindowHours,
        dagdelen: request.dagdelen,
      });
      for (const h of hours) accumulator.addExact(h.hour, h.n);
      accumulate(windows, accumulator);
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
