/**
 * Time bins of the Verkennen histogram: records per month, week or day, without gaps. Pure,
 * shared by the model that fills them (state/) and the chart that draws them (charts/).
 */
import type { TimeBin } from '$lib/data/queries/explore';

export interface TimeBinCount {
  /** First day of the bin, 'YYYY-MM-DD'. */
  bin: string;
  n: number;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const utc = (text: string) => new Date(`${text.slice(0, 10)}T00:00:00Z`);

/** The first day of the bin holding `text` (weeks start on Monday, as DuckDB's date_trunc). */
export function binStart(text: string, bin: TimeBin): string {
  const d = utc(text);
  if (bin === 'month') d.setUTCDate(1);
  if (bin === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return day(d);
}

function nextBin(start: string, bin: TimeBin): string {
  const d = utc(start);
  if (bin === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + (bin === 'week' ? 7 : 1));
  return day(d);
}

/** The last day of a bin (inclusive), 'YYYY-MM-DD'. */
export function binLastDay(start: string, bin: TimeBin): string {
  const d = utc(nextBin(start, bin));
  d.setUTCDate(d.getUTCDate() - 1);
  return day(d);
}

/** Every bin from `first` to `last` (days), zero where the query returned none. */
export function fillTimeBins(
  rows: readonly TimeBinCount[],
  bin: TimeBin,
  first: string,
  last: string,
): TimeBinCount[] {
  const counts = new Map(rows.map((row) => [row.bin, row.n]));
  let at = binStart(rows.length && rows[0].bin < first ? rows[0].bin : first, bin);
  const end = rows.length && rows[rows.length - 1].bin > last ? rows[rows.length - 1].bin : last;
  const out: TimeBinCount[] = [];
  for (let guard = 0; at <= end && guard < 5000; guard++) {
    out.push({ bin: at, n: counts.get(at) ?? 0 });
    at = nextBin(at, bin);
  }
  return out;
}
