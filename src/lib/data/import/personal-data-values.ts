/**
 * Value-level recognisers for personal data (issue 3, item 6): one pure predicate per kind,
 * each on a single string as read from CSV, GeoJSON or Parquet. The column-level decision
 * (shares, thresholds, guards against codes and ids) lives in `personal-data-content.ts`.
 */

/**
 * BSN (burgerservicenummer, formerly sofinummer): nine digits passing the 11-proef
 * 9a+8b+7c+6d+5e+4f+3g+2h−1i ≡ 0 (mod 11), not all zeros. Also accepted: eight digits, read
 * as a BSN whose leading zero a spreadsheet dropped, and the printed forms `1234.56.782` and
 * `123.456.782`, with dots, spaces or dashes as separators (issue 27, item 7).
 * Source: Logius, "Burgerservicenummer — elfproef".
 */
export function isValidBsn(value: string): boolean {
  const v = value.trim();
  let digits: string;
  if (/^\d{8,9}$/.test(v)) digits = v;
  else if (/^(?:\d{4}([. -])\d{2}\1|\d{3}([. -])\d{3}\2)\d{3}$/.test(v))
    digits = v.replace(/[. -]/g, '');
  else return false;
  if (digits.length === 8) digits = '0' + digits;
  if (/^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48);
  sum -= digits.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

/**
 * IBAN lengths per country from the SWIFT IBAN Registry (ISO 13616), for the countries an
 * export from a Dutch municipality is likely to hold; other countries get the generic 15-34.
 */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18,
  FR: 27, GB: 22, GR: 27, HR: 21, HU: 28, IE: 22, IT: 27, LT: 20, LU: 20, LV: 21, MT: 31,
  NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, TR: 26,
}; // prettier-ignore

/**
 * ISO 13616 IBAN: country code, two check digits, BBAN; spaces anywhere are ignored. Valid
 * when the rearranged number (BBAN + country + check, letters A=10 … Z=35) is 1 mod 97.
 * Check digits 00, 01 and 99 are never issued (they alias 97, 98 and 02). Dutch IBANs must
 * also have the NL structure: four bank letters and ten digits.
 */
export function isValidIban(value: string): boolean {
  const v = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(v)) return false;
  const country = v.slice(0, 2);
  const expected = IBAN_LENGTHS[country];
  if (expected !== undefined && v.length !== expected) return false;
  if (country === 'NL' && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(v)) return false;
  const check = v.slice(2, 4);
  if (check === '00' || check === '01' || check === '99') return false;
  const rearranged = v.slice(4) + v.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    remainder = c < 58 ? (remainder * 10 + c - 48) % 97 : (remainder * 100 + c - 55) % 97;
  }
  return remainder === 1;
}

/**
 * Dutch kenteken sidecodes 1-14 (X = letter, 9 = digit), as issued by the RDW since 1951.
 * Sources: kentekenkennis.nl/sidecode and nummerborden.info/info-nl-kentekens (RDW data):
 *   1 XX-99-99   2 99-99-XX   3 99-XX-99   4 XX-99-XX   5 XX-XX-99   6 99-XX-XX
 *   7 99-XXX-9   8 9-XXX-99   9 XX-999-X  10 X-999-XX  11 XXX-99-X  12 X-99-XXX
 *  13 9-XX-999  14 999-XX-9
 * Sidecodes 1-3 (1951-1978) used almost the whole alphabet; from sidecode 4 (1978) the RDW
 * issues no vowels and no C or Q (too close to a zero), so those letters are refused there.
 * Written with dashes, spaces or nothing. Without separators every shape is unambiguous,
 * except `9999XX`, which is a Dutch postcode far more often than a 1965-1973 plate, so it is
 * only accepted with separators (`12-34-AB`). `GM0226`, `WK…`, `BU…` CBS codes are refused.
 */
