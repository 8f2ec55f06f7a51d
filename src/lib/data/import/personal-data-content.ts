/**
 * Content evidence for personal data: which kind, if any, a sample of one column's values
 * holds, and for what share of the sample. One pass over the values with cheap pre-checks
 * before each recogniser, so 50 columns x 1000 values stay well under 50 ms.
 *
 * Short free text (issue 27, item 7): notes such as `gesproken met Jansen` and bare names
 * such as `Piet Jansen` are too short for the free-text rule and too varied for the name
 * shapes, and one such value cannot be told from a category label (`Overlast Bedrijven`).
 * So the decision is made for the column. A value is a *note* when it has two or more words
 * (tokens with two letters or more), is not a known label — theme keys, names and synonyms,
 * the default theme mapping's (Signalen) categories, outcomes and visit kinds, compared as
 * `normalizeLabel` does — nor an address or street name, and either a word after the first
 * starts with a capital or it has three words or more (`geen actie` is not a note). A column is short free text when
 *   - at least SHORT_TEXT.minShare (50%) of its values are notes,
 *   - the notes vary: distinct notes ≥ SHORT_TEXT.minDistinctShare (10%) of them,
 *   - and there are at least SHORT_TEXT.minDistinct (20) distinct notes.
 * Notes and names repeat too (the same person, the same remark), hence the low share. A
 * category column has a fixed list: under 20 labels never counts, and more labels repeat
 * over a sample of 1,000 (50 labels are 5%). Known limit: a small file (under ~200 rows)
 * with 20+ display categories outside the vocabulary is refused, and so is a column of 20+
 * distinct business names (`Café De Kroon`) over half its values; map the categories on
 * screen or use the slugs.
 * Place-name columns (`placeNames`: names of areas, aandachtslocaties, interventions) are
 * exempt from both free-text rules: every place or intervention has its own multi-word,
 * sometimes long name (`Cameratoezicht en extra surveillance Stationsplein`); the
 * recognisers (names, BSN, e-mail, …) still apply to them.
 *
 * Dates in a column whose name says start, end or vacancy (`leeg_sinds`, `einddatum`; see
 * `isEventDateHeader`) are never judged birth dates (issue 27, item 11).
 */
import { DEFAULT_THEME_MAPPING, OUTCOMES, VISIT_KINDS } from '../themes';
import { normalizeLabel, themeLabels } from '../theme-labels';
import type { PersonalDataKind } from './personal-data';
import { isEventDateHeader } from './personal-data-header';
import { looksLikePersonName } from './personal-data-names';
import {
  isValidBsn,
  isValidIban,
  looksLikeDutchPhone,
  looksLikeDutchPlate,
  looksLikeEmail,
  parseDay,
} from './personal-data-values';

/** Shares of the sampled values needed before a column counts as holding that kind. */
export const CONTENT_THRESHOLDS = {
  'e-mailadres': 0.3,
  iban: 0.3,
  /** Random 9-digit numbers pass the 11-proef 1 time in 11; a BSN column passes (nearly) always. */
  bsn: 0.5,
  telefoonnummer: 0.5,
  kenteken: 0.5,
  /** Share that must parse as dates, and share of those more than 12 years before the reference. */
  geboortedatum: 0.8,
  naam: 0.6,
} as const;
export const BIRTH_DATE_MIN_AGE_YEARS = 12;
export const BIRTH_DATE_MIN_SPAN_YEARS = 15;
/** Plates come from many series; a column where one 2-character prefix dominates holds codes. */
const PLATE_MAX_PREFIX_SHARE = 0.5;
const PLATE_PREFIX_MIN_MATCHES = 10;
export const FREE_TEXT = { minMedianLength: 30, minMeanWords: 5, minDistinctShare: 0.7 } as const;
export const SHORT_TEXT = { minShare: 0.5, minDistinctShare: 0.1, minDistinct: 20 } as const;
/** Longer values are judged by the free-text rule alone. */
const NOTE_MAX_LENGTH = 200;

/** What the content check knows of the column besides its values. */
export interface ColumnContext {
  /** The header: a start, end or vacancy header rules out birth dates. */
  header?: string;
  /** A column of place names: exempt from both free-text rules. */
  placeNames?: boolean;
}

/** Labels of the app's own vocabulary, normalised: never a note. */
const KNOWN_LABELS = new Set(
  [
    ...themeLabels().map((t) => t.label),
    ...DEFAULT_THEME_MAPPING.flatMap((row) => [row.main, row.sub]),
    ...OUTCOMES,
    ...VISIT_KINDS,
  ].map(normalizeLabel),
);

export interface ContentEvidence {
  kind: PersonalDataKind;
  share: number;
}

const DAY_MS = 86_400_000;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 192 && c <= 221);
const isLetter = (c: number) => isUpper(c) || (c >= 97 && c <= 122);

