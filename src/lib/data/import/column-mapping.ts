/**
 * Which column of an export feeds which canonical field (schema.ts), suggested from the
 * header names in Dutch and English. The analyst confirms or changes the suggestion; the
 * confirmed mapping is what a saved profile stores. The fields themselves, per kind, are
 * in import-fields.ts.
 */
import { applyValueClasses, classifyColumns } from './column-content';
import {
  EXACT_ONLY,
  fuzzyScore,
  HEADER_NAMES,
  NEVER_FUZZY,
  normalize,
  tokens,
} from './column-names';
import { confirmCount } from './count-column';
import { IMPORT_FIELDS, type MappingSuggestion, type RecordKind } from './import-fields';

export {
  findMissingFields,
  IMPORT_FIELDS,
  REQUIRED_GROUPS,
  type FieldSpec,
  type MappingSuggestion,
  type RecordKind,
  type RequiredGroup,
} from './import-fields';

/** Date fields that, without a time column, are better read as the timestamp itself. */
const DATE_TIME_PAIRS: Record<RecordKind, [date: string, time: string, timestamp: string][]> = {
  incidents: [
    ['occurred_date', 'occurred_time', 'occurred_from'],
    ['occurred_to_date', 'occurred_to_time', 'occurred_to'],
  ],
  meldingen: [['reported_date', 'reported_time', 'reported_at']],
  visits: [
    ['started_date', 'started_time', 'started_at'],
    ['ended_date', 'ended_time', 'ended_at'],
  ],
  buildings: [],
  areas: [],
};

/**
 * A suggestion for every field of the kind, in IMPORT_FIELDS order. Matching ignores
 * case, accents, spaces and punctuation. First every field takes the header that equals
 * one of its names, in the order of its names ('zeker'); then the remaining fields take
 * the best remaining header that contains a name of five or more letters, or a short name
 * as a separate word ('waarschijnlijk'). A column is never given to two fields. With
 * `samples` (each column's values) the date and time fields then follow what the columns
 * hold, whatever their names (column-content.ts): clock times go to the time field, a date
 * and a time column are combined, and such a field is 'zeker' only when its values confirm
 * it. A date column without a time column becomes the timestamp field (a 'Datum' column
 * may hold '23-11-2026 14:05'; date-only values are stored with precision 'day'). The
 * count column is matched by exact name only, and confirmed by its values (count-column.ts).
 */
export function suggestColumnMapping(
  kind: RecordKind,
  headers: readonly string[],
  samples?: readonly (readonly string[])[],
): MappingSuggestion[] {
  const defs = IMPORT_FIELDS[kind].map((spec) => ({
    field: spec.field,
    // The canonical name last: a file wijkradar exported maps back onto itself.
    synonyms: [...(HEADER_NAMES[kind][spec.field] ?? '').split(' '), spec.field].filter(Boolean),
  }));
  const normalized = headers.map((h) => normalize(String(h ?? '')));
  const used = new Set<number>();
  const chosen = new Map<string, { index: number; confidence: 'zeker' | 'waarschijnlijk' }>();

  for (const def of defs) {
    for (const synonym of def.synonyms) {
      const s = normalize(synonym);
      const index = normalized.findIndex((h, i) => h === s && !used.has(i));
      if (index >= 0) {
        chosen.set(def.field, { index, confidence: 'zeker' });
        used.add(index);
        break;
      }
    }
  }

  const fuzzy: { field: string; index: number; score: number; order: number }[] = [];
  defs.forEach((def, order) => {
    if (chosen.has(def.field) || EXACT_ONLY.has(def.field)) return;
    normalized.forEach((h, index) => {
      if (used.has(index) || h === '') return;
      if (NEVER_FUZZY.some((word) => h.includes(word))) return;
      const score = fuzzyScore(h, tokens(String(headers[index])), def.synonyms);
      if (score > 0) fuzzy.push({ field: def.field, index, score, order });
    });
  });
  fuzzy.sort((a, b) => b.score - a.score || a.order - b.order || a.index - b.index);
  for (const candidate of fuzzy) {
    if (chosen.has(candidate.field) || used.has(candidate.index)) continue;
    chosen.set(candidate.field, { index: candidate.index, confidence: 'waarschijnlijk' });
    used.add(candidate.index);
  }

  if (samples)
    applyValueClasses(DATE_TIME_PAIRS[kind], chosen, used, classifyColumns(samples, headers));
  if (samples) confirmCount(chosen, used, samples);

  for (const [date, time, timestamp] of DATE_TIME_PAIRS[kind]) {
    const dateColumn = chosen.get(date);
    if (dateColumn && !chosen.has(time) && !chosen.has(timestamp)) {
      chosen.delete(date);
      chosen.set(timestamp, dateColumn);
    }
  }

  return defs.map((def) => {
    const hit = chosen.get(def.field);
    return hit
      ? { field: def.field, column: headers[hit.index], confidence: hit.confidence }
      : { field: def.field, column: null, confidence: 'geen' };
  });
}
