/**
 * Hour × weekday matrix (chartjs-chart-matrix): one cell per local hour and weekday, darker
 * for more (aoristic) weight. Category scales with string labels: linear axes put ticks at
 * half steps and blank the labels (STACK.md).
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { MatrixDataPoint } from 'chartjs-chart-matrix';
import { formatDecimal, WEEKDAY_NAMES } from '$lib/format/nl';
import { renderCell, type CellState } from '$lib/analysis/suppression';

/** A hidden cell's colour: one neutral grey, so the shade does not tell its weight. */
export const HIDDEN_COLOUR = 'rgb(200, 200, 200)';

export const HOUR_LABELS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/** Light to dark blue; t in [0, 1]. Endpoints chosen so the darkest cells stay distinct. */
export function sequentialColour(t: number): string {
  const clamped = Math.max(0, Math.min(1, t));
  const from = [239, 246, 255];
  const to = [8, 48, 107];
  const mix = from.map((c, i) => Math.round(c + (to[i] - c) * clamped));
  return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
}

const formatWeight = (v: number) => formatDecimal(v);

/**
 * `weekdayHour`: 7 × 24 weights, index weekday × 24 + hour (0 = maandag). `states`: the
 * cells' suppression (analysis/times-tables.ts protectTimes); a hidden cell is drawn grey
 * and its tooltip reads "<5" or "x", as in the CSV — the PNG export shows what the CSV shows.
 */
export function buildHourMatrixConfig(
  weekdayHour: ArrayLike<number>,
  states?: readonly CellState[],
): ChartConfiguration<'matrix', MatrixDataPoint[]> {
  const shown = (i: number) => (states?.[i] ?? 'shown') === 'shown';
  let max = 0;
  for (let i = 0; i < 168; i++) if (shown(i)) max = Math.max(max, weekdayHour[i]);
  const data: MatrixDataPoint[] = [];
  for (let d = 0; d < 7; d++) {
    for (let h = 0; h < 24; h++) {
      data.push({ x: HOUR_LABELS[h], y: WEEKDAY_NAMES[d], v: weekdayHour[d * 24 + h] });
    }
  }
  return {
    type: 'matrix',
    data: {
      datasets: [
        {
          label: 'Registraties (gewogen)',
          data,
          // One colour per cell, worked out once (a scriptable colour is resolved on every draw).
          backgroundColor: data.map(({ v }, i) =>
            shown(i) ? sequentialColour(max > 0 ? (v ?? 0) / max : 0) : HIDDEN_COLOUR,
          ),
          borderColor: '#ffffff',
          borderWidth: 1,
          width: ({ chart }) => (chart.chartArea?.width ?? 0) / 24 - 1,
          height: ({ chart }) => (chart.chartArea?.height ?? 0) / 7 - 1,
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
            title: () => '',
            label: (item: TooltipItem<'matrix'>) => {
              const p = item.raw as MatrixDataPoint;
              const hour = Number(p.x);
              const state = states?.[item.dataIndex] ?? 'shown';
              const value = renderCell(p.v ?? 0, state, formatWeight);
              return `${p.y} ${p.x}:00–${String(hour + 1).padStart(2, '0')}:00: ${value}`;
            },
          },
        },
      },
      scales: {
        x: {
          type: 'category',
          labels: HOUR_LABELS,
          offset: true,
          grid: { display: false },
          title: { display: true, text: 'Uur van de dag' },
        },
        y: {
          type: 'category',
          labels: [...WEEKDAY_NAMES],
          offset: true,
          reverse: false,
          grid: { display: false },
        },
      },
    },
  };
}
