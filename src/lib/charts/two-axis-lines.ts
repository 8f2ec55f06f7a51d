/**
 * A monthly line chart with a second value axis on the right, for a line on another scale
 * (Management: visit hours beside counts; the control area beside the target and buffer).
 * Lines differ in dash pattern too, so they can be told apart without colour.
 */
import type { ChartConfiguration } from 'chart.js';

export interface AxisLine {
  label: string;
  /** null: no point that month (the line breaks). */
  data: (number | null)[];
  color: string;
  dash: readonly number[];
  axis: 'y' | 'y2';
}

export function buildTwoAxisLinesConfig(
  labels: string[],
  lines: readonly AxisLine[],
  titles: { left: string; right: string },
): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: {
      labels,
      datasets: lines.map((line) => ({
        label: line.label,
        data: line.data,
        borderColor: line.color,
        backgroundColor: line.color,
        borderDash: [...line.dash],
        pointRadius: 2,
        borderWidth: 2,
        yAxisID: line.axis,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        y: { beginAtZero: true, title: { display: true, text: titles.left } },
        y2: {
          beginAtZero: true,
          position: 'right',
          grid: { drawOnChartArea: false },
          title: { display: true, text: titles.right },
        },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  };
}
