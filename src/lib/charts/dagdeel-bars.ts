/** Dagdeel breakdown: one bar per dagdeel (aoristic weight), with its share in the tooltip. */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { formatDecimal } from '$lib/format/nl';

export function buildDagdeelConfig(
  labels: readonly string[],
  totals: ArrayLike<number>,
): ChartConfiguration<'bar', number[], string> {
  const values = Array.from(totals);
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    type: 'bar',
    data: {
      labels: [...labels],
      datasets: [
        {
          label: 'Registraties (gewogen)',
          data: values,
          backgroundColor: '#1d5fa8',
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => {
              const v = item.raw as number;
              const share = sum > 0 ? formatDecimal((v / sum) * 100) : '0';
              return `${formatDecimal(v)} (${share}%)`;
            },
          },
        },
      },
      scales: { y: { beginAtZero: true, title: { display: true, text: 'Gewogen aantal' } } },
    },
  };
}
