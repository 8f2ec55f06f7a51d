/**
 * What each Wijken small multiple draws, on screen and in its PNG export, for the chosen
 * measure and scale (analysis/trend-scale.ts) and the view's suppression
 * (analysis/trend-protection.ts).
 *
 * On screen the analyst sees every month. The export leaves out the months whose count is
 * hidden in the CSVs ("<5", "x"), and every line that would give them back: the baseline's
 * expectation when a hidden month lies before the judged period (it is their mean), and an
 * index whose base period holds a hidden month (a shown month's count and index give the
 * base's total) — that panel is exported as counts instead.
 */
import {
  axisMaxima,
  indexBaseLength,
  MIN_INDEX_BASE_COUNT,
  scaledValues,
  scaleSeries,
  TREND_AXIS_LINES,
  TREND_UNIT_LABELS,
  type ScaledSeries,
  type TrendFallback,
  type TrendMeasure,
  type TrendScale,
} from '$lib/analysis/trend-scale';
import { MIN_INHABITANTS_FOR_RATE } from '$lib/analysis/area-rates';
import type { CellState } from '$lib/analysis/suppression';
import type { YearMonth } from '$lib/analysis/trend-flags';
import type { TrendPanel } from '$lib/analysis/wijk-trends';
import { formatMonthKey } from '$lib/format/nl';

/** The inputs of one chart (charts/trend-panel.ts) apart from months and flag. */
export interface PanelDrawing {
  values: (number | null)[];
  yMax: number | undefined;
  expectedPerMonth: number | null;
  reference: number | null;
  unit: string;
  /** The y-axis title in lines (TREND_AXIS_LINES). */
  axisTitle: readonly string[];
  /** Whole numbers only on the axis (counts). */
  wholeTicks: boolean;
  /** Lines drawn above an export's chart: what is left out and why. */
  notes?: readonly string[];
}

export interface PanelView {
  panel: TrendPanel;
  series: ScaledSeries;
  /** Why the panel shows counts instead of the measure or index asked for. */
  fallbackNote: string | null;
  /** Each month's suppression in the shared outputs. */
  states: readonly CellState[];
  screen: PanelDrawing;
  export: PanelDrawing;
}

export const FALLBACK_NOTES: Record<TrendFallback, string> = {
  'inwoners-onbekend':
    'Inwonertal onbekend (niet opgegeven of geheim bij het CBS): aantallen, geen cijfer per 1.000 inwoners.',
  'te-weinig-inwoners': `Minder dan ${MIN_INHABITANTS_FOR_RATE} inwoners: aantallen, geen cijfer per 1.000 inwoners.`,
  'kleine-basis': `Geen index: minder dan ${MIN_INDEX_BASE_COUNT} registraties in de basisperiode; aantallen.`,
  'geen-basis': 'Geen index: geen registraties in de basisperiode; aantallen.',
};

/** Legend lines of an export (each must fit one line of a panel's width). */
export const EXPORT_GAP_NOTE = 'Onderbroken waar een klein aantal (<5) is weggelaten.';
export const EXPORT_INDEX_NOTE = 'Aantallen: de index zou kleine aantallen verraden.';

const COUNTS: ScaledSeries = { unit: 'aantal', factor: 1, fallback: null };

function drawing(
  panel: TrendPanel,
  series: ScaledSeries,
  values: (number | null)[],
  periodMonths: number,
  expectedShown: boolean,
): Omit<PanelDrawing, 'yMax'> {
  const b = panel.assessment.baseline;
  return {
    values,
    expectedPerMonth:
      b.available && expectedShown ? (b.expectedCount / periodMonths) * series.factor : null,
    reference: series.unit === 'index' ? 100 : null,
    unit: TREND_UNIT_LABELS[series.unit],
    axisTitle: TREND_AXIS_LINES[series.unit],
    wholeTicks: series.unit === 'aantal',
  };
}

