/**
 * Chart config for KPIs over time: meldingen and incidents (counts, left axis) and visit
 * hours (right axis) per month — demand and presence side by side.
 */
import type { ChartConfiguration } from 'chart.js';
import type { KpiMonth } from '$lib/analysis/management-kpis';
import { formatMonthKey } from '$lib/format/nl';
import { buildTwoAxisLinesConfig } from './two-axis-lines';

export function buildKpiChartConfig(months: readonly KpiMonth[]): ChartConfiguration<'line'> {
  return buildTwoAxisLinesConfig(
    months.map((m) => formatMonthKey(m.month)),
    [
      {
        label: 'Meldingen',
        data: months.map((m) => m.meldingen),
        color: '#0072B2',
        dash: [],
        axis: 'y',
      },
      {
        label: 'Incidenten',
        data: months.map((m) => m.incidents),
        color: '#D55E00',
        dash: [6, 3],
        axis: 'y',
      },
      {
        label: 'Bezoekuren (rechteras)',
        data: months.map((m) => Math.round(m.visitHours)),
        color: '#009E73',
        dash: [2, 2],
        axis: 'y2',
      },
    ],
    { left: 'Aantal per maand', right: 'Bezoekuren per maand' },
  );
}
