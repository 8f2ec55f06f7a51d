/**
 * The theme bar chart beside the Verkennen map: records per theme, horizontal bars in the
 * theme colours (Okabe-Ito); themes that the filter leaves out are dimmed, and a click on
 * a bar toggles that theme in the filter.
 */
import type { ChartConfiguration } from 'chart.js';
import { THEME_LABELS } from '$lib/data/themes';
import { themeColor } from '$lib/display/theme-colors';

export interface ThemeCount {
  theme: string;
  n: number;
}

export const themeLabel = (theme: string) =>
  THEME_LABELS[theme as keyof typeof THEME_LABELS] ?? theme;

/** Height of the chart in rem: room for every bar's label (about 1.5rem a bar). */
export function themeBarsHeight(bars: number): number {
  return Math.max(6, bars * 1.5 + 2);
}

export function buildThemeBarsConfig(
  counts: readonly ThemeCount[],
  selected: readonly string[],
  onselect?: (theme: string) => void,
): ChartConfiguration<'bar', number[], string> {
  const color = (theme: string) => {
    const [r, g, b] = themeColor(theme);
    const on = selected.length === 0 || selected.includes(theme);
    return `rgb(${r} ${g} ${b} / ${on ? 0.95 : 0.25})`;
  };
  return {
    type: 'bar',
    data: {
      labels: counts.map((c) => themeLabel(c.theme)),
      datasets: [
        {
          label: 'Registraties',
          data: counts.map((c) => c.n),
          backgroundColor: counts.map((c) => color(c.theme)),
          borderColor: counts.map((c) => (selected.includes(c.theme) ? '#0b2545' : 'transparent')),
          borderWidth: 2,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      onClick: (_event, elements) => {
        const hit = elements[0];
        if (hit) onselect?.(counts[hit.index].theme);
      },
      scales: {
        x: { beginAtZero: true, ticks: { precision: 0 } },
        // Every bar named: Chart.js skips category labels that would crowd (issue 26: 4 of 8).
        y: { grid: { display: false }, ticks: { autoSkip: false } },
      },
    },
  };
}
