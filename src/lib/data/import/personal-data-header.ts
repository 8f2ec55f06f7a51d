/**
 * Header evidence for personal data: does a column name say what it holds? Matching ignores
 * case, accents, separators and camelCase (`Geboorte datum`, `geb_datum`, `dateOfBirth`).
 *
 * A header is split into tokens; a kind matches when a token, two or three adjacent tokens
 * joined (`first_name` → `firstname`), or the whole joined header is one of its `words`, or
 * when the joined header contains one of its `stems` (long, unambiguous compounds such as
 * `meldingtekst`, `telefoonmelder`). Short words (`tel`, `naam`, `mail`) match whole tokens
 * only, so `hotel`, `wijknaam` and `straatnaam` never match.
 *
 * Names and free text are where exports mislead. Decisions, documented:
 *  - A generic `naam`/`name`/`tekst`/`omschrijving` qualified by a place, a code list or an
 *    organisation (`locatie_naam`, `wijk_naam`, `category_name`, `categorie_omschrijving`,
 *    `bedrijfsnaam`) is not personal data. Street names are not personal data on their own.
 *  - A bare `name`/`naam` is refused: the detector cannot tell a person from a place. The
 *    caller passes `allowHeaders` for canonical place-name fields (aandachtslocaties, areas).
 *  - Personal words (`melder`, `voornaam`, `opmerking`) are cancelled only by a token saying
 *    the column holds an id, a count or a type (`melder_id`, `melder_type`): a pseudonymous id
 *    is kept for deduplication; its content is still checked like any other column.
 */
import type { PersonalDataKind } from './personal-data';

interface HeaderRule {
  kind: PersonalDataKind;
  words: readonly string[];
  stems?: readonly string[];
  /** Words that are personal data only when not qualified (see above). */
  generic?: readonly string[];
}

const HEADER_RULES: readonly HeaderRule[] = [
  {
    kind: 'bsn',
    words: ['bsn', 'bsnnummer', 'bsnnr', 'sofi', 'sofinr', 'citizenservicenumber'],
    stems: ['burgerservicenummer', 'sofinummer'],
  },
  {
    kind: 'iban',
    words: ['iban', 'ibannr', 'rekeningnr', 'rekeningnummer', 'bankaccount', 'bankrekeningnr'],
    stems: ['rekeningnummer', 'bankrekening', 'iban'],
  },
  {
    kind: 'e-mailadres',
    words: ['email', 'mail', 'emails', 'emailaddress', 'mailaddress', 'emailadressen'],
    stems: ['emailadres', 'mailadres', 'email'],
  },
  {
    kind: 'telefoonnummer',
    words: ['tel', 'telnr', 'telnummer', 'telefoon', 'mobiel', 'gsm', 'phone', 'telephone'],
    stems: ['telefoon', 'mobielnummer', 'mobielnr', 'phonenumber', 'mobilephone', 'cellphone'],
  },
  {
    kind: 'kenteken',
    words: ['kenteken', 'plate', 'plates', 'numberplate', 'platenumber', 'registrationplate'],
    stems: ['kenteken', 'licenseplate', 'licenceplate'],
  },
  {
    kind: 'geboortedatum',
    words: ['dob', 'gebdatum', 'gebdat', 'geboren', 'birthday', 'geboortedag', 'geboortejaar'],
    stems: ['geboortedatum', 'geboortedat', 'gebdatum', 'dateofbirth', 'birthdate'],
  },
  {
    kind: 'naam',
    words: [
      'naam', 'namen', 'name', 'names', 'voornaam', 'voornamen', 'achternaam', 'tussenvoegsel',
      'tussenvoegsels', 'voorletters', 'voorletter', 'initialen', 'roepnaam', 'geslachtsnaam',
      'surname', 'firstname', 'lastname', 'fullname', 'givenname', 'familyname', 'middlename',
      'username', 'melder', 'melders', 'betrokkene', 'betrokkenen', 'contactpersoon',
      'aanvrager', 'overtreder', 'verdachte', 'eigenaar', 'owner',
    ], // prettier-ignore
    stems: [
      'voornaam', 'achternaam', 'tussenvoegsel', 'voorletter', 'roepnaam', 'geslachtsnaam',
      'meisjesnaam', 'familienaam', 'naammelder', 'meldernaam', 'firstname', 'lastname',
      'surname', 'fullname', 'givenname', 'familyname',
    ], // prettier-ignore
    generic: ['naam', 'namen', 'name', 'names'],
  },
  {
    kind: 'vrije tekst',
    words: [
      'text', 'tekst', 'teksten', 'omschrijving', 'toelichting', 'opmerking', 'opmerkingen',
      'notitie', 'notities', 'memo', 'beschrijving', 'description', 'notes', 'note', 'comment',
      'comments', 'remark', 'remarks', 'vrijetekst', 'freetext',
    ], // prettier-ignore
    stems: [
      'tekst',
      'omschrijving',
      'toelichting',
      'opmerking',
      'beschrijving',
      'notitie',
      'comment',
      'description',
    ],
    generic: ['text', 'tekst', 'teksten', 'omschrijving', 'beschrijving', 'description'],
  },
];

