/**
 * The one Svelte action that owns a Chart.js instance, for every chart of the app
 * (STYLE.md §6): create on mount, replace data and options on update (no animation, so
 * the chart is drawn by the time the update returns), destroy on unmount. Only the parts
 * these charts use are registered. Every chart gets a white background so an exported PNG
 * does not come out transparent. Brushing (the Verkennen time histogram) is in brush.ts.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
  type Plugin,
} from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import { attachBrush, type BrushParams } from './brush';
import { markerLines } from './marker-lines';

const whiteBackground: Plugin = {
  id: 'wijkradarBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

// Numbers and dates on every chart in Dutch ("2.500"), whatever the browser's language:
// Chart.js formats ticks and tooltips with the chart's locale, by default the browser's.
Chart.defaults.locale = 'nl-NL';

/**
 * For browser tests (like the database's debug handle, state/debug-handle.ts): the tick
 * labels of every chart on the page, which are drawn on a canvas and not in the DOM.
 */
(globalThis as { __wijkradarChartTicks?: () => string[][] }).__wijkradarChartTicks = () =>
  Object.values(Chart.instances).map((chart) =>
    Object.values(chart.scales).flatMap((scale) => scale.ticks.map((t) => String(t.label))),
  );

let registered = false;
function register(): void {
  if (registered) return;
  Chart.register(
    MatrixController,
    MatrixElement,
    BarController,
    BarElement,
    LineController,
    LineElement,
    PointElement,
    CategoryScale,
    LinearScale,
    Tooltip,
    Legend,
    whiteBackground,
    markerLines,
  );
  Chart.defaults.font.family = 'system-ui, sans-serif';
  Chart.defaults.color = '#1f2328';
  registered = true;
}

/**
 * Gives the canvas a 2D context drawn by the CPU (`willReadFrequently`) before Chart.js asks
 * for one (it then gets this context). A GPU-accelerated canvas makes the page wait for the
 * GPU each time a frame is finished; where the GPU is emulated in software — virtual
 * desktops (VDI/Citrix) and headless browsers — a view redrawing a dozen small charts spent
 * some 200 ms per filter change in that wait. Small charts draw as fast on the CPU.
 */
export function useCpuCanvas(canvas: HTMLCanvasElement): void {
  canvas.getContext('2d', { willReadFrequently: true });
}

export interface ChartParams {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any chart type
  config: ChartConfiguration<ChartType, any, any>;
  /** Called after every draw of new data, with the chart (e.g. to read its ticks). */
  onrendered?: (chart: Chart) => void;
  /** Drag across the bars to select a range of them (brush.ts). */
  brush?: BrushParams;
}

/**
 * What a chart draws, as text: its type, data and options (callbacks left out — the config
 * builders derive them from the same data and options). Equal text, equal picture.
 */
const drawnAs = (config: ChartParams['config']) =>
  JSON.stringify([config.type, config.data, config.options]);

export function chart(canvas: HTMLCanvasElement, params: ChartParams) {
  register();
  useCpuCanvas(canvas);
  // Taken before Chart.js fills in its defaults (it completes the config it is given).
  let drawn = drawnAs(params.config);
  let instance = new Chart(canvas, params.config);
  let current = params;
  // Bars painted by the brush differ from the config: the next config is drawn anyway.
  const stopBrush = params.brush
    ? attachBrush(
        canvas,
        () => instance,
        () => current.brush,
        () => (drawn = ''),
      )
    : null;
  params.onrendered?.(instance);
  return {
    update(next: ChartParams) {
      current = next;
      // A filter change rebuilds every config on the page; charts whose picture stays the
      // same (e.g. visits per week when only the theme changed) are not redrawn.
      const nextDrawn = drawnAs(next.config);
      if (nextDrawn === drawn) {
        next.onrendered?.(instance);
        return;
      }
      drawn = nextDrawn;
      if (next.config.type !== (instance.config as { type?: string }).type) {
        instance.destroy();
        instance = new Chart(canvas, next.config);
      } else {
        instance.data = next.config.data;
        instance.options = next.config.options ?? {};
        instance.update('none');
      }
      next.onrendered?.(instance);
    },
    destroy() {
      stopBrush?.();
      instance.destroy();
    },
  };
}
