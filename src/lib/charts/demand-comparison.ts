/**
 * The report's demand chart: meldingen and incidents per month of the period, beside the
 * same months a year earlier — the picture behind the trend table. A null month is not
 * drawn (a small count on a shared output). The lines differ in dash pattern too.
 */
import type { ChartConfiguration } from 'chart.js';
import type { DemandComparison } from '$lib/analysis/report-series';
import { formatMonthKey } from '$lib/format/nl';

export function buildDemandComparisonConfig(
  series: DemandComparison,
): ChartConfiguration<'line', (number | null)[], string> {
  const span = (months: readonly string[]) =>
    `${formatMonthKey(months[0])} – ${formatMonthKey(months.at(-1)!)}`;
  const shift = (m: string) => `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`;
  const line = (label: string, data: (number | null)[], color: string, dash: number[]) => ({
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    borderDash: dash,
    borderWidth: 2,
    pointRadius: 2,
    spanGaps: false,
  });
  return {
    type: 'line',
    data: {
      labels: series.months.map(formatMonthKey),
      datasets: [
        line(`Deze periode (${span(series.months)})`, series.current, '#0072B2', []),
        line(
          `Een jaar eerder (${span(series.months.map(shift))})`,
          series.previous,
          '#555555',
          [6, 3],
        ),
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        y: {
          beginAtZero: true,
          title: { display: true, text: 'Meldingen en incidenten' },
        },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  };
}