const EMAIL = 1;
const IBAN = 2;
const BSN = 4;
const PHONE = 8;
const PLATE = 16;
const NAME = 32;

/** What one distinct value is; computed once per distinct value, since columns repeat a lot. */
interface ValueFacts {
  mask: number;
  /** Day number when the value parses as a date, else NaN. */
  day: number;
  timed: boolean;
}

function classify(v: string): ValueFacts {
  const len = v.length;
  const c0 = v.charCodeAt(0);
  const facts: ValueFacts = { mask: 0, day: NaN, timed: false };
  if (v.includes('@')) {
    if (looksLikeEmail(v)) facts.mask = EMAIL;
    return facts;
  }
  if (len >= 15 && len <= 42 && isLetter(c0) && isDigit(v.charCodeAt(2)) && isValidIban(v)) {
    facts.mask = IBAN;
    return facts;
  }
  if (len >= 8 && len <= 11 && isDigit(c0) && isValidBsn(v)) facts.mask |= BSN;
  if (len >= 10 && len <= 22 && (c0 === 48 || c0 === 43 || c0 === 40) && looksLikeDutchPhone(v))
    facts.mask |= PHONE;
  if (len >= 6 && len <= 8 && looksLikeDutchPlate(v)) facts.mask |= PLATE;
  if (len >= 8 && len <= 32 && isDigit(c0)) {
    const parsed = parseDay(v);
    if (parsed) [facts.day, facts.timed] = [parsed.day, parsed.hasTime];
  }
  if (len <= 60 && isUpper(c0) && (v.includes(' ') || v.includes('.')) && looksLikePersonName(v))
    facts.mask |= NAME;
  return facts;
}

/**
 * Addresses and street names (`Eikenstraat 12, 9901 AB Donderdeel`, `Jan van Galenstraat`):
 * a postcode, or a word with a street suffix at the end or before a house number.
 */
const ADDRESS =
  /\d{4} ?[A-Z]{2}\b|\p{L}(?:straat|straatje|weg|laan|plein|pad|dreef|singel|gracht|kade|markt|steeg|plantsoen|park|boulevard|allee|erf)(?:\s+\d|[\s,]*$)/u;

const looksLikeNote = (v: string) => v.length <= NOTE_MAX_LENGTH && v.includes(' ') && isNote(v);

/** A short multi-word value outside the known vocabulary (see the module comment). */
function isNote(v: string): boolean {
  // Cheapest tests first: timestamps and numbers with spaces have no words at all.
  if (countWords(v) < 2) return false;
  const tokens = v.split(' ').filter((t) => t !== '');
  if (tokens.length < 3 && !tokens.slice(1).some((t) => isUpper(t.charCodeAt(0)))) return false;
  return !ADDRESS.test(v) && !KNOWN_LABELS.has(normalizeLabel(v));
}

interface Tally {
  n: number;
  counts: Map<number, number>;
  platePrefixes: Map<string, number>;
  days: number[];
  timed: number;
  /** Values of free-text length, and the trimmed values with how many are distinct. */
  long: number;
  texts: string[];
  distinct: number;
  /** Occurrences per distinct value, for the note rule (judged only when it is needed). */
  occurrences: Map<string, number>;
}

function tallyValues(values: readonly string[]): Tally {
  const facts = new Map<string, ValueFacts>();
  const counts = new Map<number, number>();
  const t: Tally = {
    n: 0,
    counts,
    platePrefixes: new Map(),
    days: [],
    timed: 0,
    long: 0,
    texts: [],
    distinct: 0,
    occurrences: new Map(),
  };
  for (const raw of values) {
    const v = raw.trim();
    if (v === '') continue;
    t.n++;
    t.texts.push(v);
    if (v.length >= FREE_TEXT.minMedianLength) t.long++;
    let f = facts.get(v);
    if (f === undefined) {
      f = classify(v);
      facts.set(v, f);
    }
    t.occurrences.set(v, (t.occurrences.get(v) ?? 0) + 1);
    for (let bit = 1; bit <= f.mask; bit <<= 1) {
      if (f.mask & bit) counts.set(bit, (counts.get(bit) ?? 0) + 1);
    }
    if (f.mask & PLATE) {
      const prefix = v.replace(/[- ]/g, '').slice(0, 2).toUpperCase();
      t.platePrefixes.set(prefix, (t.platePrefixes.get(prefix) ?? 0) + 1);
    }
    if (!Number.isNaN(f.day)) {
      t.days.push(f.day);
      if (f.timed) t.timed++;
    }
  }
  t.distinct = facts.size;
  return t;
}

