/**
 * Which column of an export feeds which canonical field (schema.ts), suggested from the
 * header names in Dutch and English. The analyst confirms or changes the suggestion; the
 * confirmed mapping is what a saved profile stores.
 *
 * Besides the canonical columns there are import-only helper fields: `x`/`y` (a pair of
 * coordinate columns in any system — the system is detected from the values, see
 * detectCoordinateSystem; `lon`/`lat` are taken as WGS84 by name but checked the same
 * way) and separate date and time columns (`occurred_date` + `occurred_time`) that the
 * pipeline combines into the canonical timestamp.
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

export type RecordKind = 'incidents' | 'meldingen' | 'visits' | 'buildings' | 'areas';

export interface FieldSpec {
  field: string;
  /** Dutch, for the mapping screen. */
  label: string;
  /** Must be mapped on its own; alternatives (time, location) are in REQUIRED_GROUPS. */
  required: boolean;
  type:
    | 'text'
    | 'timestamp'
    | 'date'
    | 'time'
    | 'number'
    | 'coordinate-x'
    | 'coordinate-y'
    | 'category';
  /**
   * For time fields: the date fields it is combined with, the first mapped one wins
   * (an end time without an end date belongs to the start date). For coordinates: the
   * other half of the pair.
   */
  requires?: string[];
}

const spec = (
  field: string,
  label: string,
  type: FieldSpec['type'],
  extra: Partial<Pick<FieldSpec, 'required' | 'requires'>> = {},
): FieldSpec => ({ field, label, type, required: false, ...extra });

const LOCATION: FieldSpec[] = [
  spec('lon', 'Lengtegraad (WGS84)', 'coordinate-x', { requires: ['lat'] }),
  spec('lat', 'Breedtegraad (WGS84)', 'coordinate-y', { requires: ['lon'] }),
  spec('x', 'X-coördinaat', 'coordinate-x', { requires: ['y'] }),
  spec('y', 'Y-coördinaat', 'coordinate-y', { requires: ['x'] }),
];
const THEME = spec('theme', 'Thema', 'category');
/** Registers with one row per location: the registrations a row stands for (count-column.ts). */
const COUNT = spec('count', 'Aantal (registraties per rij)', 'number');

/**
 * The fields per kind. The order matters to suggestColumnMapping: a field earlier in the
 * list claims a column first (separate date and time before the combined timestamp).
 */
export const IMPORT_FIELDS: Record<RecordKind, FieldSpec[]> = {
  incidents: [
    spec('id', 'Registratienummer', 'text', { required: true }),
    spec('occurred_date', 'Datum', 'date'),
    spec('occurred_time', 'Tijd', 'time', { requires: ['occurred_date'] }),
    spec('occurred_to_date', 'Einddatum', 'date'),
    spec('occurred_to_time', 'Eindtijd', 'time', {
      requires: ['occurred_to_date', 'occurred_date'],
    }),
    spec('occurred_from', 'Datum en tijd (begin)', 'timestamp'),
    spec('occurred_to', 'Datum en tijd (eind)', 'timestamp'),
    THEME,
    spec('category', 'Feit / categorie', 'category'),
    spec('outcome', 'Afdoening', 'category'),
    spec('source', 'Bronsysteem', 'category'),
    ...LOCATION,
    COUNT,
  ],
  meldingen: [
    spec('id', 'Meldingnummer', 'text', { required: true }),
    spec('reported_date', 'Datum melding', 'date'),
    spec('reported_time', 'Tijd melding', 'time', { requires: ['reported_date'] }),
    spec('reported_at', 'Gemeld op (datum en tijd)', 'timestamp'),
    spec('happened_from', 'Voorval vanaf', 'timestamp'),
    spec('happened_to', 'Voorval tot', 'timestamp'),
    spec('main_category', 'Hoofdcategorie', 'category'),
    spec('sub_category', 'Subcategorie', 'category'),
    THEME,
    spec('status', 'Status', 'category'),
    spec('closed_at', 'Afgehandeld op', 'timestamp'),
    spec('source', 'Bron / kanaal', 'category'),
    ...LOCATION,
    COUNT,
  ],
  visits: [
    spec('id', 'Bezoeknummer', 'text', { required: true }),
    spec('started_date', 'Datum', 'date'),
    spec('started_time', 'Begintijd', 'time', { requires: ['started_date'] }),
    spec('ended_date', 'Einddatum', 'date'),
    spec('ended_time', 'Eindtijd', 'time', { requires: ['ended_date', 'started_date'] }),
    spec('started_at', 'Begin (datum en tijd)', 'timestamp'),
    spec('ended_at', 'Einde (datum en tijd)', 'timestamp'),
    spec('kind', 'Soort bezoek', 'category', { required: true }),
    THEME,
    spec('target', 'Doel (aandachtslocatie of gebouw)', 'text'),
    spec('outcome', 'Resultaat', 'category'),
    ...LOCATION,
    spec('buurtcode', 'Buurtcode', 'category'),
    spec('wijkcode', 'Wijkcode', 'category'),
  ],
  buildings: [
    spec('id', 'Gebouwnummer', 'text', { required: true }),
    spec('kind', 'Soort gebouw', 'category'),
    spec('vacant_since', 'Leeg sinds', 'date'),
    spec('source', 'Bron', 'category'),
    spec('status', 'Status', 'category'),
    spec('adres', 'Adres', 'text'),
    ...LOCATION,
  ],
  areas: [
    spec('code', 'Gebiedscode', 'text', { required: true }),
    spec('name', 'Naam', 'text'),
    spec('level', 'Niveau (gemeente, wijk, buurt)', 'category'),
    spec('parent', 'Bovenliggend gebied', 'text'),
    spec('inhabitants', 'Aantal inwoners', 'number'),
    spec('water', 'Water', 'category'),
    spec('year', 'Jaar', 'number'),
  ],
};

