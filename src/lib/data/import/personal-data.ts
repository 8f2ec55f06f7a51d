/**
 * Personal data is refused at import (PRODUCT.md, Privacy; issue 3, item 6). The pipeline
 * calls `detectPersonalData` once per column with its header and a sample of up to ~1000
 * non-empty values; a finding means the column is not stored and the import report shows
 * `reason`, one Dutch sentence.
 *
 * Content evidence is checked first, whatever the header, and wins when found: it is the
 * stronger statement (a share of values) and catches personal data under innocent headers.
 * Header evidence (`personal-data-header.ts`) catches the rest, including empty samples.
 * Thresholds are in `personal-data-content.ts`; the recognisers per value in
 * `personal-data-values.ts` and `personal-data-names.ts`.
 *
 * Deterministic: the only input besides header and values is the reference date for the
 * date-of-birth age test, which defaults to today and can be fixed through the options.
 */
import { detectContentKind, type ContentEvidence } from './personal-data-content';
import { detectHeaderKind, isAllowedHeader } from './personal-data-header';

export {
  isValidBsn,
  isValidIban,
  looksLikeDutchPhone,
  looksLikeDutchPlate,
  looksLikeEmail,
} from './personal-data-values';
export { looksLikePersonName } from './personal-data-names';

export type PersonalDataKind =
  | 'naam'
  | 'bsn'
  | 'geboortedatum'
  | 'kenteken'
  | 'telefoonnummer'
  | 'e-mailadres'
  | 'iban'
  | 'vrije tekst';

export interface PersonalDataFinding {
  /** The header as given. */
  column: string;
  kind: PersonalDataKind;
  evidence: 'kolomnaam' | 'inhoud';
  /** For content evidence: share of the sampled values that matched (0..1); null for a header. */
  share: number | null;
  /** One Dutch sentence for the import report. */
  reason: string;
}

export interface PersonalDataOptions {
  /**
   * Headers known to be safe in this file, compared case-, accent- and separator-insensitively:
   * canonical place-name fields such as `name` of aandachtslocaties or areas. They skip the
   * header check only; their values are still checked.
   */
  allowHeaders?: readonly string[];
  /**
   * The column holds names of places (areas, aandachtslocaties): exempt from the
   * free-text rules. Implied for a header in `allowHeaders`.
   */
  placeNames?: boolean;
  /** "Today" for the date-of-birth test (dates more than 12 years before it). Default: now. */
  referenceDate?: Date;
}

const KIND_PHRASES: Readonly<Record<PersonalDataKind, string>> = {
  naam: 'namen van personen',
  bsn: 'burgerservicenummers (BSN)',
  geboortedatum: 'geboortedata',
  kenteken: 'kentekens',
  telefoonnummer: 'telefoonnummers',
  'e-mailadres': 'e-mailadressen',
  iban: 'bankrekeningnummers (IBAN)',
  'vrije tekst': 'vrije tekst',
};

/** Whole percent; never "100%" unless every value matched, never "0%" when some did. */
function formatPercent(share: number): string {
  const pct = Math.round(share * 100);
  if (pct === 100 && share < 1) return '99';
  if (pct === 0 && share > 0) return '1';
  return String(pct);
}

function buildReason(
  column: string,
  kind: PersonalDataKind,
  share: number | null,
  rows?: { from: number; to: number },
): string {
  const consequence =
    kind === 'vrije tekst'
      ? 'vrije tekst kan persoonsgegevens bevatten en wordt niet ingelezen.'
      : 'persoonsgegevens worden niet ingelezen.';
  const what = KIND_PHRASES[kind];
  return share === null
    ? `Kolom ‘${column}’ heeft een naam die wijst op ${what}; ${consequence}`
    : rows
      ? `Kolom ‘${column}’ lijkt in rij ${rows.from}–${rows.to} ${what} te bevatten (${formatPercent(share)}% van de waarden daar); ${consequence}`
      : `Kolom ‘${column}’ lijkt ${what} te bevatten (${formatPercent(share)}% van de waarden); ${consequence}`;
}

/** A content finding as the report shows it; `rows` when it was found beyond the sample. */
export function describeContentFinding(
  column: string,
  { kind, share }: ContentEvidence,
  rows?: { from: number; to: number },
): PersonalDataFinding {
  return {
    column,
    kind,
    evidence: 'inhoud',
    share,
    reason: buildReason(column, kind, share, rows),
  };
}

function toDayNumber(date: Date): number {
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000;
}

/** The personal data a column holds, judged from its header and a sample of its values, or null. */
export function detectPersonalData(
  header: string,
  values: readonly string[],
  options: PersonalDataOptions = {},
): PersonalDataFinding | null {
  const allowed =
    options.allowHeaders !== undefined && isAllowedHeader(header, options.allowHeaders);
  const content = detectContentKind(values, toDayNumber(options.referenceDate ?? new Date()), {
    header,
    placeNames: options.placeNames || allowed,
  });
  if (content !== null) return describeContentFinding(header, content);
  if (allowed) return null;
  const kind = detectHeaderKind(header);
  if (kind === null) return null;
  return {
    column: header,
    kind,
    evidence: 'kolomnaam',
    share: null,
    reason: buildReason(header, kind, null),
  };
}
