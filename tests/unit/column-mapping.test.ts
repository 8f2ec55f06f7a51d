/**
 * Header → canonical field suggestions, for headers in the shapes real exports have:
 * Signalen (meldingen), a Dutch registration system via Excel (incidents), English
 * visit logs, CBS/PDOK area files.
 */
import { describe, expect, it } from 'vitest';
import {
  findMissingFields,
  IMPORT_FIELDS,
  REQUIRED_GROUPS,
  suggestColumnMapping,
  type MappingSuggestion,
  type RecordKind,
} from '../../src/lib/data/import/column-mapping';
import { TABLES } from '../../src/lib/data/schema';

const KINDS: RecordKind[] = ['incidents', 'meldingen', 'visits', 'buildings', 'areas'];

/** field → [column, confidence] for the mapped fields only. */
function mapped(suggestions: MappingSuggestion[]): Record<string, [string, string]> {
  const result: Record<string, [string, string]> = {};
  for (const s of suggestions) if (s.column !== null) result[s.field] = [s.column, s.confidence];
  return result;
}

function expectNoColumnTwice(suggestions: MappingSuggestion[]): void {
  const columns = suggestions.map((s) => s.column).filter((c) => c !== null);
  expect(new Set(columns).size).toBe(columns.length);
}

describe('IMPORT_FIELDS', () => {
  it('covers every canonical column a user can supply', () => {
    const derived = new Set([
      'dataset',
      'time_precision',
      'lon',
      'lat',
      'buurtcode',
      'wijkcode',
      // The gemeente of the area a row lies in (data/gemeente.ts), like its wijk and buurt.
      'gemeente',
      'geometry',
    ]);
    const bbox = new Set(['min_lon', 'min_lat', 'max_lon', 'max_lat']);
    for (const kind of KINDS) {
      const fields = new Set(IMPORT_FIELDS[kind].map((f) => f.field));
      for (const column of TABLES[kind]) {
        if (derived.has(column.name) || bbox.has(column.name)) continue;
        expect(fields, `${kind}.${column.name}`).toContain(column.name);
      }
    }
  });

  it('requires the id of every kind, and names each field in Dutch', () => {
    for (const kind of KINDS) {
      const key = kind === 'areas' ? 'code' : 'id';
      expect(IMPORT_FIELDS[kind].find((f) => f.field === key)?.required).toBe(true);
      for (const spec of IMPORT_FIELDS[kind]) expect(spec.label.length).toBeGreaterThan(0);
    }
  });

  it('requires a location (lon/lat or x/y) for records and buildings', () => {
    for (const kind of ['incidents', 'meldingen', 'buildings'] as const) {
      const location = REQUIRED_GROUPS[kind].find((g) =>
        g.alternatives.some((a) => a.includes('x')),
      );
      expect(location?.alternatives).toEqual(
        expect.arrayContaining([
          ['lon', 'lat'],
          ['x', 'y'],
        ]),
      );
    }
  });
});

