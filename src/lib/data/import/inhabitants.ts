/**
 * The population of an area as imported: a whole number of people, or unknown (null). A
 * missing, null or empty value is unknown — never 0, which would read as "geen inwoners".
 * CBS marks suppressed values with large negative numbers (−99997, −99995, …): unknown too.
 *
 * Text is read the Dutch way: '.' groups thousands and ',' starts decimals, so "1.234" and
 * "1.234,0" are 1234 people (not 1.234), "1234.0" (a decimal point after four digits cannot
 * be a thousands separator) is 1234 too. A population with a real fraction ("12,5",
 * "1.234,5") or an unreadable one is left unknown, with the reason.
 */

/** CBS marks suppressed values with numbers at or below this. */
export const CBS_SENTINEL_LIMIT = -99990;

export interface ParsedInhabitants {
  inhabitants: number | null;
  /** Dutch, for the import report; null when the value was read as it stands. */
  note: string | null;
}

const PLAIN = /^\d+$/;
/** 1.234 / 12.345.678, optionally with a zero decimal part: 1.234,0 */
const DUTCH_GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,0+)?$/;
/** 1234,0 or 1234.0: a whole number written with zero decimals. */
const ZERO_DECIMALS = /^\d+[,.]0+$/;

const unknown = (shown: string, why: string): ParsedInhabitants => ({
  inhabitants: null,
  note: `aantal inwoners ‘${shown}’ ${why}: onbekend gelaten`,
});

function fromNumber(n: number, shown: string): ParsedInhabitants {
  if (n <= CBS_SENTINEL_LIMIT) return { inhabitants: null, note: null }; // CBS: geheim
  if (!Number.isFinite(n) || n < 0 || n > 100_000_000) return unknown(shown, 'is onleesbaar');
  if (!Number.isInteger(n)) return unknown(shown, 'is geen heel getal');
  return { inhabitants: n, note: null };
}

export function parseInhabitants(value: unknown): ParsedInhabitants {
  if (value === null || value === undefined) return { inhabitants: null, note: null };
  if (typeof value === 'number') {
    // An empty numeric field (DBF, GeoPackage) may arrive as NaN: unknown, like null.
    return Number.isNaN(value)
      ? { inhabitants: null, note: null }
      : fromNumber(value, String(value));
  }
  if (typeof value === 'bigint') return fromNumber(Number(value), String(value));
  const shown = String(value).trim();
  const text = shown.replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return { inhabitants: null, note: null };
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  let n: number;
  if (PLAIN.test(digits)) n = Number(digits);
  else if (DUTCH_GROUPED.test(digits)) n = Number(digits.split(',')[0].replaceAll('.', ''));
  else if (ZERO_DECIMALS.test(digits)) n = Number(digits.split(/[,.]/)[0]);
  // A fraction ("12,5", "1.234,5", "1234.5") or grouping that is not Dutch ("1,234").
  else if (/^[\d.,]+$/.test(digits)) return unknown(shown, 'is geen heel getal');
  else return unknown(shown, 'is onleesbaar');
  return fromNumber(negative ? -n : n, shown);
}
