/**
 * The time histogram beside the Verkennen map: records per month, week or day. Pure
 * helpers (bins without gaps, a bin's last day, the Chart.js configuration); the chart
 * itself lives in time-histogram-chart.ts.
 */
import type { ChartConfiguration } from 'chart.js';
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

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** Short Dutch label: 'mrt 2026' for months, '2 mrt 2026' for weeks and days. */
export function binLabel(start: string, bin: TimeBin): string {
  const [y, m, d] = start.split('-').map(Number);
  const month = MONTHS[m - 1];
  if (bin === 'month') return `${month} ${y}`;
  return `${bin === 'week' ? 'week van ' : ''}${d} ${month} ${y}`;
}

/** Indices of the bins that overlap the selected period (inclusive days), or null. */
export function selectedBins(
  bins: readonly TimeBinCount[],
  bin: TimeBin,
  from: string | null,
  to: string | null,
): [number, number] | null {
  if (!from && !to) return null;
  let lo = -1;
  let hi = -1;
  bins.forEach((b, i) => {
    const overlaps = (!to || b.bin <= to) && (!from || binLastDay(b.bin, bin) >= from);
    if (overlaps) {
      if (lo < 0) lo = i;
      hi = i;
    }
  });
  return lo < 0 ? null : [lo, hi];
}

export const BAR_COLOR = 'rgb(21 66 115 / 0.85)';
export const BAR_DIM = 'rgb(21 66 115 / 0.25)';
export const BAR_BRUSH = 'rgb(213 94 0 / 0.9)';

export function buildTimeHistogramConfig(
  bins: readonly TimeBinCount[],
  bin: TimeBin,
  selected: [number, number] | null,
): ChartConfiguration<'bar', number[], string> {
  return {
    type: 'bar',
    data: {
      labels: bins.map((b) => binLabel(b.bin, bin)),
      datasets: [
        {
          label: 'Registraties',
          data: bins.map((b) => b.n),
          backgroundColor: bins.map((_, i) =>
            !selected || (i >= selected[0] && i <= selected[1]) ? BAR_COLOR : BAR_DIM,
          ),
          barPercentage: 1,
          categoryPercentage: 0.95,
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false }, tooltip: { enabled: true } },
      scales: {
        x: {
          ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 8 },
          grid: { display: false },
        },
        y: { beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  };
}
