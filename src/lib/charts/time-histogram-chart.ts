/**
 * The Chart.js instance of the time histogram (one action owns it: create, update,
 * destroy) with brushing: drag across bars, or click one, to select a period.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { TimeBin } from '$lib/data/queries/explore';
import { BAR_BRUSH, BAR_DIM, buildTimeHistogramConfig, type TimeBinCount } from './time-histogram';
import { useCpuCanvas } from './trend-chart';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface TimeHistogramParams {
  bins: readonly TimeBinCount[];
  bin: TimeBin;
  selected: [number, number] | null;
  /** Bins first…last (indices, inclusive) were brushed or clicked. */
  onselect: (first: number, last: number) => void;
  /** Called after the chart has drawn the current data. */
  ondrawn?: () => void;
}

export function timeHistogram(canvas: HTMLCanvasElement, initial: TimeHistogramParams) {
  let params = initial;
  useCpuCanvas(canvas);
  const chart = new Chart(
    canvas,
    buildTimeHistogramConfig(params.bins, params.bin, params.selected),
  );
  params.ondrawn?.();
  let start: number | null = null;

  const indexAt = (event: PointerEvent): number | null => {
    const rect = canvas.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const scale = chart.scales.x;
    if (x < scale.left || x > scale.right || params.bins.length === 0) return null;
    const value = scale.getValueForPixel(x);
    if (value === undefined) return null;
    return Math.max(0, Math.min(params.bins.length - 1, Math.round(value)));
  };
  const paint = (lo: number, hi: number) => {
    const colors = params.bins.map((_, i) => (i >= lo && i <= hi ? BAR_BRUSH : BAR_DIM));
    chart.data.datasets[0].backgroundColor = colors;
    chart.update('none');
  };
  const down = (event: PointerEvent) => {
    start = indexAt(event);
    if (start !== null) {
      canvas.setPointerCapture(event.pointerId);
      paint(start, start);
    }
  };
  const move = (event: PointerEvent) => {
    if (start === null) return;
    const at = indexAt(event);
    if (at !== null) paint(Math.min(start, at), Math.max(start, at));
  };
  const up = (event: PointerEvent) => {
    if (start === null) return;
    const at = indexAt(event) ?? start;
    const [lo, hi] = [Math.min(start, at), Math.max(start, at)];
    start = null;
    params.onselect(lo, hi);
  };
  canvas.addEventListener('pointerdown', down);
  canvas.addEventListener('pointermove', move);
  canvas.addEventListener('pointerup', up);

  return {
    update(next: TimeHistogramParams) {
      params = next;
      const config = buildTimeHistogramConfig(next.bins, next.bin, next.selected);
      chart.data = config.data;
      chart.update('none');
      next.ondrawn?.();
    },
    destroy() {
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      chart.destroy();
    },
  };
}
