/**
 * The y-axis of the Wijken small multiples (issue 26): what each panel draws and on which
 * scale, so that a wijk with many registrations (a bedrijventerrein per 1.000 inwoners)
 * does not flatten every other panel.
 *
 * - `eigen`: each panel its own axis, from 0 to its own maximum — the shape of every series
 *   shows; the levels are read from the numbers on the axis.
 * - `zelfde`: one axis for all panels in the same unit — levels compare at a glance.
 * - `index`: each series relative to its own base period (the mean of the first
 *   INDEX_BASE_MONTHS months shown = 100), on one axis — growth compares across wijken of
 *   any size. The index of a count and of a rate per 1.000 inwoners is the same (the
 *   population is one number per wijk).
 *
 * Every value drawn is the monthly count times a factor (1, 1000 / inwoners, or
 * 100 / base mean), so the baseline's expectation is drawn in the same unit the same way.
 */
import { MIN_INHABITANTS_FOR_RATE } from './area-rates';

export type TrendScale = 'eigen' | 'zelfde' | 'index';
export type TrendMeasure = 'aantal' | 'per1000';
export type TrendUnit = 'aantal' | 'per1000' | 'index';

export const TREND_SCALES: readonly TrendScale[] = ['eigen', 'zelfde', 'index'];

/** Months at the start of the shown series whose mean is the index's 100. */
export const INDEX_BASE_MONTHS = 12;
/**
 * No index on fewer registrations than this in the base period: with a Poisson count the
 * base itself is then uncertain by more than about 20% (1/√20 ≈ 0,22), and an index of
 * 300 or 25 would say more about the base than about the wijk.
 */
export const MIN_INDEX_BASE_COUNT = 20;

/**
 * The y-axis title of each unit, always with "per maand" (the series' time unit), in lines
 * short enough to stand beside a small multiple.
 */
export const TREND_AXIS_LINES: Record<TrendUnit, readonly string[]> = {
  aantal: ['registraties per maand'],
  per1000: ['per 1.000 inwoners', 'per maand'],
  index: ['index', '(basisperiode = 100)'],
};

/** The same titles as running text. */
export const TREND_AXIS_TITLES: Record<TrendUnit, string> = {
  aantal: TREND_AXIS_LINES.aantal.join(' '),
  per1000: TREND_AXIS_LINES.per1000.join(' '),
  index: TREND_AXIS_LINES.index.join(' '),
};

/** The series' name in tooltips and the table. */
export const TREND_UNIT_LABELS: Record<TrendUnit, string> = {
  aantal: 'Aantal',
  per1000: 'Per 1.000 inwoners',
  index: 'Index',
};

/** Why a panel shows counts instead of the unit asked for. */
export type TrendFallback =
  'inwoners-onbekend' | 'te-weinig-inwoners' | 'kleine-basis' | 'geen-basis';

export interface ScaledSeries {
  unit: TrendUnit;
  /** Drawn value = monthly count × factor. */
  factor: number;
  /** Set when the measure or scale asked for could not be given (counts shown instead). */
  fallback: TrendFallback | null;
}

/** How many of `monthCount` months form the index's base period. */
export function indexBaseLength(monthCount: number): number {
  return Math.min(INDEX_BASE_MONTHS, monthCount);
}

/**
 * What one panel draws: its counts as they are, per 1.000 inwoners (from
 * MIN_INHABITANTS_FOR_RATE people on), or as an index of its base period.
 */
export function scaleSeries(
  counts: readonly number[],
  inhabitants: number | null,
  measure: TrendMeasure,
  scale: TrendScale,
): ScaledSeries {
  if (scale === 'index') {
    const baseLength = indexBaseLength(counts.length);
    const baseTotal = counts.slice(0, baseLength).reduce((a, b) => a + b, 0);
    if (baseTotal === 0) return { unit: 'aantal', factor: 1, fallback: 'geen-basis' };
    if (baseTotal < MIN_INDEX_BASE_COUNT) {
      return { unit: 'aantal', factor: 1, fallback: 'kleine-basis' };
    }
    return { unit: 'index', factor: (100 * baseLength) / baseTotal, fallback: null };
  }
  if (measure === 'per1000') {
    if (inhabitants === null || !Number.isFinite(inhabitants)) {
      return { unit: 'aantal', factor: 1, fallback: 'inwoners-onbekend' };
    }
    if (!(inhabitants >= MIN_INHABITANTS_FOR_RATE)) {
      return { unit: 'aantal', factor: 1, fallback: 'te-weinig-inwoners' };
    }
    return { unit: 'per1000', factor: 1000 / inhabitants, fallback: null };
  }
  return { unit: 'aantal', factor: 1, fallback: null };
}

/** The values a panel draws. */
export function scaledValues(counts: readonly number[], series: ScaledSeries): number[] {
  return counts.map((n) => n * series.factor);
}

/**
 * Each panel's axis maximum: undefined on its own scale (the chart fits its own data), else
 * the largest value of all panels drawn in the same unit (at least 1). Under `index` only
 * the indexes share an axis; a panel shown in counts instead keeps its own.
 */
export function axisMaxima(
  panels: readonly { counts: readonly number[]; series: ScaledSeries }[],
  scale: TrendScale,
): (number | undefined)[] {
  if (scale === 'eigen') return panels.map(() => undefined);
  const max = new Map<TrendUnit, number>();
  for (const { counts, series } of panels) {
    const top = Math.max(0, ...scaledValues(counts, series));
    max.set(series.unit, Math.max(max.get(series.unit) ?? 1, top));
  }
  return panels.map(({ series }) =>
    scale === 'index' && series.unit !== 'index' ? undefined : max.get(series.unit),
  );
}
