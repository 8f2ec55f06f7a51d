/**
 * Svelte action that owns one Chart.js line chart (STYLE.md §6): created on mount,
 * updated in place with a new config, destroyed with the element. Only the Chart.js parts
 * a line chart over categories needs are registered, to keep the bundle small.
 */
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

export function lineChart(canvas: HTMLCanvasElement, config: ChartConfiguration<'line'>) {
  const chart = new Chart(canvas, config);
  return {
    update(next: ChartConfiguration<'line'>) {
      chart.data = next.data;
      chart.options = next.options ?? {};
      chart.update('none');
    },
    destroy() {
      chart.destroy();
    },
  };
}
