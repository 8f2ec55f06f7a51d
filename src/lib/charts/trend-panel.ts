/**
 * One small multiple of the Wijken view: the monthly series of a wijk (counts, per 1,000
 * inhabitants or an index, analysis/trend-scale.ts), the judged period drawn in the flag's
 * colour, the level the baseline predicts for that period as a dashed line, the test result
 * in the tooltip, and the unit on the y-axis. For a PNG export the months whose count is
 * hidden are left out (null: a gap in the line) and a note in the legend says why.
 */
import type { ChartConfiguration } from 'chart.js';
import { formatDecimal } from '$lib/format/nl';
import { formatMonthShortYear } from '$lib/format/nl';

export interface TrendPanelInput {
  months: readonly { year: number; month: number }[];
  /** null: not drawn (a gap), e.g. a hidden small count in an export. */
  values: readonly (number | null)[];
  /** Months at the end that form the judged period. */
  periodMonths: number;
  /** Expected value per month in the judged period (from the baseline); null if unknown. */
  expectedPerMonth: number | null;
  flag: 'stijging' | 'daling' | 'geen significante verandering' | null;
  /** Lines for the tooltip footer (test results in words, with p-values and limits). */
  explanation: string[];
  /** Shared y maximum so small multiples compare at a glance; undefined: own scale. */
  yMax?: number;
  /** The series' name (tooltip). */
  unit: string;
  /** The y-axis title: what is counted and per which time unit (one string per line). */
  axisTitle: string | readonly string[];
  /** Ticks on whole numbers only (counts: no "0,5 registraties"). */
  wholeTicks?: boolean;
  /** A level drawn as a dotted line over the whole series (the index's 100). */
  reference?: number | null;
  /** Lines of text drawn above the chart (an export's notes on what is left out). */
  notes?: readonly string[];
}

export const FLAG_COLOURS = {
  stijging: '#b3261e',
  daling: '#1b7a3a',
  neutral: '#4a5568',
} as const;

export function buildTrendPanelConfig(
  input: TrendPanelInput,
): ChartConfiguration<'line', (number | null)[], string> {
  const n = input.values.length;
  const start = n - input.periodMonths;
  const colour =
    input.flag === 'stijging'
      ? FLAG_COLOURS.stijging
      : input.flag === 'daling'
        ? FLAG_COLOURS.daling
        : FLAG_COLOURS.neutral;
  const expected = input.values.map((_, i) =>
    i >= start && input.expectedPerMonth !== null ? input.expectedPerMonth : null,
  );
  // The judged period as datasets of its own over the plain series — its line (from the
  // month before it, so the line into the period is coloured too) and its points — instead
  // of per-segment style callbacks or per-point arrays: Chart.js resolves those for every
  // segment or point of every panel on each redraw, while fixed options are shared by all
  // elements of a dataset. That made a Wijken filter change several times slower.
  const judged = input.values.map((v, i) => (i >= start - 1 ? v : null));
  return {
    type: 'line',
    data: {
      labels: input.months.map(formatMonthShortYear),
      datasets: [
        {
          label: input.unit,
          data: [...input.values],
          borderColor: FLAG_COLOURS.neutral,
          backgroundColor: FLAG_COLOURS.neutral,
          borderWidth: 1.5,
          pointRadius: 0,
          tension: 0,
        },
        {
          label: `${input.unit} (beoordeelde periode)`,
          data: judged,
          borderColor: colour,
          backgroundColor: colour,
          borderWidth: 2.5,
          pointRadius: 0,
          tension: 0,
        },
        {
          label: `${input.unit} (maanden van de beoordeelde periode)`,
          data: input.values.map((v, i) => (i >= start ? v : null)),
          borderColor: colour,
          backgroundColor: colour,
          showLine: false,
          pointRadius: 2.5,
          tension: 0,
        },
        {
          label: 'Verwacht op basis van de basislijn',
          data: expected,
          borderColor: '#000000',
          borderDash: [4, 3],
          borderWidth: 1,
          pointRadius: 0,
          tension: 0,
        },
        ...(input.reference == null
          ? []
          : [
              {
                label: `Basisniveau (${formatDecimal(input.reference, 0)})`,
                data: input.values.map(() => input.reference!),
                borderColor: '#6e7781',
                borderDash: [1, 3],
                borderWidth: 1,
                pointRadius: 0,
                tension: 0,
              },
            ]),
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        // The legend only carries an export's notes (text items, no colour box).
        legend: input.notes?.length
          ? {
              display: true,
              align: 'start',
              labels: {
                boxWidth: 0,
                generateLabels: () =>
                  input.notes!.map((text) => ({
                    text,
                    fillStyle: 'transparent',
                    lineWidth: 0,
                    hidden: false,
                  })),
              },
            }
          : { display: false },
        tooltip: {
          // The judged period repeats the series' values: listed once.
          filter: (item) => item.datasetIndex === 0 || item.datasetIndex === 3,
          callbacks: {
            label: (item) => `${item.dataset.label}: ${formatDecimal(item.raw as number, 2)}`,
            footer: (items) => (items[0] && items[0].dataIndex >= start ? input.explanation : []),
          },
        },
      },
      scales: {
        x: { ticks: { maxTicksLimit: 6, maxRotation: 0 }, grid: { display: false } },
        y: {
          beginAtZero: true,
          suggestedMax: input.yMax,
          ticks: { maxTicksLimit: 4, ...(input.wholeTicks ? { precision: 0 } : {}) },
          title: {
            display: true,
            text: typeof input.axisTitle === 'string' ? input.axisTitle : [...input.axisTitle],
          },
        },
      },
    },
  };
}
