/**
 * Every URL parameter of the app, once: its name, what it means and how its text is read
 * and written. A key means the same on every page (a day is a day, a list a list), so a
 * link or the filter carried along by the navigation never changes meaning on the way; a
 * page narrows a value (Management takes one theme of `thema`), it never redefines it.
 * tests/unit/url-keys.test.ts fails when a page reads a key differently.
 *
 * Links from before this registry used `gebied` for the filter's rectangle and `van`/`tot`
 * for Management's months; `upgradeLegacyParams` reads them in the current form.
 */
import { MAX_NORM_DAYS } from '$lib/analysis/melding-handling';
import {
  boxCodec,
  dayCodec,
  isMonth,
  keyedIntegersCodec,
  listCodec,
  spanCodec,
  textCodec,
  wordChoiceCodec,
  type ValueCodec,
} from './url-codec';

export interface UrlKey<T> {
  /** What the value means, for people reading the URL or this file. */
  meaning: string;
  codec: ValueCodec<T>;
  /** A valid value that is no page's default (the registry test round-trips it). */
  example: string;
}

const key = <T>(meaning: string, codec: ValueCodec<T>, example: string): UrlKey<T> => ({
  meaning,
  codec,
  example,
});

const integer = (min: number, max: number): ValueCodec<number> => ({
  parse(raw) {
    const n = Number(raw);
    return raw !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
  },
  format: String,
});

const CODE = /^[A-Za-z0-9_-]{1,40}$/;
/** A gemeente code: CBS `GM0363`, or `GMX` and eight hex digits when generated. */
const GEMEENTE_CODE = /^GM(\d{4}|X[0-9A-F]{8})$/;
const SLUG = /^[a-z0-9-]{1,60}$/;
/** Management's days: the pattern its links have always used (no calendar check). */
const LOOSE_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const BRIEFING_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A publication's version as typed (publish.ts): any visible text, bounded. */
const VERSION_TEXT = /^[^\p{C}]{1,80}$/u;

export const URL_KEYS = {
  // The shared filter (filter-url.ts), followed by Verkennen, Tijden and Wijken.
  van: key('first day of the filter period (inclusive)', dayCodec, '2026-06-01'),
  tot: key('last day of the filter period (inclusive)', dayCodec, '2026-08-31'),
  bron: key('sources: incidenten, meldingen, bezoeken', listCodec(), 'meldingen'),
  thema: key('themes (a page may take only one)', listCodec(), 'jeugd'),
  categorie: key('categories of the filter', listCodec(), 'overlast-van-jongeren'),
  uitkomst: key('outcomes of the filter', listCodec(), 'waarschuwing'),
  dagdeel: key('dagdeel ids (a page may take only one)', listCodec(), 'avond'),
  dag: key('weekdays: ma … zo', listCodec(), 'vr,za'),
  wijk: key('wijk codes of the filter', listCodec(), 'WK990101'),
  buurt: key('buurt codes of the filter', listCodec(), 'BU99010101'),
  kader: key('a drawn lon/lat rectangle of the filter', boxCodec, '6.1,52,6.2,52.1'),
  gemeente: key(
    'gemeente codes of the filter (CBS GMnnnn; GMX… generated, data/gemeente.ts)',
    listCodec(GEMEENTE_CODE),
    'GM9901,GM9902',
  ),
  // Verkennen (explore-url.ts).
  lagen: key('visible map layers', listCodec(/^[a-z]{1,20}$/), 'punten,hotspots'),
  laag: key('one map layer (links from before lagen)', textCodec(/^[a-z]{1,20}$/), 'hotspots'),
  cel: key('hexagon circumradius in metres', integer(1, 10_000), '200'),
  buren: key('Gi* neighbourhood: rings (r2) or metres (400m)', textCodec(/^(r\d|\d+m)$/), 'r2'),
  bandbreedte: key('density bandwidth in metres', integer(1, 100_000), '500'),
  gebied_niveau: key('area level of the choropleth', wordChoiceCodec(['wijk', 'buurt']), 'buurt'),
  maat: key(
    'count or rate per 1,000 inhabitants',
    wordChoiceCodec(['aantal', 'per1000']),
    'per1000',
  ),
  stap: key('months per step of emerging hot spots', integer(1, 120), '6'),
  achtergrond: key('basemap', wordChoiceCodec(['offline', 'pdok']), 'pdok'),
  kaart: key(
    'map centre and zoom: lon,lat,zoom',
    textCodec(/^[\d.,-]{5,60}$/),
    '6.20000,52.07000,13.00',
  ),
  // Tijden and Wijken (times-url.ts).
  maxvenster: key('longest time window still spread, hours', integer(1, 10_000), '6'),
  indeling: key('dagdeel start hours', textCodec(/^[\d,; ]{1,100}$/), '7,15,23'),
  periode: key('months judged by Wijken', integer(1, 120), '3'),
  reeks: key('theme of the small multiples', textCodec(/^[\p{L}\p{N}_-]{1,40}$/u), 'afval'),
  schaal: key(
    'y-axis of the Wijken small multiples: own per wijk, shared, or index',
    wordChoiceCodec(['eigen', 'zelfde', 'index']),
    'index',
  ),
  // Briefing (briefing-url.ts).
  datum: key('day of the briefing', textCodec(BRIEFING_DATE), '2026-07-17'),
  weken: key('weeks of history behind the forecast', integer(1, 520), '4'),
  terug: key('hours of recent registrations', integer(1, 10_000), '72'),
  schouw: key('days since the last schouw', integer(1, 10_000), '180'),
  // Management (management-url.ts) and its report.
  maanden: key('months of the key figures: from_to', spanCodec(isMonth), '2025-11_2026-10'),
  gebied: key(
    'evaluated area: interventie:ID or wijk:CODE',
    textCodec(/^(interventie|wijk):[A-Za-z0-9_-]{1,40}$/),
    'interventie:IV-001',
  ),
  ethema: key('theme of the evaluation (empty: all)', textCodec(/^[a-z-]{0,40}$/), 'honden'),
  categorieen: key('categories of the evaluation', listCodec(SLUG), 'drugsoverlast'),
  buffer: key('buffer of the evaluation, metres', integer(0, 5000), '400'),
  controle: key('control wijk of the evaluation', textCodec(CODE), 'WK990100'),
  voor: key('days before the intervention: from_to', spanCodec(looseDay), '2024-11-01_2025-10-31'),
  na: key('days after the intervention: from_to', spanCodec(looseDay), '2025-11-01_2026-10-31'),
  wijken: key('wijk codes in the report', listCodec(CODE), 'WK990103'),
  // Every page: written by "Link kopiëren" only (link-version.ts), never by a view.
  versie: key(
    'version of the published data the link was made on',
    textCodec(VERSION_TEXT),
    '2026-11-23 14:05',
  ),
  norm: key(
    'handling norm of meldingen in kalenderdagen: default, then category:days',
    keyedIntegersCodec(1, MAX_NORM_DAYS),
    '10,container-is-vol:3,grofvuil:21',
  ),
} as const;

