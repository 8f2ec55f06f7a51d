/**
 * Value codecs for URL parameters: each turns the text of one parameter into a value, or
 * null when the text is missing or tampered with (never passed on), and back. The keys
 * themselves, with one meaning each across all pages, are in url-keys.ts.
 */

export interface ValueCodec<T> {
  /** Invalid or empty text is null. */
  parse(raw: string): T | null;
  format(value: T): string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Codes, categories and outcomes: letters, digits and a few separators, bounded length. */
export const FREE_VALUE = /^[\p{L}\p{N} _.\-/'()&+]{1,80}$/u;

export function isDay(value: string | null): value is string {
  if (!value || !DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function isMonth(value: string | null): value is string {
  return value !== null && MONTH.test(value);
}

export const dayCodec: ValueCodec<string> = {
  parse: (raw) => (isDay(raw) ? raw : null),
  format: (day) => day,
};

/** One value matching `pattern`. */
export function textCodec(pattern: RegExp): ValueCodec<string> {
  return { parse: (raw) => (pattern.test(raw) ? raw : null), format: (value) => value };
}

/** A comma-separated list: valid values only, each once, at most 200. */
export function listCodec(pattern: RegExp = FREE_VALUE): ValueCodec<string[]> {
  return {
    parse(raw) {
      const values = raw.split(',').map((v) => v.trim());
      const valid = [...new Set(values.filter((v) => pattern.test(v)))].slice(0, 200);
      return valid.length ? valid : null;
    },
    format: (values) => values.join(','),
  };
}

/** One of a fixed set of numbers. */
export function numberChoiceCodec(allowed: readonly number[]): ValueCodec<number> {
  return {
    parse(raw) {
      const value = Number(raw);
      return raw !== '' && allowed.includes(value) ? value : null;
    },
    format: String,
  };
}

/** One of a fixed set of words. */
export function wordChoiceCodec<const T extends string>(allowed: readonly T[]): ValueCodec<T> {
  return {
    parse: (raw) => ((allowed as readonly string[]).includes(raw) ? (raw as T) : null),
    format: (value) => value,
  };
}

/** An inclusive span `from_to` of two values of `pattern`, from ≤ to. */
export function spanCodec(
  isValid: (value: string) => boolean,
): ValueCodec<{ from: string; to: string }> {
  return {
    parse(raw) {
      const [from, to, extra] = raw.split('_');
      return extra === undefined && isValid(from ?? '') && isValid(to ?? '') && from <= to
        ? { from, to }
        : null;
    },
    format: (span) => `${span.from}_${span.to}`,
  };
}

export type Box = [number, number, number, number];

/** A lon/lat rectangle `minLon,minLat,maxLon,maxLat` (5 decimals in the URL: about a metre). */
export const boxCodec: ValueCodec<Box> = {
  parse(raw) {
    const box = raw.split(',').map(Number);
    const valid =
      box.length === 4 &&
      box.every(Number.isFinite) &&
      box[0] < box[2] &&
      box[1] < box[3] &&
      Math.abs(box[1]) <= 90 &&
      Math.abs(box[3]) <= 90;
    return valid ? (box as Box) : null;
  },
  format: (box) => box.map((v) => Number(v.toFixed(5))).join(','),
};

/** A whole number for everything, and other numbers for some named things. */
export interface KeyedNumbers {
  value: number;
  byKey: Record<string, number>;
}

/**
 * `14,grofvuil:21,container-is-vol:3`: a whole number between `min` and `max`, then
 * `name:number` pairs (names as FREE_VALUE, which holds no comma or colon). A pair that is
 * invalid, or equal to the first number, is dropped; pairs are written sorted by name.
 */
export function keyedIntegersCodec(min: number, max: number): ValueCodec<KeyedNumbers> {
  const valid = (text: string | undefined) => {
    const n = Number(text);
    return text !== undefined && /^\d+$/.test(text) && n >= min && n <= max ? n : null;
  };
  return {
    parse(raw) {
      const [first, ...pairs] = raw.split(',');
      const value = valid(first);
      if (value === null) return null;
      const byKey: Record<string, number> = {};
      for (const pair of pairs.slice(0, 200)) {
        const at = pair.lastIndexOf(':');
        const name = pair.slice(0, at);
        const n = valid(pair.slice(at + 1));
        if (at > 0 && FREE_VALUE.test(name) && n !== null && n !== value) byKey[name] = n;
      }
      return { value, byKey };
    },
    format: ({ value, byKey }) =>
      [
        String(value),
        ...Object.keys(byKey)
          .sort()
          .map((name) => `${name}:${byKey[name]}`),
      ].join(','),
  };
}