/** The largest drawn value per unit (hidden months left out), for the export's shared axis. */
function exportMaxima(
  drawn: readonly { series: ScaledSeries; values: readonly (number | null)[] }[],
  scale: TrendScale,
): (number | undefined)[] {
  return axisMaxima(
    drawn.map(({ series, values }) => ({
      counts: values.map((v) => (v === null ? 0 : v / series.factor)),
      series,
    })),
    scale,
  );
}

export function buildPanelViews(
  panels: readonly TrendPanel[],
  protection: ReadonlyMap<string, readonly CellState[]>,
  options: { measure: TrendMeasure; scale: TrendScale; periodMonths: number },
): PanelView[] {
  const { measure, scale, periodMonths } = options;
  const prepared = panels.map((panel) => {
    const series = scaleSeries(panel.counts, panel.wijk.inhabitants, measure, scale);
    const states = protection.get(panel.key) ?? panel.counts.map(() => 'shown' as const);
    const hidden = states.map((s) => s !== 'shown');
    const n = panel.counts.length;
    const baseHidden = hidden.slice(0, indexBaseLength(n)).some(Boolean);
    const exportSeries = series.unit === 'index' && baseHidden ? COUNTS : series;
    const exportValues = scaledValues(panel.counts, exportSeries).map((v, i) =>
      hidden[i] ? null : v,
    );
    return { panel, series, states, hidden, exportSeries, exportValues };
  });
  const screenMax = axisMaxima(
    prepared.map((p) => ({ counts: p.panel.counts, series: p.series })),
    scale,
  );
  const exportMax = exportMaxima(
    prepared.map((p) => ({ series: p.exportSeries, values: p.exportValues })),
    scale,
  );
  return prepared.map((p, k) => {
    const { panel, series, hidden, exportSeries } = p;
    const beforePeriod = hidden.slice(0, Math.max(0, panel.counts.length - periodMonths));
    const indexWithheld = exportSeries !== series;
    const notes = [
      ...(indexWithheld ? [EXPORT_INDEX_NOTE] : []),
      ...(hidden.some(Boolean) ? [EXPORT_GAP_NOTE] : []),
    ];
    return {
      panel,
      series,
      fallbackNote: series.fallback ? FALLBACK_NOTES[series.fallback] : null,
      states: p.states,
      screen: {
        ...drawing(panel, series, scaledValues(panel.counts, series), periodMonths, true),
        yMax: screenMax[k],
      },
      export: {
        ...drawing(panel, exportSeries, p.exportValues, periodMonths, !beforePeriod.some(Boolean)),
        yMax: exportMax[k],
        ...(notes.length ? { notes } : {}),
      },
    };
  });
}

/** The scale in a few words, for each chart's accessible name. */
export const SCALE_SHORT: Record<TrendScale, string> = {
  eigen: 'eigen schaal per wijk',
  zelfde: 'zelfde schaal voor alle wijken',
  index: 'index, basisperiode = 100, zelfde schaal voor alle wijken',
};

/** Which scale the panels are drawn on, and how to read it: said above the panels. */
export function describeScale(
  scale: TrendScale,
  base: { first: YearMonth; last: YearMonth } | null,
): string {
  if (scale === 'eigen') {
    return (
      'Eigen schaal per wijk: elke grafiek loopt van 0 tot haar eigen hoogste waarde. ' +
      'Vergelijk de vorm van de reeksen; lees het niveau af aan de getallen langs de as.'
    );
  }
  if (scale === 'zelfde') {
    return (
      'Zelfde schaal voor alle wijken: de hoogtes zijn direct te vergelijken, maar een wijk ' +
      'met veel registraties kan de andere vlak laten lijken.'
    );
  }
  const month = (m: YearMonth) => formatMonthKey(`${m.year}-${m.month}`);
  const period = base ? `${month(base.first)} t/m ${month(base.last)}` : 'de eerste maanden';
  return (
    `Index: elke reeks ten opzichte van haar eigen gemiddelde over ${period} (= 100), op één ` +
    'schaal voor alle wijken; 150 is de helft meer dan in die basisperiode. Aantallen en ' +
    `cijfers per 1.000 inwoners geven dezelfde index. Geen index bij minder dan ` +
    `${MIN_INDEX_BASE_COUNT} registraties in de basisperiode.`
  );
}
