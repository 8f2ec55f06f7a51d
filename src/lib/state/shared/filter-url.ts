/**
 * The shared filter as the user sets it (FilterSelection), its place in the URL
 * (`?van=2026-06-01&tot=2026-08-31&bron=meldingen&thema=jeugd,horeca&dagdeel=avond&dag=vr,za`
 * and, on a region's data, `&gemeente=GM0363`;
 * keys in url-keys.ts)
 * and its translation to the query filter (record-filter.ts). Every view reads the same
 * selection, so a link opens the same picture for a colleague. Unknown or tampered values
 * are dropped, never passed on.
 */
import { DEFAULT_DAGDELEN, hoursOfDagdelen, type Dagdeel } from '$lib/analysis/dagdelen';
import type { RecordFilter } from '$lib/data/queries/record-filter';
import { RECORD_TABLES, type RecordTable } from '$lib/data/schema';
import { WEEKDAY_NAMES } from '$lib/format/nl';
import { currentParams, readKey, writeKey, type PageUrlCodec, type UrlKeyName } from './url-keys';

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
  /** Gemeente codes (a region's data; data/gemeente.ts). */
  gemeenten: string[];
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
  gemeenten: [],
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
  'kader',
  'gemeente',
] as const satisfies readonly UrlKeyName[];

export function parseFilterSelection(
  params: URLSearchParams,
  dagdelen: readonly Dagdeel[] = DEFAULT_DAGDELEN,
): FilterSelection {
  const url = currentParams(params);
  const sourceByKey = new Map(RECORD_TABLES.map((t) => [SOURCE_KEYS[t], t]));
  const list = (key: (typeof FILTER_PARAMS)[number]) => (readKey(url, key) as string[]) ?? [];
  const selection: FilterSelection = {
    from: readKey(url, 'van'),
    to: readKey(url, 'tot'),
    sources: list('bron')
      .map((k) => sourceByKey.get(k))
      .filter((t): t is RecordTable => t !== undefined),
    themes: list('thema'),
    categories: list('categorie'),
    outcomes: list('uitkomst'),
    dagdelen: list('dagdeel').filter((id) => dagdelen.some((d) => d.id === id)),
    weekdays: list('dag')
      .map((k) => WEEKDAY_KEYS.indexOf(k as (typeof WEEKDAY_KEYS)[number]) + 1)
      .filter((d) => d > 0)
      .sort((a, b) => a - b),
    wijken: list('wijk'),
    buurten: list('buurt'),
    gemeenten: list('gemeente'),
    bbox: readKey(url, 'kader'),
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
  const next = new URLSearchParams(currentParams(params));
  for (const key of FILTER_PARAMS) next.delete(key);
  writeKey(next, 'van', selection.from);
  writeKey(next, 'tot', selection.to);
  writeKey(
    next,
    'bron',
    selection.sources.map((t) => SOURCE_KEYS[t]),
  );
  writeKey(next, 'thema', selection.themes);
  writeKey(next, 'categorie', selection.categories);
  writeKey(next, 'uitkomst', selection.outcomes);
  writeKey(next, 'dagdeel', selection.dagdelen);
  writeKey(
    next,
    'dag',
    selection.weekdays.map((d) => WEEKDAY_KEYS[d - 1]),
  );
  writeKey(next, 'wijk', selection.wijken);
  writeKey(next, 'buurt', selection.buurten);
  writeKey(next, 'kader', selection.bbox);
  writeKey(next, 'gemeente', selection.gemeenten);
  return next;
}

/** The shared filter as a page codec (tests/unit/url-keys.test.ts). */
export const filterUrlCodec: PageUrlCodec<FilterSelection> = {
  keys: FILTER_PARAMS,
  parse: (params) => parseFilterSelection(params),
  write: writeFilterSelection,
};

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
    gemeenten: selection.gemeenten,
    bbox: selection.bbox ?? undefined,
  };
  return { tables, filter };
}
