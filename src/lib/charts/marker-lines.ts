/**
 * Vertical marker lines with a label on a chart whose x-axis is a list of months (the
 * start of an intervention on the zone chart), as a small Chart.js plugin: Chart.js 4 draws
 * no annotations without the chartjs-plugin-annotation package, and one dashed line with a
 * label does not need a package. Registered once by the chart action; a chart asks for
 * markers in `options.plugins.wijkradarMarkers`.
 *
 * A marker sits at a fractional category index, so a start on the 16th of a month lies
 * half-way between that month's point and the next. Where it was drawn is written to the
 * canvas as `data-markers` (CSS pixels), for browser tests and for the page's own checks.
 */
import type { ChartType, Plugin } from 'chart.js';

export interface MarkerLine {
  /** Position on the category axis: index of the month plus the fraction of it passed. */
  index: number;
  /** 'YYYY-MM-DD': the date the marker stands for. */
  date: string;
  label: string;
}

export interface MarkerLinesOptions {
  lines?: MarkerLine[];
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- must match Chart.js's own declaration
  interface PluginOptionsByType<TType extends ChartType> {
    wijkradarMarkers?: MarkerLinesOptions;
  }
}

/** Near-black, apart from the data lines' colours; dashed so it reads as a marker. */
export const MARKER_COLOR = '#1f2328';

/** What the plugin drew, as written to the canvas's `data-markers`. */
export interface DrawnMarker {
  date: string;
  label: string;
  x: number;
  top: number;
  bottom: number;
  /** The x-axis's first and last point. */
  left: number;
  right: number;
}

/**
 * The category index of `date` ('YYYY-MM-DD') on an axis whose points stand for
 * consecutive blocks of days (both inclusive), each point drawn at its block's start: the
 * block's index plus the share of its days before `date`. Null outside the blocks.
 */
export function blockIndexOf(
  blocks: readonly { from: string; to: string }[],
  date: string,
): number | null {
  const index = blocks.findIndex((b) => date >= b.from && date <= b.to);
  if (index < 0) return null;
  const ms = (day: string) => Date.parse(day + 'T00:00:00Z');
  const { from, to } = blocks[index];
  return index + (ms(date) - ms(from)) / (ms(to) - ms(from) + 86_400_000);
}

/** The same on an axis of months ('YYYY-MM'), one point per month. */
export function monthIndexOf(months: readonly string[], date: string): number | null {
  const blocks = months.map((month) => {
    const [year, m] = month.split('-').map(Number);
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
  });
  return blockIndexOf(blocks, date);
}

export const markerLines: Plugin = {
  id: 'wijkradarMarkers',
  afterDatasetsDraw(chart, _args, options: MarkerLinesOptions) {
    const lines = options.lines ?? [];
    const scale = chart.scales.x;
    const area = chart.chartArea;
    const drawn: DrawnMarker[] = [];
    if (scale && area) {
      const { ctx } = chart;
      for (const line of lines) {
        const x = scale.getPixelForValue(line.index);
        if (!(x >= area.left - 0.5 && x <= area.right + 0.5)) continue;
        ctx.save();
        ctx.strokeStyle = MARKER_COLOR;
        ctx.lineWidth = 2;
        ctx.setLineDash([6, 4]);
        ctx.beginPath();
        ctx.moveTo(x, area.top);
        ctx.lineTo(x, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.font = `600 12px ${chart.options.font?.family ?? 'system-ui, sans-serif'}`;
        ctx.textBaseline = 'top';
        const width = ctx.measureText(line.label).width;
        // Right of the line, or left of it where the label would leave the plot.
        const left = x + 6 + width <= area.right ? x + 6 : x - 6 - width;
        ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
        ctx.fillRect(left - 3, area.top + 2, width + 6, 17);
        ctx.fillStyle = MARKER_COLOR;
        ctx.fillText(line.label, left, area.top + 4);
        ctx.restore();
        const { date, label } = line;
        const { top, bottom } = area;
        drawn.push({ date, label, x, top, bottom, left: scale.left, right: scale.right });
      }
    }
    if (drawn.length > 0) chart.canvas.dataset.markers = JSON.stringify(drawn);
    else delete chart.canvas.dataset.markers;
  },
};
