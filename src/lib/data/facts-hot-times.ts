/**
 * The Tijden view's aoristic summary from the analysis facts: exact records as counts per
 * local hour, and windows as UTC instants from their own table (queries/facts-windows.ts)
 * spread by analysis/aoristic-events.ts — both queries sent at once. The facts must be
 * current (ensureFacts).
 */
import type { Table } from 'apache-arrow';
import {
  AoristicAccumulator,
  type AoristicOptions,
  type AoristicSummary,
} from '../analysis/aoristic';
import { UtcWindowSpreader } from '../analysis/aoristic-events';
import type { Connector } from './connector';
import {
  buildFactsExactHoursQuery,
  buildFactsImpreciseQuery,
  buildFactsWindowsQuery,
} from './queries/facts-windows';
import type { RecordFilter } from './queries/record-filter';
import type { RecordTable } from './schema';

export interface HotTimesRequest extends AoristicOptions {
  tables: readonly RecordTable[];
  filter: RecordFilter;
  maxWindowHours: number;
}

/**
 * Calls visit(a, b) for every row of two numeric columns, chunk by chunk on the typed
 * arrays (no per-row vector lookups over a hundred thousand rows). Only `a` may be NULL.
 */
function forEachRow(
  table: Table,
  [first, second]: [string, string],
  visit: (a: number | null, b: number) => void,
): void {
  const as = table.getChild(first);
  const bs = table.getChild(second);
  if (!as || !bs) throw new Error(`columns ${first}, ${second} missing`);
  for (let c = 0; c < as.data.length; c++) {
    // Chunks of the two columns line up: they come from the same record batches. Values are
    // sliced to the chunk, the validity bitmap is not (it is read at offset + i).
    const [a, b] = [as.data[c], bs.data[c]];
    const aValues = a.values as Float64Array | Int32Array;
    const bValues = b.values as Float64Array | Int32Array;
    const nulls = a.nullCount > 0 ? a.nullBitmap : null;
    for (let i = 0; i < a.length; i++) {
      const k = a.offset + i;
      visit(nulls && !(nulls[k >> 3] & (1 << (k & 7))) ? null : aValues[i], bValues[i]);
    }
  }
}

export async function queryFactsHotTimes(
  conn: Connector,
  request: HotTimesRequest,
): Promise<AoristicSummary> {
  const { tables, filter, maxWindowHours } = request;
  if (!(maxWindowHours >= 0)) throw new RangeError(`maxWindowHours must be ≥ 0`);
  const [exact, windows, [imprecise]] = await Promise.all([
    conn.queryArrow(buildFactsExactHoursQuery(tables, filter)),
    conn.queryArrow(buildFactsWindowsQuery(tables, filter)),
    conn.query<{ left_out: number; day_only: number }>(buildFactsImpreciseQuery(tables, filter)),
  ]);
  const accumulator = new AoristicAccumulator(request);
  const exactCounts = { exact: 0, spread: 0, missing: 0, tooLong: 0, reversed: 0 };
  forEachRow(exact, ['h', 'n'], (h, n) => {
    if (h === null) exactCounts.missing += n;
    else {
      exactCounts.exact += n;
      accumulator.addLocalHourWeight(h, n);
    }
  });
  accumulator.addTimings(exactCounts);
  const spreader = new UtcWindowSpreader(maxWindowHours * 3_600_000);
  forEachRow(windows, ['s', 'e'], (s, e) => spreader.add(s, e));
  spreader.foldInto(accumulator);
  return {
    ...accumulator.summarize(),
    imprecise: { leftOut: imprecise?.left_out ?? 0, dayOnly: imprecise?.day_only ?? 0 },
  };
}
