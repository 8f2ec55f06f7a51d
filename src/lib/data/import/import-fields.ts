/**
 * The fields an import fills, per kind of record, with their Dutch labels, and which of
 * them a mapping needs before it can be imported.
 *
 * Besides the canonical columns (schema.ts) there are import-only helper fields: `x`/`y`
 * (a pair of coordinate columns in any system — the system is detected from the values,
 * see detectCoordinateSystem; `lon`/`lat` are taken as WGS84 by name but checked the same
 * way) and separate date and time columns (`occurred_date` + `occurred_time`) that the
 * pipeline combines into the canonical timestamp.
 */

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
