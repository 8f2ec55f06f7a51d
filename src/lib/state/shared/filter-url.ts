/**
 * The shared filter as the user sets it (FilterSelection), its place in the URL
 * (`?van=2026-06-01&tot=2026-08-31&bron=meldingen&thema=jeugd,horeca&dagdeel=avond&dag=vr,za`)
 * and its translation to the query filter (record-filter.ts). Every view reads the same
 * selection, so a link opens the same picture for a colleague. Unknown or tampered values
 * are dropped, never passed on.
 */
import { DEFAULT_DAGDELEN, hoursOfDagdelen, type Dagdeel } from '$lib/analysis/dagdelen';
import type { RecordFilter } from '$lib/data/queries/record-filter';
import { RECORD_TABLES, type RecordTable } from '$lib/data/schema';
import { WEEKDAY_NAMES } from '$lib/format/nl';

export interface FilterSelection {
  /** First day, 'YYYY-MM-DD' (inclusive). */
  from: string | null;
  /** Last day, 'YYYY-MM-DD' (inclusive). */
  to: string | null;
  /** Empty = all sources. */
  sources: RecordTable[];
  themes: string[];
  categories: string[];
  outcomes: string[];
  dagdelen: string[];
  /** ISO weekdays 1 = maandag … 7 = zondag. */
  weekdays: number[];
  wijken: string[];
  buurten: string[];
  /** A drawn rectangle [minLon, minLat, maxLon, maxLat]. */
  bbox: [number, number, number, number] | null;
}

export const EMPTY_SELECTION: FilterSelection = {
  from: null,
  to: null,
  sources: [],
  themes: [],
  categories: [],
  outcomes: [],
  dagdelen: [],
  weekdays: [],
  wijken: [],
  buurten: [],
  bbox: null,
};

export const SOURCE_KEYS: Record<RecordTable, string> = {
  incidents: 'incidenten',
  meldingen: 'meldingen',
  visits: 'bezoeken',
};

export const SOURCE_LABELS: Record<RecordTable, string> = {
  incidents: 'Incidenten',
  meldingen: 'Meldingen',
  visits: 'Bezoeken',
};

export const WEEKDAY_KEYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export const WEEKDAY_LABELS = WEEKDAY_NAMES;

/** URL parameter names of the filter (other parameters of a view are left alone). */
export const FILTER_PARAMS = [
  'van',
  'tot',
  'bron',
  'thema',
  'categorie',
  'uitkomst',
  'dagdeel',
  'dag',
  'wijk',
  'buurt',
  'gebied',
] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Codes, categories and outcomes: letters, digits and a few separators, bounded length. */
const VALUE = /^[\p{L}\p{N} _.\-/'()&+]{1,80}$/u;

function isDay(value: string | null): value is string {
  if (!value || !DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function list(params: URLSearchParams, key: string): string[] {
  const raw = params.get(key);
  if (!raw) return [];
  const values = raw.split(',').map((v) => v.trim());
  return [...new Set(values.filter((v) => VALUE.test(v)))].slice(0, 200);
}

export function parseFilterSelection(
  params: URLSearchParams,
  dagdelen: readonly Dagdeel[] = DEFAULT_DAGDELEN,
): FilterSelection {
  const sourceByKey = new Map(RECORD_TABLES.map((t) => [SOURCE_KEYS[t], t]));
  const from = params.get('van');
  const to = params.get('tot');
  const bbox = (params.get('gebied') ?? '').split(',').map(Number);
  const validBox =
    bbox.length === 4 &&
    bbox.every(Number.isFinite) &&
    bbox[0] < bbox[2] &&
    bbox[1] < bbox[3] &&
    Math.abs(bbox[1]) <= 90 &&
    Math.abs(bbox[3]) <= 90;
  const selection: FilterSelection = {
    from: isDay(from) ? from : null,
    to: isDay(to) ? to : null,
    sources: list(params, 'bron')
      .map((k) => sourceByKey.get(k))
      .filter((t): t is RecordTable => t !== undefined),
    themes: list(params, 'thema'),
    categories: list(params, 'categorie'),
    outcomes: list(params, 'uitkomst'),
    dagdelen: list(params, 'dagdeel').filter((id) => dagdelen.some((d) => d.id === id)),
    weekdays: list(params, 'dag')
      .map((k) => WEEKDAY_KEYS.indexOf(k as (typeof WEEKDAY_KEYS)[number]) + 1)
      .filter((d) => d > 0)
      .sort((a, b) => a - b),
    wijken: list(params, 'wijk'),
    buurten: list(params, 'buurt'),
    bbox: validBox ? (bbox as [number, number, number, number]) : null,
  };
  if (selection.from && selection.to && selection.from > selection.to) {
    [selection.from, selection.to] = [selection.to, selection.from];
  }
  return selection;
}

/**
 * Writes the selection into `params` (a copy), replacing every filter parameter and
 * keeping the view's own. Empty fields are left out so plain links stay plain.
 */
export function writeFilterSelection(
  params: URLSearchParams,
  selection: FilterSelection,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of FILTER_PARAMS) next.delete(key);
  const set = (key: string, values: readonly (string | number)[]) => {
    if (values.length) next.set(key, values.join(','));
  };
  if (selection.from) next.set('van', selection.from);
  if (selection.to) next.set('tot', selection.to);
  set(
    'bron',
    selection.sources.map((t) => SOURCE_KEYS[t]),
  );
  set('thema', selection.themes);
  set('categorie', selection.categories);
  set('uitkomst', selection.outcomes);
  set('dagdeel', selection.dagdelen);
  set(
    'dag',
    selection.weekdays.map((d) => WEEKDAY_KEYS[d - 1]),
  );
  set('wijk', selection.wijken);
  set('buurt', selection.buurten);
  if (selection.bbox)
    set(
      'gebied',
      selection.bbox.map((v) => Number(v.toFixed(5))),
    );
  return next;
}

export function isEmptySelection(selection: FilterSelection): boolean {
  return writeFilterSelection(new URLSearchParams(), selection).toString() === '';
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The tables and query filter a selection means (dagdelen become hours). */
export function toRecordFilter(
  selection: FilterSelection,
  dagdelen: readonly Dagdeel[] = DEFAULT_DAGDELEN,
): { tables: RecordTable[]; filter: RecordFilter } {
  const tables = selection.sources.length ? [...selection.sources] : [...RECORD_TABLES];
  const filter: RecordFilter = {
    from: selection.from ? `${selection.from} 00:00:00` : undefined,
    to: selection.to ? `${nextDay(selection.to)} 00:00:00` : undefined,
    themes: selection.themes,
    categories: selection.categories,
    outcomes: selection.outcomes,
    hours: selection.dagdelen.length ? hoursOfDagdelen(selection.dagdelen, dagdelen) : undefined,
    weekdays: selection.weekdays,
    wijkcodes: selection.wijken,
    buurtcodes: selection.buurten,
    bbox: selection.bbox ?? undefined,
  };
  return { tables, filter };
}
