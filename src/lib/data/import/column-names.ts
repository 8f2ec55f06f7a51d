/**
 * Header names of export columns: the names (Dutch and English) each import field is
 * known by, and how a file's header is compared with them — exact after normalising, or
 * loosely (a longer name inside the header, a short name as one of its words).
 */
import type { RecordKind } from './import-fields';

/** Header names per field, most telling first; matched without case, accents or punctuation. */
const LOCATION_NAMES: Record<string, string> = {
  lon: 'lon lng long longitude lengtegraad lengte geo_lon wgs84_lon lon_wgs84 longitude_wgs84 location_lon locatie_lon',
  lat: 'lat latitude breedtegraad breedte geo_lat wgs84_lat lat_wgs84 latitude_wgs84 location_lat locatie_lat',
  x: 'x x_coordinaat x_coord x_coordinate xcoord coord_x coordinaat_x rd_x x_rd locatie_x geo_x easting x_waarde',
  y: 'y y_coordinaat y_coord y_coordinate ycoord coord_y coordinaat_y rd_y y_rd locatie_y geo_y northing y_waarde',
};

const THEME_NAMES = 'thema theme hoofdthema handhavingsthema';

/**
 * Count columns (count-column.ts), by their exact names only. Not every `aantal_*` is one:
 * `aantal_slachtoffers`, `aantal_doden` or `aantal_voertuigen` count something else per
 * registration, and reading them as counts would multiply accidents by victims.
 */
const COUNT_NAMES =
  'aantal count n frequentie frequency freq aantal_registraties aantal_ongevallen aantal_meldingen aantal_incidenten aantal_voorvallen aantal_gevallen aantal_feiten aantal_overtredingen aantal_keer accident_count incident_count number_of_accidents';

/** Fields matched by an exact name only, never loosely (see COUNT_NAMES). */
export const EXACT_ONLY: ReadonlySet<string> = new Set(['count']);

export const HEADER_NAMES: Record<RecordKind, Record<string, string>> = {
  incidents: {
    ...LOCATION_NAMES,
    theme: THEME_NAMES,
    id: 'id registratienummer registratienr regnr zaaknummer zaaknr zaak_id incidentnummer incident_id incidentnr mutatienummer dossiernummer volgnummer nummer record_id uuid',
    occurred_date:
      'datum pleegdatum datum_voorval datum_incident incidentdatum constateringsdatum datum_constatering begindatum startdatum datum_van date incident_date registratiedatum',
    occurred_time:
      'tijd uur aanvangsuur pleeguur pleegtijd tijd_voorval tijd_incident constateringstijd tijd_constatering begintijd starttijd aanvangstijd tijd_van time incident_time registratietijd',
    occurred_to_date: 'einddatum datum_tot datum_eind end_date',
    occurred_to_time: 'eindtijd tijd_tot tijd_eind end_time',
    occurred_from:
      'datum_tijd datum_en_tijd datumtijd tijdstip pleegmoment pleegdatum_tijd datum_tijd_van begin_datum_tijd occurred_from occurred_at occurred incident_datetime datetime date_time timestamp begin start van',
    occurred_to: 'occurred_to datum_tijd_tot eind_datum_tijd einde eind end tot',
    category:
      'feit feitcode feitomschrijving feit_omschrijving categorie category subcategorie sub_category overtreding soort_incident incidentsoort incidenttype incident_type soort type aard rubriek',
    outcome:
      'afdoening afdoeningswijze afhandeling wijze_van_afhandeling uitkomst outcome resultaat result maatregel sanctie actie',
    source: 'bron bronsysteem source source_system systeem registratiesysteem',
    count: COUNT_NAMES,
  },
  meldingen: {
    ...LOCATION_NAMES,
    theme: THEME_NAMES,
    id: 'id meldingnummer meldingsnummer melding_id meldingnr signal_id sia_id zaaknummer registratienummer nummer uuid signal_uuid',
    reported_date:
      'datum_melding meldingsdatum meldingdatum datum_gemeld datum registratiedatum date',
    reported_time:
      'tijd_melding meldingstijd meldingtijd tijd_gemeld tijd uur registratietijd time',
    reported_at:
      'created_at reported_at gemeld_op datum_tijd_melding tijdstip_melding meldingsdatum_tijd aangemaakt aangemaakt_op datum_aangemaakt aanmaakdatum ontvangen_op datum_tijd datumtijd datum_en_tijd tijdstip datetime timestamp created',
    happened_from:
      'incident_date_start happened_from datum_voorval_van voorval_van begin_voorval gebeurd_van datum_voorval tijdstip_voorval incident_start begin start van',
    happened_to:
      'incident_date_end happened_to datum_voorval_tot voorval_tot eind_voorval gebeurd_tot incident_end einde eind end tot',
    main_category:
      'main_category hoofdcategorie hoofd_categorie main main_slug hoofdcategorie_slug hoofdrubriek',
    sub_category:
      'sub_category subcategorie sub sub_slug subcategorie_slug categorie category subrubriek onderwerp',
    status: 'status state state_display status_display fase',
    closed_at:
      'closed_at afgehandeld_op datum_afgehandeld afhandeldatum datum_afhandeling gesloten_op datum_gesloten afgesloten_op datum_afgesloten afgerond_op datum_afgerond resolved_at',
    source: 'bron source kanaal meldkanaal channel herkomst',
    count: COUNT_NAMES,
  },
  visits: {
    ...LOCATION_NAMES,
    theme: THEME_NAMES,
    id: 'id bezoeknummer bezoek_id visit_id controlenummer registratienummer zaaknummer nummer uuid',
    started_date:
      'datum datum_bezoek bezoekdatum controledatum datum_controle schouwdatum begindatum startdatum date',
    started_time: 'begintijd starttijd aanvangstijd aanvang tijd_van tijd uur start_time time',
    ended_date: 'einddatum datum_eind end_date',
    ended_time: 'eindtijd tijd_tot tijd_eind end_time',
    started_at:
      'started_at begin start begin_datum_tijd start_datum_tijd begintijdstip starttijdstip datum_tijd datumtijd datum_en_tijd tijdstip datetime timestamp van',
    ended_at: 'ended_at eind einde end eind_datum_tijd eindtijdstip tot',
    kind: 'soort type kind soort_bezoek bezoeksoort bezoektype type_bezoek soort_controle activiteit',
    target:
      'doel object target aandachtslocatie locatie_id object_id objectnummer pand_id gebouw_id building_id',
    outcome: 'resultaat uitkomst outcome result afdoening afhandeling',
    buurtcode: 'buurtcode buurt_code bu_code buurt',
    wijkcode: 'wijkcode wijk_code wk_code wijk',
  },
  buildings: {
    ...LOCATION_NAMES,
    id: 'id pand_id gebouw_id building_id object_id objectnummer bag_id pandnummer identificatie nummer',
    kind: 'soort type kind gebouwtype soort_gebouw soort_pand functie gebruik gebruiksdoel categorie',
    vacant_since:
      'leeg_sinds leegstaand_sinds leegstand_sinds leegstand_vanaf datum_leegstand vacant_since sinds datum',
    source: 'bron source herkomst',
    status: 'status state schouwstatus stand',
    adres: 'adres address adresregel volledig_adres locatie_adres objectadres',
  },
  areas: {
    code: 'buurtcode bu_code wijkcode wk_code gemeentecode gm_code statcode code gebiedscode areacode',
    name: 'buurtnaam bu_naam wijknaam wk_naam gemeentenaam gm_naam statnaam naam name gebiedsnaam',
    level: 'niveau level gebiedsniveau',
    parent: 'wijkcode wk_code gemeentecode gm_code parent bovenliggend',
    inhabitants: 'aantal_inwoners aant_inw inwoners inhabitants population bevolking',
    water: 'water',
    year: 'jaar year jaargang',
  },
};