/** Qualifiers that turn a generic name or text column into a label of something else. */
const PLACE_OR_LABEL = [
  'straat', 'street', 'weg', 'wijk', 'buurt', 'gemeente', 'municipality', 'stad', 'city',
  'town', 'plaats', 'place', 'locatie', 'location', 'gebied', 'area', 'district', 'regio',
  'region', 'provincie', 'object', 'gebouw', 'building', 'pand', 'site', 'bedrijf', 'company',
  'business', 'organisatie', 'organization', 'organisation', 'categorie', 'category', 'thema',
  'theme', 'status', 'soort', 'type', 'bron', 'source', 'systeem', 'system', 'team',
  'afdeling', 'department', 'project', 'bestand', 'file', 'kolom', 'column', 'laag', 'layer',
  'afhandeling', 'uitkomst', 'outcome', 'interventie', 'intervention', 'product', 'dienst',
]; // prettier-ignore
/** Tokens saying a column holds an id, a count or a type rather than the thing itself. */
const META_TOKENS = new Set([
  'id', 'nr', 'nummer', 'code', 'key', 'uuid', 'type', 'soort', 'kind', 'aantal', 'count', 'n',
]); // prettier-ignore

export interface NormalizedHeader {
  tokens: string[];
  joined: string;
}

export function normalizeHeader(header: string): NormalizedHeader {
  const tokens = header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
  return { tokens, joined: tokens.join('') };
}

function candidates({ tokens, joined }: NormalizedHeader): Set<string> {
  const out = new Set<string>([joined, ...tokens]);
  for (let i = 0; i + 1 < tokens.length; i++) {
    out.add(tokens[i] + tokens[i + 1]);
    if (i + 2 < tokens.length) out.add(tokens[i] + tokens[i + 1] + tokens[i + 2]);
  }
  return out;
}

/**
 * Names and free text only: a personal word is cancelled by an id/count/type token; a generic
 * word (and nothing more specific) also by a place, code-list or organisation qualifier.
 */
function isQualified(rule: HeaderRule, h: NormalizedHeader, matched: readonly string[]): boolean {
  if (rule.kind !== 'naam' && rule.kind !== 'vrije tekst') return false;
  if (h.tokens.some((t) => META_TOKENS.has(t))) return true;
  const generic = rule.generic ?? [];
  return (
    matched.every((m) => generic.includes(m)) && PLACE_OR_LABEL.some((q) => h.joined.includes(q))
  );
}

/** The kind of personal data a column header points to, or null. */
export function detectHeaderKind(header: string): PersonalDataKind | null {
  const h = normalizeHeader(header);
  if (h.joined === '') return null;
  const names = candidates(h);
  for (const rule of HEADER_RULES) {
    const matched = [
      ...rule.words.filter((w) => names.has(w)),
      ...(rule.stems ?? []).filter((s) => h.joined.includes(s)),
    ];
    if (matched.length > 0 && !isQualified(rule, h, matched)) return rule.kind;
  }
  return null;
}

/** Whether `header` is one of `allowHeaders`, compared the same insensitive way. */
export function isAllowedHeader(header: string, allowHeaders: readonly string[]): boolean {
  const joined = normalizeHeader(header).joined;
  return allowHeaders.some((a) => normalizeHeader(a).joined === joined);
}

/**
 * Header parts saying a date column holds when something began, ended or stood empty —
 * `leeg_sinds`, `leegstand`, `startdatum`, `einde`, `vacant_since` — never a date of birth
 * (issue 27, item 11: vacancy dates from 1988–2007 were refused as birth dates). Dutch
 * stems match inside compounds; the short English words only as whole tokens.
 */
const EVENT_DATE_STEMS = ['leeg', 'sinds', 'begin', 'start', 'eind', 'vacan', 'ingang', 'aanvang'];
const EVENT_DATE_TOKENS = new Set(['end', 'ended', 'since', 'from', 'until', 'tot', 'vanaf']);

/** Whether a column's name says its dates are a start, an end or a vacancy (not a birth). */
export function isEventDateHeader(header: string): boolean {
  const { tokens, joined } = normalizeHeader(header);
  return (
    EVENT_DATE_STEMS.some((stem) => joined.includes(stem)) ||
    tokens.some((t) => EVENT_DATE_TOKENS.has(t))
  );
}