describe('suggestColumnMapping', () => {
  it('maps a Signalen meldingen export', () => {
    const header = [
      'id',
      'signal_uuid',
      'source',
      'text',
      'text_extra',
      'incident_date_start',
      'incident_date_end',
      'created_at',
      'updated_at',
      'operational_date',
      'expire_date',
      'main_category',
      'sub_category',
      'state',
      'closed_at',
      'category_assignment_id',
      'reporter_id',
      'lon',
      'lat',
    ];
    const suggestions = suggestColumnMapping('meldingen', header);
    expect(mapped(suggestions)).toEqual({
      id: ['id', 'zeker'],
      reported_at: ['created_at', 'zeker'],
      happened_from: ['incident_date_start', 'zeker'],
      happened_to: ['incident_date_end', 'zeker'],
      main_category: ['main_category', 'zeker'],
      sub_category: ['sub_category', 'zeker'],
      status: ['state', 'zeker'],
      closed_at: ['closed_at', 'zeker'],
      source: ['source', 'zeker'],
      lon: ['lon', 'zeker'],
      lat: ['lat', 'zeker'],
    });
    expect(suggestions.map((s) => s.field)).toEqual(IMPORT_FIELDS.meldingen.map((f) => f.field));
    expect(findMissingFields('meldingen', suggestions)).toEqual([]);
  });

  it('maps a Dutch semicolon incidents export with separate date and time', () => {
    const header = 'Registratienummer;Datum;Tijd;Thema;Feit;Afdoening;X;Y'.split(';');
    const suggestions = suggestColumnMapping('incidents', header);
    expect(mapped(suggestions)).toEqual({
      id: ['Registratienummer', 'zeker'],
      occurred_date: ['Datum', 'zeker'],
      occurred_time: ['Tijd', 'zeker'],
      theme: ['Thema', 'zeker'],
      category: ['Feit', 'zeker'],
      outcome: ['Afdoening', 'zeker'],
      x: ['X', 'zeker'],
      y: ['Y', 'zeker'],
    });
    expect(findMissingFields('incidents', suggestions)).toEqual([]);
  });

  it('reads a lone date column as the timestamp, and begin/end dates as the window', () => {
    expect(
      mapped(suggestColumnMapping('incidents', ['Zaaknummer', 'Pleegdatum', 'Thema'])),
    ).toEqual({
      id: ['Zaaknummer', 'zeker'],
      occurred_from: ['Pleegdatum', 'zeker'],
      theme: ['Thema', 'zeker'],
    });
    const window = mapped(suggestColumnMapping('incidents', ['id', 'Begindatum', 'Einddatum']));
    expect(window.occurred_from).toEqual(['Begindatum', 'zeker']);
    expect(window.occurred_to).toEqual(['Einddatum', 'zeker']);
  });

  it('maps an English visit log, ignoring case, spaces and punctuation', () => {
    const header = [
      'Visit ID',
      'Start',
      'End',
      'Type',
      'Target',
      'Outcome',
      'Latitude',
      'Longitude',
    ];
    const suggestions = suggestColumnMapping('visits', header);
    expect(mapped(suggestions)).toEqual({
      id: ['Visit ID', 'zeker'],
      started_at: ['Start', 'zeker'],
      ended_at: ['End', 'zeker'],
      kind: ['Type', 'zeker'],
      target: ['Target', 'zeker'],
      outcome: ['Outcome', 'zeker'],
      lat: ['Latitude', 'zeker'],
      lon: ['Longitude', 'zeker'],
    });
    expect(findMissingFields('visits', suggestions)).toEqual([]);
  });

  it('maps a Dutch visit log with a date and begin and end times', () => {
    const header = [
      'Bezoeknummer',
      'Datum',
      'Begintijd',
      'Eindtijd',
      'Soort bezoek',
      'Doel',
      'Resultaat',
      'Buurtcode',
    ];
    const suggestions = suggestColumnMapping('visits', header);
    expect(mapped(suggestions)).toMatchObject({
      started_date: ['Datum', 'zeker'],
      started_time: ['Begintijd', 'zeker'],
      ended_time: ['Eindtijd', 'zeker'],
      kind: ['Soort bezoek', 'zeker'],
      buurtcode: ['Buurtcode', 'zeker'],
    });
    expect(findMissingFields('visits', suggestions)).toEqual([]); // end time joins the start date
  });

  it('ignores accents: X-coördinaat, Breedtegraad', () => {
    const found = mapped(
      suggestColumnMapping('buildings', [
        'Pand ID',
        'X-Coördinaat',
        'Y-Coördinaat',
        'Leegstaand sinds',
      ]),
    );
    expect(found).toEqual({
      id: ['Pand ID', 'zeker'],
      x: ['X-Coördinaat', 'zeker'],
      y: ['Y-Coördinaat', 'zeker'],
      vacant_since: ['Leegstaand sinds', 'zeker'],
    });
  });

  it('marks contained names as probable', () => {
    const found = mapped(
      suggestColumnMapping('meldingen', [
        'Melding ID',
        'Datum/tijd van de melding',
        'Hoofdcategorie',
        'Locatie X',
        'Locatie Y (RD)',
      ]),
    );
    expect(found).toEqual({
      id: ['Melding ID', 'zeker'],
      reported_at: ['Datum/tijd van de melding', 'waarschijnlijk'],
      main_category: ['Hoofdcategorie', 'zeker'],
      x: ['Locatie X', 'zeker'],
      y: ['Locatie Y (RD)', 'waarschijnlijk'],
    });
    expect(
      mapped(suggestColumnMapping('incidents', ['Nummer melding', 'Pleegdatum en -tijd'])),
    ).toEqual({
      id: ['Nummer melding', 'waarschijnlijk'],
      occurred_from: ['Pleegdatum en -tijd', 'waarschijnlijk'],
    });
  });

  it('suggests nothing for a header without usable columns', () => {
    const header = ['Naam', 'Opmerking', 'Telefoonnummer', 'Geboortedatum', 'E-mail'];
    for (const kind of ['incidents', 'meldingen', 'visits', 'buildings'] as const) {
      const suggestions = suggestColumnMapping(kind, header);
      expect(suggestions.every((s) => s.column === null && s.confidence === 'geen')).toBe(true);
    }
    const missing = findMissingFields('incidents', suggestColumnMapping('incidents', header));
    expect(missing).toEqual([
      'Kies een kolom voor het verplichte veld "Registratienummer".',
      'Geen tijdstip: kies een kolom met datum en tijd, of een datumkolom (eventueel met een tijdkolom).',
      'Geen thema: kies een kolom met het thema of de categorie (feit).',
      'Geen locatie: kies kolommen met lengte- en breedtegraad, of met x- en y-coördinaat.',
    ]);
    expect(suggestColumnMapping('incidents', [])).toHaveLength(IMPORT_FIELDS.incidents.length);
  });

  it('reports half a coordinate pair and a time without a date', () => {
    const suggestions = suggestColumnMapping('incidents', ['id', 'Tijd', 'Thema', 'X']);
    expect(findMissingFields('incidents', suggestions)).toEqual([
      '"Tijd" kan alleen samen met "Datum": kies die kolom ook.',
      '"X-coördinaat" kan alleen samen met "Y-coördinaat": kies die kolom ook.',
      'Geen tijdstip: kies een kolom met datum en tijd, of een datumkolom (eventueel met een tijdkolom).',
      'Geen locatie: kies kolommen met lengte- en breedtegraad, of met x- en y-coördinaat.',
    ]);
  });

  it('maps CBS/PDOK area files, current and old field names', () => {
    const current = [
      'buurtcode',
      'buurtnaam',
      'wijkcode',
      'gemeentecode',
      'gemeentenaam',
      'water',
      'aantal_inwoners',
      'jaar',
    ];
    expect(mapped(suggestColumnMapping('areas', current))).toEqual({
      code: ['buurtcode', 'zeker'],
      name: ['buurtnaam', 'zeker'],
      parent: ['wijkcode', 'zeker'],
      inhabitants: ['aantal_inwoners', 'zeker'],
      water: ['water', 'zeker'],
      year: ['jaar', 'zeker'],
    });
    const wijken = mapped(
      suggestColumnMapping('areas', ['WK_CODE', 'WK_NAAM', 'GM_CODE', 'GM_NAAM', 'AANT_INW']),
    );
    expect(wijken).toEqual({
      code: ['WK_CODE', 'zeker'],
      name: ['WK_NAAM', 'zeker'],
      parent: ['GM_CODE', 'zeker'],
      inhabitants: ['AANT_INW', 'zeker'],
    });
    expect(mapped(suggestColumnMapping('areas', ['statcode', 'statnaam']))).toEqual({
      code: ['statcode', 'zeker'],
      name: ['statnaam', 'zeker'],
    });
  });

  it('maps the canonical field names onto themselves', () => {
    for (const kind of KINDS) {
      const fields = IMPORT_FIELDS[kind].map((f) => f.field);
      const suggestions = suggestColumnMapping(kind, [...fields].reverse());
      expect(suggestions.map((s) => [s.field, s.column, s.confidence])).toEqual(
        fields.map((f) => [f, f, 'zeker']),
      );
    }
  });

  it('never gives one column to two fields', () => {
    // Headers that several fields want at once: 'Datum' (date, timestamp, vacant_since),
    // 'Categorie' (category, sub_category, kind), 'Bron' (source).
    const header = [
      'Datum',
      'Categorie',
      'Soort',
      'Type',
      'Bron',
      'Status',
      'X',
      'Y',
      'Tijd',
      'Begin',
      'Eind',
    ];
    for (const kind of KINDS) {
      const suggestions = suggestColumnMapping(kind, header);
      expectNoColumnTwice(suggestions);
    }
    const all = KINDS.flatMap((kind) => IMPORT_FIELDS[kind].map((f) => f.field));
    expectNoColumnTwice(suggestColumnMapping('meldingen', all));
  });
});