/** Lower case, accents and everything but letters and digits removed. */
export function normalize(text: string): string {
  return stripAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export function tokens(text: string): string[] {
  return stripAccents(text)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Short names that may match as a separate word of a longer header ('Melding ID', 'X (RD)'). */
const TOKEN_SYNONYMS = new Set([
  'id',
  'x',
  'y',
  'lat',
  'lon',
  'lng',
  'tijd',
  'feit',
  'bron',
  'doel',
  'type',
  'kind',
]);
/** Longer names may match inside a header ('Datum/tijd van melding' ⊃ 'datumtijd'). */
const MIN_CONTAINED = 5;
/** A contained name must cover at least this share of the header. */
const MIN_FUZZY_SCORE = 0.3;
/**
 * Headers that are never a fuzzy match: other dates ('laatst gewijzigd'), and personal
 * data ('Telefoonnummer' contains 'nummer', 'Geboortedatum' contains 'datum'), which the
 * import refuses anyway.
 */
export const NEVER_FUZZY = [
  ...['update', 'gewijzigd', 'wijziging', 'modified', 'laatst', 'expire', 'verloop'],
  ...['geboorte', 'birth', 'telefoon', 'phone', 'mobiel', 'bsn', 'burgerservice', 'kenteken'],
  ...['iban', 'rekening', 'mail', 'huisnummer', 'postcode', 'adres', 'address', 'straat'],
];

export function fuzzyScore(
  header: string,
  headerTokens: readonly string[],
  synonyms: readonly string[],
): number {
  let best = 0;
  for (const synonym of synonyms) {
    const s = normalize(synonym);
    const contained = s.length >= MIN_CONTAINED && header.includes(s);
    const asToken = TOKEN_SYNONYMS.has(s) && headerTokens.includes(s);
    if (contained && s.length / header.length >= MIN_FUZZY_SCORE) {
      best = Math.max(best, s.length / header.length);
    }
    // A short name as one of n words of the header: as strong as a name covering 1/n.
    if (asToken) best = Math.max(best, 1 / headerTokens.length);
  }
  return best;
}
