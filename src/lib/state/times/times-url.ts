/**
 * The Tijden and Wijken views' own settings in the URL, next to the shared filter's
 * parameters (filter-url.ts), so a reload or a shared link opens the same picture.
 * Tijden: `maxvenster` (longest time window still spread, hours) and `indeling` (dagdeel
 * start hours). Wijken: `periode` (months judged), `reeks` (theme of the small multiples),
 * `maat` (count or rate per 1,000 inhabitants) and `schaal` (own axis per wijk, one axis, or
 * an index). Unknown values fall back to defaults; keys and their meaning: url-keys.ts.
 */
import { DEFAULT_MAX_WINDOW_HOURS } from '$lib/analysis/aoristic';
import { DEFAULT_BOUNDARIES, parseBoundaries } from '$lib/analysis/dagdeel-config';
import type { TrendScale } from '$lib/analysis/trend-scale';
import type { RecordTable } from '$lib/data/schema';
import type { FilterSelection } from '../shared/filter-url';
import { oneOf, readKey, unlessDefault, writeKey, type PageUrlCodec } from '../shared/url-keys';

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
  /** y-axis of the small multiples: own per wijk, one for all, or an index. */
  scale: TrendScale;
}

export const DEFAULT_TIMES_VIEW: TimesView = {
  maxWindowHours: DEFAULT_MAX_WINDOW_HOURS,
  boundaries: [...DEFAULT_BOUNDARIES],
};
export const DEFAULT_WIJKEN_VIEW: WijkenView = {
  periodMonths: 12,
  theme: '',
  measure: 'aantal',
  scale: 'eigen',
};

export function parseTimesView(params: URLSearchParams): TimesView {
  const { maxWindowHours } = DEFAULT_TIMES_VIEW;
  return {
    maxWindowHours: oneOf(readKey(params, 'maxvenster'), MAX_WINDOW_OPTIONS, maxWindowHours),
    boundaries: parseBoundaries(readKey(params, 'indeling') ?? '') ?? [...DEFAULT_BOUNDARIES],
  };
}

export function writeTimesView(params: URLSearchParams, view: TimesView): URLSearchParams {
  const next = new URLSearchParams(params);
  const boundaries = view.boundaries.join(',');
  writeKey(
    next,
    'maxvenster',
    unlessDefault(view.maxWindowHours, DEFAULT_TIMES_VIEW.maxWindowHours),
  );
  writeKey(next, 'indeling', unlessDefault(boundaries, DEFAULT_BOUNDARIES.join(',')));
  return next;
}

export function parseWijkenView(params: URLSearchParams): WijkenView {
  const { periodMonths } = DEFAULT_WIJKEN_VIEW;
  return {
    periodMonths: oneOf(readKey(params, 'periode'), PERIOD_OPTIONS, periodMonths),
    theme: readKey(params, 'reeks') ?? '',
    measure: readKey(params, 'maat') ?? 'aantal',
    scale: readKey(params, 'schaal') ?? DEFAULT_WIJKEN_VIEW.scale,
  };
}

export function writeWijkenView(params: URLSearchParams, view: WijkenView): URLSearchParams {
  const next = new URLSearchParams(params);
  writeKey(next, 'periode', unlessDefault(view.periodMonths, DEFAULT_WIJKEN_VIEW.periodMonths));
  writeKey(next, 'reeks', view.theme || null);
  writeKey(next, 'maat', unlessDefault(view.measure, DEFAULT_WIJKEN_VIEW.measure));
  writeKey(next, 'schaal', unlessDefault(view.scale, DEFAULT_WIJKEN_VIEW.scale));
  return next;
}

export const timesUrlCodec: PageUrlCodec<TimesView> = {
  keys: ['maxvenster', 'indeling'],
  parse: parseTimesView,
  write: writeTimesView,
};

export const wijkenUrlCodec: PageUrlCodec<WijkenView> = {
  keys: ['periode', 'reeks', 'maat', 'schaal'],
  parse: parseWijkenView,
  write: writeWijkenView,
};

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

/** What `demandTables` counts, in the view's explanation. */
export function demandSourcesText(selection: FilterSelection): string {
  return selection.sources.length ? 'de gekozen bronnen' : 'incidenten en meldingen';
}
