/**
 * The Tijden and Wijken views' own settings in the URL, next to the shared filter's
 * parameters (filter-url.ts), so a reload or a shared link opens the same picture.
 * Tijden: `maxvenster` (longest time window still spread, hours) and `indeling` (dagdeel
 * start hours). Wijken: `periode` (months judged), `reeks` (theme of the small multiples)
 * and `maat` (count or rate per 1,000 inhabitants). Unknown values fall back to defaults.
 */
import { DEFAULT_MAX_WINDOW_HOURS } from '$lib/analysis/aoristic';
import { DEFAULT_BOUNDARIES, parseBoundaries } from '$lib/analysis/dagdeel-config';
import type { RecordTable } from '$lib/data/schema';
import type { FilterSelection } from '../shared/filter-url';

export const MAX_WINDOW_OPTIONS = [6, 12, 24, 48, 72, 168] as const;
export const PERIOD_OPTIONS = [1, 3, 12] as const;

export interface TimesView {
  maxWindowHours: number;
  boundaries: number[];
}

export interface WijkenView {
  periodMonths: number;
  /** '' = all themes of the filter together. */
  theme: string;
  measure: 'aantal' | 'per1000';
}

export const DEFAULT_TIMES_VIEW: TimesView = {
  maxWindowHours: DEFAULT_MAX_WINDOW_HOURS,
  boundaries: [...DEFAULT_BOUNDARIES],
};
export const DEFAULT_WIJKEN_VIEW: WijkenView = { periodMonths: 12, theme: '', measure: 'aantal' };

export function parseTimesView(params: URLSearchParams): TimesView {
  const max = Number(params.get('maxvenster'));
  const boundaries = parseBoundaries(params.get('indeling') ?? '');
  return {
    maxWindowHours: (MAX_WINDOW_OPTIONS as readonly number[]).includes(max)
      ? max
      : DEFAULT_TIMES_VIEW.maxWindowHours,
    boundaries: boundaries ?? [...DEFAULT_BOUNDARIES],
  };
}

export function writeTimesView(params: URLSearchParams, view: TimesView): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('maxvenster');
  next.delete('indeling');
  if (view.maxWindowHours !== DEFAULT_TIMES_VIEW.maxWindowHours) {
    next.set('maxvenster', String(view.maxWindowHours));
  }
  if (view.boundaries.join(',') !== DEFAULT_BOUNDARIES.join(',')) {
    next.set('indeling', view.boundaries.join(','));
  }
  return next;
}

const THEME_VALUE = /^[\p{L}\p{N}_-]{1,40}$/u;

export function parseWijkenView(params: URLSearchParams): WijkenView {
  const period = Number(params.get('periode'));
  const theme = params.get('reeks') ?? '';
  return {
    periodMonths: (PERIOD_OPTIONS as readonly number[]).includes(period)
      ? period
      : DEFAULT_WIJKEN_VIEW.periodMonths,
    theme: THEME_VALUE.test(theme) ? theme : '',
    measure: params.get('maat') === 'per1000' ? 'per1000' : 'aantal',
  };
}

export function writeWijkenView(params: URLSearchParams, view: WijkenView): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['periode', 'reeks', 'maat']) next.delete(key);
  if (view.periodMonths !== DEFAULT_WIJKEN_VIEW.periodMonths) {
    next.set('periode', String(view.periodMonths));
  }
  if (view.theme) next.set('reeks', view.theme);
  if (view.measure !== 'aantal') next.set('maat', view.measure);
  return next;
}

/**
 * Hot times and trends are about demand: without an explicit source in the filter they
 * count incidents and meldingen, not the team's own visits (which answer demand).
 */
export function demandTables(
  selection: FilterSelection,
  tables: readonly RecordTable[],
): RecordTable[] {
  return selection.sources.length ? [...tables] : ['incidents', 'meldingen'];
}