const SIDECODES: readonly string[] = [
  'XX-99-99', '99-99-XX', '99-XX-99', 'XX-99-XX', 'XX-XX-99', '99-XX-XX', '99-XXX-9',
  '9-XXX-99', 'XX-999-X', 'X-999-XX', 'XXX-99-X', 'X-99-XXX', '9-XX-999', '999-XX-9',
]; // prettier-ignore
const SHAPE_TO_SIDECODE = new Map<string, number>();
SIDECODES.forEach((shape, i) => {
  SHAPE_TO_SIDECODE.set(shape, i + 1);
  SHAPE_TO_SIDECODE.set(shape.replaceAll('-', ''), i + 1);
});
const MODERN_PLATE_LETTERS = /^[BDFGHJKLMNPRSTVWXYZ]*$/;
const POSTCODE_SHAPE = '9999XX';
const CBS_CODE = /^(?:GM|WK|BU)\d/;

export function looksLikeDutchPlate(value: string): boolean {
  const v = value.trim().toUpperCase();
  if (v.length < 6 || v.length > 8) return false;
  let shape = '';
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 65 && c <= 90) shape += 'X';
    else if (c >= 48 && c <= 57) shape += '9';
    else if (c === 45 || c === 32) shape += '-';
    else return false;
  }
  const sidecode = SHAPE_TO_SIDECODE.get(shape);
  if (sidecode === undefined || shape === POSTCODE_SHAPE) return false;
  if (!shape.includes('-') && CBS_CODE.test(v)) return false;
  return sidecode <= 3 || MODERN_PLATE_LETTERS.test(v.replace(/[^A-Z]/g, ''));
}

/**
 * Dutch phone numbers (ACM numbering plan): ten digits starting with 0 and a non-zero area
 * or mobile digit (`0612345678`, `020-1234567`, `(020) 123 45 67`), or the same without the
 * leading 0 after +31 or 0031 (`+31 6 12345678`, `+31 (0)20 1234567`). Spaces, dashes,
 * slashes and brackets may separate groups; dots too (`06.12.34.56.78`, issue 27 item 7),
 * but only two or more of them, so that decimals like `0.123456789` never pass.
 */
export function looksLikeDutchPhone(value: string): boolean {
  const v = value.trim();
  if (v.length < 10 || v.length > 22 || !/^[+(]?[\d\s()/.-]+$/.test(v)) return false;
  if (v.includes('.') && v.indexOf('.') === v.lastIndexOf('.')) return false;
  const compact = v.replace('(0)', '').replace(/[\s()/.-]/g, '');
  return /^(?:0[1-9]\d{8}|(?:\+|00)31[1-9]\d{8})$/.test(compact);
}

/**
 * Practical e-mail shape (not full RFC 5322): local part, one @, a domain of dot-separated
 * labels ending in a 2-24 letter top-level domain. Written so that backtracking stays linear.
 */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}$/;

export function looksLikeEmail(value: string): boolean {
  const v = value.trim();
  return v.length <= 254 && EMAIL.test(v);
}

/** A parsed calendar date: days since 1970-01-01 (UTC) and whether a non-midnight time came with it. */
export interface ParsedDay {
  day: number;
  hasTime: boolean;
}

const ISO_DATE =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DUTCH_DATE =
  /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T](\d{1,2})[:.](\d{2})(?::(\d{2}))?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** Dates as the import accepts them: ISO, `dd-mm-jjjj`, `d-m-jjjj` (also / and .), `jjjjmmdd`. */
export function parseDay(value: string): ParsedDay | null {
  const v = value.trim();
  let y: number, m: number, d: number;
  let time: (string | undefined)[] = [];
  let match = ISO_DATE.exec(v);
  if (match) {
    [y, m, d] = [+match[1], +match[2], +match[3]];
    time = match.slice(4, 7);
  } else if ((match = DUTCH_DATE.exec(v))) {
    [d, m, y] = [+match[1], +match[2], +match[3]];
    time = match.slice(4, 7);
  } else if ((match = COMPACT_DATE.exec(v))) {
    [y, m, d] = [+match[1], +match[2], +match[3]];
  } else return null;
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const day = Date.UTC(y, m - 1, d) / 86_400_000;
  if (new Date(day * 86_400_000).getUTCDate() !== d) return null; // e.g. 31-02
  return { day, hasTime: time.some((t) => t !== undefined && +t !== 0) };
}
