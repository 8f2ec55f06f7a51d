/** Seasonality: one line per year over the twelve months (aoristic weight per month). */
import type { ChartConfiguration } from 'chart.js';
import { MONTH_SHORT } from '$lib/format/nl';

/** Distinct colours that stay apart for colour-blind readers (Okabe–Ito). */
export const SERIES_COLOURS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
];

export interface SeasonSeries {
  year: number;
  /** Twelve values; null for months outside the data. */
  values: (number | null)[];
}

export function buildSeasonConfig(
  series: readonly SeasonSeries[],
): ChartConfiguration<'line', (number | null)[], string> {
  return {
    type: 'line',
    data: {
      labels: [...MONTH_SHORT],
      datasets: series.map((s, i) => ({
        label: String(s.year),
        data: s.values,
        borderColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
        backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
        pointStyle: (['circle', 'rect', 'triangle', 'rectRot', 'star', 'cross'] as const)[i % 6],
        spanGaps: false,
        tension: 0,
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom' } },
      scales: { y: { beginAtZero: true, title: { display: true, text: 'Gewogen aantal' } } },
    },
  };
}
