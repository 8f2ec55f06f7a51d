/**
 * What the values of a column look like: number format and coordinate system (date and
 * time formats: sniff-dates.ts, re-exported here). Each detector returns a *plan*; the
 * bulk conversion runs in DuckDB SQL with it.
 */
import { looksLikeRd } from '../../analysis/rd';
import { MIN_SHARE } from './sniff-dates';

export { detectDateFormat, excelSerialToLocalMs, type DatePlan } from './sniff-dates';

// ---------------------------------------------------------------------------------------
// Numbers

export interface NumberPlan {
  decimal: '.' | ',';
  thousands: '.' | ',' | ' ' | null;
}

const SPACES = /[ \u00a0\u202f]/;

/** Mantissa without sign and exponent, or null when it is not number-shaped. */
function mantissa(value: string): string | null {
  const m = /^[+\-\u2212]?([\d., \u00a0\u202f]*\d[\d., \u00a0\u202f]*?)(?:[eE][+-]?\d+)?$/.exec(
    value.trim(),
  );
  return m ? m[1] : null;
}

interface Evidence {
  decimal?: '.' | ',';
  thousands?: '.' | ',' | ' ';
  /** One separator with exactly three digits after it: '1.234' or '5,987'. */
  ambiguous?: '.' | ',';
}

/** What one value says about the separators. */
function numberEvidence(value: string): Evidence | null {
  const body = mantissa(value);
  if (body === null || /^\d+$/.test(body)) return null;
  // Thousands groups never start with 0: '0,123' is a decimal.
  const grouped = /^[1-9]\d{0,2}([., \u00a0\u202f])\d{3}(?:\1\d{3})*(?:([.,])\d+)?$/.exec(body);
  if (grouped) {
    const group = SPACES.test(grouped[1]) ? ' ' : (grouped[1] as '.' | ',');
    const dec = grouped[2] as '.' | ',' | undefined;
    if (dec) return dec === group ? null : { decimal: dec, thousands: group };
    if (group === ' ') return { thousands: ' ' };
    if (body.indexOf(group) === body.lastIndexOf(group)) return { ambiguous: group };
    return { decimal: group === '.' ? ',' : '.', thousands: group }; // '1.234.567'
  }
  const single = /^\d*([.,])\d+$/.exec(body);
  return single ? { decimal: single[1] as '.' | ',' } : null;
}

/**
 * The decimal and thousands separators of a column.
 *
 * Certain evidence comes from values like '155000,5' (not three digits after the
 * separator, or more than three before it: decimal), '1.234,5' (both: the last one is
 * decimal) and '1.234.567' (repeated: thousands). A value like '5,987' or '52.123' (one
 * separator, three digits after, one to three before) is ambiguous; when nothing else in
 * the column decides, the separator is taken as the decimal one, because wijkradar's
 * numeric columns are mostly coordinates, where '5,987' is a longitude and thousands
 * separators do not occur. When the column's decimal is the other separator, such a value
 * decides the thousands separator instead. Majority wins on conflict; values that do not
 * fit the plan parse to null (rejected with a reason). No evidence at all: '.'.
 */
export function detectNumberFormat(values: readonly string[]): NumberPlan {
  const decimalVotes = { '.': 0, ',': 0 };
  const thousandsVotes = new Map<string, number>();
  const ambiguous = { '.': 0, ',': 0 };
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const evidence = numberEvidence(value);
    if (!evidence) continue;
    if (evidence.ambiguous) ambiguous[evidence.ambiguous]++;
    if (evidence.decimal) decimalVotes[evidence.decimal]++;
    if (evidence.thousands) {
      thousandsVotes.set(evidence.thousands, (thousandsVotes.get(evidence.thousands) ?? 0) + 1);
    }
  }

  let decimal: '.' | ',';
  if (decimalVotes[','] !== decimalVotes['.']) {
    decimal = decimalVotes[','] > decimalVotes['.'] ? ',' : '.';
  } else if (ambiguous[','] !== ambiguous['.']) {
    decimal = ambiguous[','] > ambiguous['.'] ? ',' : '.';
  } else {
    decimal = '.';
  }

  const other = decimal === '.' ? ',' : '.';
  const thousandsCounts = new Map(thousandsVotes);
  thousandsCounts.delete(decimal);
  if (ambiguous[other] > 0)
    thousandsCounts.set(other, (thousandsCounts.get(other) ?? 0) + ambiguous[other]);
  let thousands: NumberPlan['thousands'] = null;
  let most = 0;
  for (const [sep, count] of thousandsCounts) {
    if (count > most) [thousands, most] = [sep as NumberPlan['thousands'], count];
  }
  return { decimal, thousands };
}