/** At least one alternative (a set of fields, all mapped) of each group is needed. */
export interface RequiredGroup {
  alternatives: string[][];
  /** Dutch, shown when no alternative is mapped. */
  missing: string;
}

const TIME_GROUP = (timestamp: string, date: string): RequiredGroup => ({
  alternatives: [[timestamp], [date]],
  missing:
    'Geen tijdstip: kies een kolom met datum en tijd, of een datumkolom (eventueel met een tijdkolom).',
});
const LOCATION_GROUP: RequiredGroup = {
  alternatives: [
    ['lon', 'lat'],
    ['x', 'y'],
  ],
  missing: 'Geen locatie: kies kolommen met lengte- en breedtegraad, of met x- en y-coördinaat.',
};

export const REQUIRED_GROUPS: Record<RecordKind, RequiredGroup[]> = {
  incidents: [
    TIME_GROUP('occurred_from', 'occurred_date'),
    {
      alternatives: [['theme'], ['category']],
      missing: 'Geen thema: kies een kolom met het thema of de categorie (feit).',
    },
    LOCATION_GROUP,
  ],
  meldingen: [
    TIME_GROUP('reported_at', 'reported_date'),
    {
      alternatives: [['main_category'], ['sub_category'], ['theme']],
      missing: 'Geen categorie: kies een kolom met de hoofd- of subcategorie, of het thema.',
    },
    LOCATION_GROUP,
  ],
  visits: [
    TIME_GROUP('started_at', 'started_date'),
    {
      alternatives: [...LOCATION_GROUP.alternatives, ['buurtcode'], ['wijkcode']],
      missing:
        'Geen locatie: kies kolommen met coördinaten, of een kolom met de buurt- of wijkcode.',
    },
  ],
  buildings: [LOCATION_GROUP],
  areas: [],
};

/** Dutch messages for what a mapping still lacks; empty when it can be imported. */
export function findMissingFields(
  kind: RecordKind,
  mapping: readonly MappingSuggestion[],
): string[] {
  const mapped = new Set(mapping.filter((m) => m.column !== null).map((m) => m.field));
  const messages: string[] = [];
  for (const spec of IMPORT_FIELDS[kind]) {
    if (spec.required && !mapped.has(spec.field)) {
      messages.push(`Kies een kolom voor het verplichte veld "${spec.label}".`);
    }
    if (mapped.has(spec.field) && spec.requires && !spec.requires.some((r) => mapped.has(r))) {
      const others = spec.requires.map((r) => `"${labelOf(kind, r)}"`).join(' of ');
      messages.push(`"${spec.label}" kan alleen samen met ${others}: kies die kolom ook.`);
    }
  }
  for (const group of REQUIRED_GROUPS[kind]) {
    if (!group.alternatives.some((alt) => alt.every((field) => mapped.has(field)))) {
      messages.push(group.missing);
    }
  }
  return messages;
}

function labelOf(kind: RecordKind, field: string): string {
  return IMPORT_FIELDS[kind].find((s) => s.field === field)?.label ?? field;
}

export interface MappingSuggestion {
  field: string;
  column: string | null;
  confidence: 'zeker' | 'waarschijnlijk' | 'geen';
}

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

  if (samples) applyValueClasses(DATE_TIME_PAIRS[kind], chosen, used, classifyColumns(samples));
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
