/**
 * The Chart.js instance of the theme bars (one action: create, update, destroy); a click
 * on a bar toggles that theme in the filter.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { buildThemeBarsConfig, type ThemeCount } from './theme-bars';
import { useCpuCanvas } from './trend-chart';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface ThemeBarsParams {
  counts: readonly ThemeCount[];
  selected: readonly string[];
  onselect: (theme: string) => void;
  ondrawn?: () => void;
}

export function themeBars(canvas: HTMLCanvasElement, initial: ThemeBarsParams) {
  let params = initial;
  const config = buildThemeBarsConfig(params.counts, params.selected);
  config.options!.onClick = (_event, elements) => {
    const hit = elements[0];
    if (hit) params.onselect(params.counts[hit.index].theme);
  };
  useCpuCanvas(canvas);
  const chart = new Chart(canvas, config);
  // How many bar labels are drawn, for the browser test that every bar is named.
  const labelled = () => (canvas.dataset.labels = String(chart.scales.y?.ticks.length ?? 0));
  labelled();
  params.ondrawn?.();
  return {
    update(next: ThemeBarsParams) {
      params = next;
      chart.data = buildThemeBarsConfig(next.counts, next.selected).data;
      chart.update('none');
      labelled();
      next.ondrawn?.();
    },
    destroy() {
      chart.destroy();
    },
  };
}
