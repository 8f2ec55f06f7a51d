/**
 * Brushing on a bar chart (the Verkennen time histogram): drag across bars, or click one,
 * to select bins first…last. The brushed bars are painted while dragging; the selection
 * itself comes back as the next chart configuration. The Chart instance is the one chart
 * action's (chart-action.ts).
 */
import type { Chart } from 'chart.js';

export interface BrushParams {
  /** Bins first…last (indices, inclusive) were brushed or clicked. */
  onselect: (first: number, last: number) => void;
  /** Colour of the brushed bars and of the others while dragging. */
  color: string;
  dim: string;
}

/**
 * Listens to the pointer on `canvas`; returns the function that stops listening.
 * `onpaint` is called when the bars were painted outside the configuration.
 */
export function attachBrush(
  canvas: HTMLCanvasElement,
  chart: () => Chart,
  params: () => BrushParams | undefined,
  onpaint: () => void,
): () => void {
  let start: number | null = null;
  const bars = () => chart().data.labels?.length ?? 0;

  const indexAt = (event: PointerEvent): number | null => {
    const rect = canvas.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const scale = chart().scales.x;
    if (x < scale.left || x > scale.right || bars() === 0) return null;
    const value = scale.getValueForPixel(x);
    if (value === undefined) return null;
    return Math.max(0, Math.min(bars() - 1, Math.round(value)));
  };
  const paint = (lo: number, hi: number) => {
    const brush = params();
    if (!brush) return;
    const instance = chart();
    instance.data.datasets[0].backgroundColor = Array.from({ length: bars() }, (_, i) =>
      i >= lo && i <= hi ? brush.color : brush.dim,
    );
    instance.update('none');
    onpaint();
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
    params()?.onselect(lo, hi);
  };
  canvas.addEventListener('pointerdown', down);
  canvas.addEventListener('pointermove', move);
  canvas.addEventListener('pointerup', up);
  return () => {
    canvas.removeEventListener('pointerdown', down);
    canvas.removeEventListener('pointermove', move);
    canvas.removeEventListener('pointerup', up);
  };
}
