/**
 * The time histogram beside the Verkennen map: records per month, week or day. Pure
 * helpers (labels, the selected bins, the Chart.js configuration); the bins themselves are
 * in display/time-bins.ts; the chart is drawn by chart-action.ts, brushed with brush.ts.
 */
import type { ChartConfiguration } from 'chart.js';
import type { TimeBin } from '$lib/data/queries/explore';
import { binLastDay, type TimeBinCount } from '$lib/display/time-bins';
import { MONTH_SHORT } from '$lib/format/nl';

/** Short Dutch label: 'mrt 2026' for months, '2 mrt 2026' for weeks and days. */
export function binLabel(start: string, bin: TimeBin): string {
  const [y, m, d] = start.split('-').map(Number);
  const month = MONTH_SHORT[m - 1];
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
