/** Visits per week to an aandachtslocatie, month by month, against its target (dashed). */
import type { ChartConfiguration } from 'chart.js';
import { formatDecimal } from '$lib/format/nl';
import { formatMonthShortYear } from '$lib/format/nl';

export function buildVisitsConfig(
  months: readonly { year: number; month: number }[],
  perWeek: readonly number[],
  target: number | null,
): ChartConfiguration<'line', (number | null)[], string> {
  return {
    type: 'line',
    data: {
      labels: months.map(formatMonthShortYear),
      datasets: [
        {
          label: 'Bezoeken per week',
          data: [...perWeek],
          borderColor: '#1d5fa8',
          backgroundColor: '#1d5fa8',
          pointRadius: 1.5,
          tension: 0,
        },
        {
          label: 'Doel per week',
          data: months.map(() => target),
          borderColor: '#b3261e',
          borderDash: [6, 4],
          borderWidth: 1.5,
          pointRadius: 0,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (item) =>
              `${item.dataset.label}: ${item.raw == null ? '–' : formatDecimal(item.raw as number)}`,
          },
        },
      },
      scales: {
        x: { ticks: { maxTicksLimit: 8, maxRotation: 0 } },
        y: { beginAtZero: true, title: { display: true, text: 'Bezoeken per week' } },
      },
    },
  };
}
