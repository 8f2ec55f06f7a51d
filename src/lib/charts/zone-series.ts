/**
 * Chart config for an intervention evaluation: monthly counts in the target area, the
 * buffer and the control area. The control area is usually far larger, so it gets its own
 * axis on the right; without that the two small lines would lie flat on the bottom.
 */
import type { ChartConfiguration } from 'chart.js';
import { ZONE_LABELS, type ZoneMonth } from '$lib/analysis/intervention-zones';

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** 'YYYY-MM' → 'nov 2025'. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${MONTHS[m - 1]} ${year}`;
}

// Okabe-Ito colours: distinguishable with colour-vision deficiencies; lines also differ
// in dash pattern so they can be told apart without colour.
const STYLES = {
  target: { color: '#D55E00', dash: [] },
  buffer: { color: '#0072B2', dash: [6, 3] },
  control: { color: '#555555', dash: [2, 2] },
} as const;

export function buildZoneChartConfig(months: readonly ZoneMonth[]): ChartConfiguration<'line'> {
  const dataset = (zone: keyof typeof STYLES, axis: 'y' | 'y2') => ({
    label: zone === 'control' ? `${ZONE_LABELS[zone]} (rechteras)` : ZONE_LABELS[zone],
    data: months.map((m) => m[zone]),
    borderColor: STYLES[zone].color,
    backgroundColor: STYLES[zone].color,
    borderDash: [...STYLES[zone].dash],
    pointRadius: 2,
    borderWidth: 2,
    yAxisID: axis,
  });
  return {
    type: 'line',
    data: {
      labels: months.map((m) => monthLabel(m.month)),
      datasets: [dataset('target', 'y'), dataset('buffer', 'y'), dataset('control', 'y2')],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        y: {
          beginAtZero: true,
          title: { display: true, text: 'Doelgebied en buffer (per maand)' },
        },
        y2: {
          beginAtZero: true,
          position: 'right',
          grid: { drawOnChartArea: false },
          title: { display: true, text: 'Controlegebied (per maand)' },
        },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  };
}
