/**
 * Chart config for KPIs over time: meldingen and incidents (counts, left axis) and visit
 * hours (right axis) per month — demand and presence side by side.
 */
import type { ChartConfiguration } from 'chart.js';
import type { KpiMonth } from '$lib/analysis/management-kpis';
import { monthLabel } from './zone-series';

export function buildKpiChartConfig(months: readonly KpiMonth[]): ChartConfiguration<'line'> {
  const line = (label: string, data: number[], color: string, dash: number[], axis: string) => ({
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    borderDash: dash,
    pointRadius: 2,
    borderWidth: 2,
    yAxisID: axis,
  });
  return {
    type: 'line',
    data: {
      labels: months.map((m) => monthLabel(m.month)),
      datasets: [
        line(
          'Meldingen',
          months.map((m) => m.meldingen),
          '#0072B2',
          [],
          'y',
        ),
        line(
          'Incidenten',
          months.map((m) => m.incidents),
          '#D55E00',
          [6, 3],
          'y',
        ),
        line(
          'Bezoekuren (rechteras)',
          months.map((m) => Math.round(m.visitHours)),
          '#009E73',
          [2, 2],
          'y2',
        ),
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        y: { beginAtZero: true, title: { display: true, text: 'Aantal per maand' } },
        y2: {
          beginAtZero: true,
          position: 'right',
          grid: { drawOnChartArea: false },
          title: { display: true, text: 'Bezoekuren per maand' },
        },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  };
}
