/**
 * SQL literals for values the code computed (never for user input: that is a `?`
 * parameter). Each throws on a value it cannot write exactly.
 */

/** A text as a quoted SQL string. */
export const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/**
 * A double as SQL that reads back to exactly the same double: the shortest round-trip
 * decimal string cast to DOUBLE (a bare literal would become a DECIMAL).
 */
export function sqlDouble(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return `CAST('${String(value)}' AS DOUBLE)`;
}

/** Comma-separated SQL of each value (for `IN (…)`). */
export const sqlList = <T>(values: readonly T[], literal: (value: T) => string): string =>
  values.map(literal).join(', ');

/** `?, ?, …`: one parameter per value. */
export const placeholders = (values: readonly unknown[]): string =>
  values.map(() => '?').join(', ');

/** Integers between min and max (inclusive) as SQL; throws on anything else. */
export function sqlIntegers(
  values: readonly number[],
  min: number,
  max: number,
  name: string,
): string {
  checkIntegers(values, min, max, name);
  return values.join(', ');
}

export function checkIntegers(
  values: readonly number[],
  min: number,
  max: number,
  name: string,
): void {
  for (const v of values) {
    if (!Number.isInteger(v) || v < min || v > max) {
      throw new RangeError(`${name} must be integers ${min}–${max}, got ${v}`);
    }
  }
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** Throws unless `value` is a local wall-clock 'YYYY-MM-DD HH:MM:SS'; returns it. */
export function checkTimestamp(value: string, name: string): string {
  if (!TIMESTAMP.test(value)) throw new RangeError(`${name} must be 'YYYY-MM-DD HH:MM:SS'`);
  return value;
}

/**
 * TRUE for points inside `box` [minLon, minLat, maxLon, maxLat] (WGS84), as SQL on the
 * given coordinate columns; the corners are checked finite and written exactly.
 */
export function bboxSql(box: readonly number[], lon = 'lon', lat = 'lat'): string {
  const [minLon, minLat, maxLon, maxLat] = box.map(sqlDouble);
  return `${lon} BETWEEN ${minLon} AND ${maxLon} AND ${lat} BETWEEN ${minLat} AND ${maxLat}`;
}

/**
 * The cubic lon/lat → RD polynomial (analysis/rd-polynomial.ts) with coefficients `c`, as
 * SQL over the normalised coordinates `u` and `v`.
 */
export function polynomialSql(c: readonly number[]): string {
  const t = ['', 'u', 'v', 'u*u', 'u*v', 'v*v', 'u*u*u', 'u*u*v', 'u*v*v', 'v*v*v'];
  return c.map((ck, k) => (k === 0 ? sqlDouble(ck) : `${sqlDouble(ck)}*${t[k]}`)).join(' + ');
}
