/**
 * Shared pieces of the Verkennen view's queries (explore-facts.ts builds them on the
 * projection): which table a map point comes from, the time bins of the histogram, and
 * the cross-filtering of the linked charts.
 */
import { RECORD_TABLES, type RecordTable } from '../schema';
import type { RecordFilter } from '../sql/record-filter';

/** Source table ↔ the small integer the points carry (`src` column of the points). */
export const POINT_SOURCES: readonly RecordTable[] = RECORD_TABLES;

export type TimeBin = 'month' | 'week' | 'day';

/** The bin width for a period of `days` days: about 20–200 bars. */
export function timeBinFor(days: number): TimeBin {
  if (days > 365) return 'month';
  if (days > 60) return 'week';
  return 'day';
}

/** A filter without some of its fields: a linked chart shows everything its own selection
 * would hide, so the user can widen or move it (cross-filtering). */
export function withoutFields(filter: RecordFilter, fields: (keyof RecordFilter)[]): RecordFilter {
  const next = { ...filter };
  for (const field of fields) delete next[field];
  return next;
}