/** Share of old dates if the dates look like birth dates, else null. */
function birthDateShare(t: Tally, referenceDay: number): number | null {
  const { days } = t;
  if (days.length < 2 || days.length < CONTENT_THRESHOLDS.geboortedatum * t.n) return null;
  // Record timestamps carry a time of day; dates of birth do not.
  if (t.timed >= 0.5 * days.length) return null;
  const ref = new Date(referenceDay * DAY_MS);
  const cutoff =
    Date.UTC(ref.getUTCFullYear() - BIRTH_DATE_MIN_AGE_YEARS, ref.getUTCMonth(), ref.getUTCDate()) /
    DAY_MS;
  let old = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const day of days) {
    if (day < cutoff) old++;
    if (day < min) min = day;
    if (day > max) max = day;
  }
  if (old < CONTENT_THRESHOLDS.geboortedatum * days.length) return null;
  if (max - min <= BIRTH_DATE_MIN_SPAN_YEARS * 365.25) return null;
  return old / t.n;
}

function platesAreVaried(t: Tally, plates: number): boolean {
  if (plates < PLATE_PREFIX_MIN_MATCHES) return true;
  const top = Math.max(...t.platePrefixes.values());
  return top / plates < PLATE_MAX_PREFIX_SHARE;
}

/** Words: whitespace-separated tokens with at least two letters (so `12,` and `AB` differ). */
function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/)) {
    let letters = 0;
    for (let i = 0; i < token.length && letters < 2; i++) {
      if (isLetter(token.charCodeAt(i))) letters++;
    }
    if (letters >= 2) words++;
  }
  return words;
}

/**
 * Share of sentence-like values if the column is free text, else null. "Median length ≥ 30"
 * is read as "at least half the values have 30 characters or more", which needs no sort.
 */
function freeTextShare(t: Tally): number | null {
  if (t.long < 0.5 * t.n || t.distinct < FREE_TEXT.minDistinctShare * t.n) return null;
  let words = 0;
  let sentences = 0;
  for (const s of t.texts) {
    const w = countWords(s);
    words += w;
    if (w >= FREE_TEXT.minMeanWords && s.length >= FREE_TEXT.minMedianLength) sentences++;
  }
  return words / t.n >= FREE_TEXT.minMeanWords ? sentences / t.n : null;
}

/** Share of notes if the column is short free text (see the module comment), else null. */
function shortTextShare(t: Tally): number | null {
  // Judged last and per distinct value: columns caught by an earlier rule never pay for it.
  let notes = 0;
  let distinctNotes = 0;
  for (const [v, count] of t.occurrences) {
    if (!looksLikeNote(v)) continue;
    notes += count;
    distinctNotes++;
  }
  if (notes < SHORT_TEXT.minShare * t.n || distinctNotes < SHORT_TEXT.minDistinct) return null;
  return distinctNotes >= SHORT_TEXT.minDistinctShare * notes ? notes / t.n : null;
}

/**
 * The kind of personal data the sampled values hold, or null. Kinds are tried from the most
 * specific recogniser to the least (e-mail before free text), and the first that reaches its
 * threshold wins. `referenceDay` (days since 1970-01-01) anchors the date-of-birth age test.
 */
export function detectContentKind(
  values: readonly string[],
  referenceDay: number,
  column: ColumnContext = {},
): ContentEvidence | null {
  const t = tallyValues(values);
  if (t.n === 0) return null;
  const share = (bit: number) => (t.counts.get(bit) ?? 0) / t.n;
  const th = CONTENT_THRESHOLDS;
  if (share(EMAIL) >= th['e-mailadres']) return { kind: 'e-mailadres', share: share(EMAIL) };
  if (share(IBAN) >= th.iban) return { kind: 'iban', share: share(IBAN) };
  if (share(BSN) >= th.bsn) return { kind: 'bsn', share: share(BSN) };
  if (share(PHONE) >= th.telefoonnummer) return { kind: 'telefoonnummer', share: share(PHONE) };
  if (share(PLATE) >= th.kenteken && platesAreVaried(t, t.counts.get(PLATE) ?? 0))
    return { kind: 'kenteken', share: share(PLATE) };
  const eventDates = column.header !== undefined && isEventDateHeader(column.header);
  const birth = eventDates ? null : birthDateShare(t, referenceDay);
  if (birth !== null) return { kind: 'geboortedatum', share: birth };
  if (share(NAME) >= th.naam) return { kind: 'naam', share: share(NAME) };
  const text = column.placeNames ? null : (freeTextShare(t) ?? shortTextShare(t));
  return text === null ? null : { kind: 'vrije tekst', share: text };
}

/**
 * Whether a value could count towards some kind's threshold: a recogniser matches it, it is
 * a date without a time (a birth date), a note, or it has free-text length. A set of values where
 * fewer than the lowest threshold (30%) could count holds no personal data by these rules.
 */
export function couldCount(raw: string): boolean {
  const v = raw.trim();
  if (v === '') return false;
  if (v.length >= FREE_TEXT.minMedianLength) return true;
  const f = classify(v);
  return f.mask !== 0 || (!Number.isNaN(f.day) && !f.timed) || looksLikeNote(v);
}