function looseDay(value: string): boolean {
  return LOOSE_DAY.test(value);
}

export type UrlKeyName = keyof typeof URL_KEYS;

/** Keys still read from old links but no longer written. */
export const LEGACY_KEYS: ReadonlySet<UrlKeyName> = new Set<UrlKeyName>(['laag']);
export type UrlValue<K extends UrlKeyName> =
  (typeof URL_KEYS)[K]['codec'] extends ValueCodec<infer T> ? T : never;

/** The key's value, or null when it is missing or invalid. */
export function readKey<K extends UrlKeyName>(
  params: URLSearchParams,
  name: K,
): UrlValue<K> | null {
  const raw = params.get(name);
  return raw === null ? null : (URL_KEYS[name].codec as ValueCodec<UrlValue<K>>).parse(raw);
}

/** Sets the key in `params`; null, undefined and an empty list remove it. */
export function writeKey<K extends UrlKeyName>(
  params: URLSearchParams,
  name: K,
  value: UrlValue<K> | null | undefined,
): void {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
    params.delete(name);
  } else {
    params.set(name, (URL_KEYS[name].codec as ValueCodec<UrlValue<K>>).format(value));
  }
}

/** `value` when it is one of `allowed`, else `fallback` (an unknown value in a link). */
export function oneOf<T extends number>(
  value: number | null,
  allowed: readonly T[],
  fallback: T,
): T {
  return (allowed as readonly number[]).includes(value ?? NaN) ? (value as T) : fallback;
}

/** A setting that differs from the default, or nothing (plain links stay plain). */
export const unlessDefault = <T>(value: T, fallback: T): T | null =>
  value === fallback ? null : value;

/**
 * A page's state in the URL: the keys it reads and writes (all from URL_KEYS), how it
 * reads them into its view and writes the view back, keeping every other key.
 */
export interface PageUrlCodec<V> {
  readonly keys: readonly UrlKeyName[];
  parse(params: URLSearchParams): V;
  write(params: URLSearchParams, view: V): URLSearchParams;
}

/**
 * Links from before the registry in today's form: the filter's rectangle was `gebied`
 * (now the evaluated area) and Management's months were `van`/`tot` (now the filter's
 * days). Returns null when there is nothing to rewrite.
 */
export function upgradeLegacyParams(params: URLSearchParams): URLSearchParams | null {
  let next: URLSearchParams | null = null;
  const copy = () => (next ??= new URLSearchParams(params));
  const area = params.get('gebied');
  if (area !== null && boxCodec.parse(area)) {
    copy().delete('gebied');
    if (!params.has('kader')) copy().set('kader', area);
  }
  const from = params.get('van');
  const to = params.get('tot');
  if (isMonth(from) && isMonth(to)) {
    copy().delete('van');
    copy().delete('tot');
    const span = URL_KEYS.maanden.codec.parse(`${from}_${to}`);
    if (span && !params.has('maanden')) copy().set('maanden', URL_KEYS.maanden.codec.format(span));
  }
  return next;
}

/** The params in today's form (a copy only when something was rewritten). */
export function currentParams(params: URLSearchParams): URLSearchParams {
  return upgradeLegacyParams(params) ?? params;
}
