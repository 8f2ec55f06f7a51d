/**
 * The free-text rules of the personal-data content check (personal-data-content.ts):
 * sentences, and short free text such as notes and bare names.
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
 */
import { DEFAULT_THEME_MAPPING, OUTCOMES, VISIT_KINDS } from '../themes';
import { normalizeLabel, themeLabels } from '../theme-labels';

export const FREE_TEXT = { minMedianLength: 30, minMeanWords: 5, minDistinctShare: 0.7 } as const;
export const SHORT_TEXT = { minShare: 0.5, minDistinctShare: 0.1, minDistinct: 20 } as const;
/** Longer values are judged by the free-text rule alone. */
const NOTE_MAX_LENGTH = 200;

/** Labels of the app's own vocabulary, normalised: never a note. */
const KNOWN_LABELS = new Set(
  [
    ...themeLabels().map((t) => t.label),
    ...DEFAULT_THEME_MAPPING.flatMap((row) => [row.main, row.sub]),
    ...OUTCOMES,
    ...VISIT_KINDS,
  ].map(normalizeLabel),
);

export const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 192 && c <= 221);
export const isLetter = (c: number) => isUpper(c) || (c >= 97 && c <= 122);

/** What the free-text rules read of a column's tally (personal-data-content.ts). */
export interface TextTally {
  n: number;
  /** Values of free-text length, and the trimmed values with how many are distinct. */
  long: number;
  texts: string[];
  distinct: number;
  /** Occurrences per distinct value, for the note rule (judged only when it is needed). */
  occurrences: Map<string, number>;
}

/**
 * Addresses and street names (`Eikenstraat 12, 9901 AB Donderdeel`, `Jan van Galenstraat`):
 * a postcode, or a word with a street suffix at the end or before a house number.
 */
const ADDRESS =
  /\d{4} ?[A-Z]{2}\b|\p{L}(?:straat|straatje|weg|laan|plein|pad|dreef|singel|gracht|kade|markt|steeg|plantsoen|park|boulevard|allee|erf)(?:\s+\d|[\s,]*$)/u;

export const looksLikeNote = (v: string) =>
  v.length <= NOTE_MAX_LENGTH && v.includes(' ') && isNote(v);

/** A short multi-word value outside the known vocabulary (see the module comment). */
function isNote(v: string): boolean {
  // Cheapest tests first: timestamps and numbers with spaces have no words at all.
  if (countWords(v) < 2) return false;
  const tokens = v.split(' ').filter((t) => t !== '');
  if (tokens.length < 3 && !tokens.slice(1).some((t) => isUpper(t.charCodeAt(0)))) return false;
  return !ADDRESS.test(v) && !KNOWN_LABELS.has(normalizeLabel(v));
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
export function freeTextShare(t: TextTally): number | null {
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
export function shortTextShare(t: TextTally): number | null {
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