/** Parses one value with a plan; null when empty or not a number in that format. */
export function parseNumber(value: string, plan: NumberPlan): number | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(/^\u2212/, '-');
  const m = /^([+-]?)([\d., \u00a0\u202f]+?)([eE][+-]?\d+)?$/.exec(text);
  if (!m) return null;
  const [, sign, body, exponent = ''] = m;
  const dec = plan.decimal === '.' ? '\\.' : ',';
  const group =
    plan.thousands === null
      ? null
      : plan.thousands === ' '
        ? '[ \\u00a0\\u202f]'
        : `\\${plan.thousands}`;
  const plain = new RegExp(`^(\\d*)(?:${dec}(\\d+))?$`);
  const withGroups = group
    ? new RegExp(`^([1-9]\\d{0,2}(?:${group}\\d{3})+)(?:${dec}(\\d+))?$`)
    : null;
  const parts = plain.exec(body) ?? withGroups?.exec(body) ?? null;
  if (!parts || (parts[1] === '' && parts[2] === undefined)) return null;
  const integer = parts[1].replace(/\D/g, '') || '0';
  const result = Number(
    `${sign}${integer}${parts[2] !== undefined ? '.' + parts[2] : ''}${exponent}`,
  );
  return Number.isFinite(result) ? result : null;
}

// ---------------------------------------------------------------------------------------
// Coordinates

export interface CoordinatePlan {
  crs: 'wgs84' | 'rd' | 'unknown';
  swapped: boolean;
  share: number;
  message: string;
}

/** WGS84 inside the Netherlands, with a margin (its bounding box is ~3.36–7.23, 50.75–53.56). */
const isLon = (v: number): boolean => v >= 3.2 && v <= 7.3;
const isLat = (v: number): boolean => v >= 50.7 && v <= 53.6;

const percent = (share: number): string => `${Math.floor(share * 100)}%`;

/**
 * Which coordinate system the user's x/y (or lon/lat) columns hold, judged pair by pair:
 * WGS84 in the Netherlands (lon 3.2–7.3, lat 50.7–53.6), RD New (looksLikeRd), and each of
 * them with the columns swapped. The hypothesis most pairs support wins; at equal support
 * the unswapped reading goes first (RD ranges overlap for x and y in 289000–300000).
 * `share` is the fraction of the pairs with finite numbers that fit the decision (pairs
 * with a missing or unparsable value are left out: they carry no evidence, the pipeline
 * rejects them per row). Below 50% the system is 'unknown'. The message is Dutch, for
 * the import screen.
 */
export function detectCoordinateSystem(
  xs: readonly number[],
  ys: readonly number[],
): CoordinatePlan {
  const n = Math.min(xs.length, ys.length);
  const votes = { wgs84: 0, wgs84Swapped: 0, rd: 0, rdSwapped: 0 };
  let total = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    total++;
    if (isLon(x) && isLat(y)) votes.wgs84++;
    if (isLat(x) && isLon(y)) votes.wgs84Swapped++;
    if (looksLikeRd(x, y)) votes.rd++;
    if (looksLikeRd(y, x)) votes.rdSwapped++;
  }
  if (total === 0) {
    return { crs: 'unknown', swapped: false, share: 0, message: 'Geen coördinaten gevonden.' };
  }
  const ranked = (Object.entries(votes) as [keyof typeof votes, number][]).reduce((a, b) =>
    b[1] > a[1] ? b : a,
  );
  const [hypothesis, count] = ranked;
  const share = count / total;
  if (share < MIN_SHARE) {
    return {
      crs: 'unknown',
      swapped: false,
      share,
      message:
        `Coördinatenstelsel niet herkend: ${percent(share)} van de punten past bij WGS84 of ` +
        'RD New (EPSG:28992) binnen Nederland.',
    };
  }
  const crs = hypothesis.startsWith('rd') ? 'rd' : 'wgs84';
  const swapped = hypothesis.endsWith('Swapped');
  const recognised =
    crs === 'rd'
      ? 'Coördinaten in RD New (EPSG:28992) herkend.'
      : 'Coördinaten in WGS84 (lengte- en breedtegraad) herkend.';
  const swapNote = !swapped
    ? ''
    : crs === 'rd'
      ? ' De x- en y-coördinaat lijken verwisseld; ze worden omgedraaid.'
      : ' Lengte- en breedtegraad lijken verwisseld; ze worden omgedraaid.';
  const rest =
    share < 1 ? ` ${percent(share)} van de punten past hierbij; de andere worden geweigerd.` : '';
  return { crs, swapped, share, message: recognised + swapNote + rest };
}
