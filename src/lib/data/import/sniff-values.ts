/**
 * What the values of a column look like: date/time format, number format, coordinate
 * system. Each detector returns a *plan*; the bulk conversion runs in DuckDB SQL with it
 * (date formats are DuckDB `strptime` format strings, verified against DuckDB v1.4.3).
 */
import { looksLikeRd } from '../../analysis/rd';

const MIN_SHARE = 0.5;

// ---------------------------------------------------------------------------------------
// Dates and times

/**
 * How to turn a column's text into a TIMESTAMP.
 *
 * - `strptime`: pass `formats` as a list to DuckDB, `try_strptime(value, formats)`, and
 *   CAST the result AS TIMESTAMP (fractions of 7–9 digits use `%n`, which yields
 *   TIMESTAMP_NS). Each format must match the whole value (surrounding spaces are fine),
 *   so the order only matters for two-digit years: `%y` formats come first because `%Y`
 *   would read '03-04-25' as the year 25. Formats without `%H` are date-only (midnight);
 *   formats without `%d` are time-only (DuckDB gives 1900-01-01 hh:mm), meant for a
 *   separate time column. Dates are always day-first: '03-04-2025' is 3 April.
 * - `utc: true`: the values carry 'Z' or a UTC offset ('+01:00', '+0100', '+01'). They
 *   denote instants, not Dutch wall-clock readings. DuckDB's `%z` yields TIMESTAMPTZ and
 *   the literal-'Z' formats a TIMESTAMP in UTC; `make_timestamp(epoch_us(x))` turns
 *   either into the UTC wall-clock (no ICU needed). The pipeline must then convert UTC →
 *   Europe/Amsterdam (`utcToLocal` in analysis/local-time.ts) before storing: offsets are
 *   never dropped. Offset and naive values are never mixed in one plan, because one `%z`
 *   format makes DuckDB read every naive value of the list as UTC.
 * - `excel-serial`: days since 1899-12-30 with the time as fraction; `decimal` tells
 *   whether Dutch Excel wrote a decimal comma. Convert with excelSerialToLocalMs, or in
 *   SQL for serials ≥ 61: `make_timestamp(CAST(round((s - 25569) * 86400) AS BIGINT) *
 *   1000000)`.
 * - `share`: the fraction of the non-empty sample the plan parses; values it does not
 *   parse are rejected rows with a reason. Below 50% the plan is `unknown`.
 */
export type DatePlan =
  | { kind: 'strptime'; formats: string[]; utc?: boolean; share?: number }
  | { kind: 'excel-serial'; decimal?: '.' | ','; share?: number }
  | { kind: 'unknown'; share?: number }
  /** A typed date or timestamp column (Arrow, Parquet): read as it is, nothing to parse. */
  | { kind: 'typed'; share?: number };

type Family = 'local' | 'utc' | 'time';

interface DateCandidate {
  format: string;
  regex: RegExp;
  family: Family;
  /** Higher is more specific: offset > fraction > seconds > minutes > date only. */
  rank: number;
}

const D12 = '(?<d>\\d{1,2})';
const M12 = '(?<m>\\d{1,2})';
const DATE_PARTS = [
  { re: `(?<y>\\d{4})-${M12}-${D12}`, fmt: '%Y-%m-%d', iso: true },
  { re: `(?<y>\\d{4})/${M12}/${D12}`, fmt: '%Y/%m/%d', iso: false },
  { re: `${D12}-${M12}-(?<y>\\d{4})`, fmt: '%d-%m-%Y', iso: false },
  { re: `${D12}/${M12}/(?<y>\\d{4})`, fmt: '%d/%m/%Y', iso: false },
  { re: `${D12}\\.${M12}\\.(?<y>\\d{4})`, fmt: '%d.%m.%Y', iso: false },
  { re: `${D12}-${M12}-(?<yy>\\d{2})`, fmt: '%d-%m-%y', iso: false },
  { re: `${D12}/${M12}/(?<yy>\\d{2})`, fmt: '%d/%m/%y', iso: false },
];
const COMPACT_DATE = { re: '(?<y>\\d{4})(?<m>\\d{2})(?<d>\\d{2})', fmt: '%Y%m%d' };

const HM = '(?<H>\\d{1,2}):(?<M>\\d{2})';
const HMS = `${HM}:(?<S>\\d{2})`;
const TIME_PARTS = [
  { re: HM, fmt: '%H:%M', rank: 1 },
  { re: HMS, fmt: '%H:%M:%S', rank: 2 },
  { re: `${HMS}\\.(?<f>\\d{1,6})`, fmt: '%H:%M:%S.%f', rank: 3 },
  { re: `${HMS}\\.(?<f>\\d{7,9})`, fmt: '%H:%M:%S.%n', rank: 3 },
];
const COMPACT_TIMES = [
  { re: '(?<H>\\d{2})(?<M>\\d{2})', fmt: '%H%M', rank: 1 },
  { re: '(?<H>\\d{2})(?<M>\\d{2})(?<S>\\d{2})', fmt: '%H%M%S', rank: 2 },
];

function candidate(re: string, format: string, family: Family, rank: number): DateCandidate {
  return { format, regex: new RegExp(`^${re}$`), family, rank };
}

function buildCandidates(): DateCandidate[] {
  const list: DateCandidate[] = [];
  for (const date of DATE_PARTS) {
    list.push(candidate(date.re, date.fmt, 'local', 0));
    for (const time of TIME_PARTS) {
      list.push(candidate(`${date.re} ${time.re}`, `${date.fmt} ${time.fmt}`, 'local', time.rank));
      if (!date.iso) continue;
      list.push(candidate(`${date.re}T${time.re}`, `${date.fmt}T${time.fmt}`, 'local', time.rank));
      for (const sep of [' ', 'T']) {
        const base = `${date.re}${sep}${time.re}`;
        const fmt = `${date.fmt}${sep}${time.fmt}`;
        list.push(candidate(`${base}Z`, `${fmt}Z`, 'utc', time.rank + 10));
        list.push(
          candidate(`${base}(?<z>[+-]\\d{2}(?::?\\d{2})?)`, `${fmt}%z`, 'utc', time.rank + 10),
        );
      }
    }
  }
  list.push(candidate(COMPACT_DATE.re, COMPACT_DATE.fmt, 'local', 0));
  for (const time of COMPACT_TIMES) {
    list.push(
      candidate(
        `${COMPACT_DATE.re} ${time.re}`,
        `${COMPACT_DATE.fmt} ${time.fmt}`,
        'local',
        time.rank,
      ),
    );
  }
  for (const time of [...TIME_PARTS, COMPACT_TIMES[0]]) {
    list.push(candidate(time.re, time.fmt, 'time', time.rank));
  }
  return list;
}

const DATE_CANDIDATES = buildCandidates();

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Range checks on the parts, as DuckDB makes them (31-02 and 24:00 are not dates). */
function validParts(groups: Record<string, string | undefined>): boolean {
  const num = (key: string): number | null =>
    groups[key] === undefined ? null : Number(groups[key]);
  const yy = num('yy');
  // DuckDB's %y pivot: 00–68 → 20xx, 69–99 → 19xx.
  const year = yy !== null ? (yy < 69 ? 2000 + yy : 1900 + yy) : num('y');
  const month = num('m');
  const day = num('d');
  if (year !== null && month !== null && day !== null) {
    if (year < 1900 || year > 2100 || month < 1 || month > 12) return false;
    if (day < 1 || day > daysInMonth(year, month)) return false;
  }
  const hour = num('H');
  if (hour !== null && hour > 23) return false;
  const minute = num('M');
  if (minute !== null && minute > 59) return false;
  const second = num('S');
  if (second !== null && second > 59) return false;
  const zone = groups.z;
  if (zone !== undefined) {
    const digits = zone.slice(1).replace(':', '');
    if (Number(digits.slice(0, 2)) > 14 || Number(digits.slice(2) || '0') > 59) return false;
  }
  return true;
}

function matchingCandidates(value: string): number[] {
  const hits: number[] = [];
  DATE_CANDIDATES.forEach((c, index) => {
    const m = c.regex.exec(value);
    if (m && validParts(m.groups ?? {})) hits.push(index);
  });
  return hits;
}

const EXCEL_SERIAL = /^\d{5}(?:([.,])\d+)?$/;

/** Greedy set cover within one family: every format that parses a value not yet parsed. */
function coverFamily(
  family: Family,
  hits: readonly number[][],
): { formats: DateCandidate[]; covered: number } {
  const uncovered = new Set(hits.keys());
  const chosen: DateCandidate[] = [];
  for (;;) {
    const counts = new Map<number, number>();
    for (const i of uncovered) {
      for (const c of hits[i]) {
        if (DATE_CANDIDATES[c].family === family) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
    }
    let best = -1;
    let bestCount = 0;
    for (const [c, count] of counts) {
      if (count > bestCount) [best, bestCount] = [c, count];
    }
    if (best < 0) break;
    chosen.push(DATE_CANDIDATES[best]);
    for (const i of [...uncovered]) if (hits[i].includes(best)) uncovered.delete(i);
  }
  return { formats: chosen, covered: hits.length - uncovered.size };
}

/**
 * The strptime formats (or Excel serial plan) that parse a column, judged from a sample.
 * Every format that parses some value is returned (so mixed with/without seconds parses
 * completely), most specific first, two-digit years before four-digit ones. See DatePlan
 * for offsets and Excel serials.
 */
export function detectDateFormat(values: readonly string[]): DatePlan {
  const sample = values.map((v) => (typeof v === 'string' ? v.trim() : '')).filter((v) => v !== '');
  if (sample.length === 0) return { kind: 'unknown', share: 0 };

  const hits = sample.map(matchingCandidates);
  let best: { family: Family; formats: DateCandidate[]; covered: number } | null = null;
  for (const family of ['local', 'utc', 'time'] as const) {
    const cover = coverFamily(family, hits);
    if (!best || cover.covered > best.covered) best = { family, ...cover };
  }

  let excel = 0;
  let comma = 0;
  for (const v of sample) {
    const m = EXCEL_SERIAL.exec(v);
    if (!m) continue;
    const serial = Number(v.replace(',', '.'));
    if (serial >= 20_000 && serial <= 80_000) {
      excel++;
      if (m[1] === ',') comma++;
    }
  }

  const strptimeShare = best ? best.covered / sample.length : 0;
  const excelShare = excel / sample.length;
  if (excelShare > strptimeShare && excelShare >= MIN_SHARE) {
    return { kind: 'excel-serial', decimal: comma > 0 ? ',' : '.', share: excelShare };
  }
  if (!best || strptimeShare < MIN_SHARE) {
    return { kind: 'unknown', share: Math.max(strptimeShare, excelShare) };
  }
  const ordered = [...best.formats].sort(
    (a, b) => Number(b.format.includes('%y')) - Number(a.format.includes('%y')) || b.rank - a.rank,
  );
  const plan: DatePlan = {
    kind: 'strptime',
    formats: ordered.map((c) => c.format),
    share: strptimeShare,
  };
  if (best.family === 'utc') plan.utc = true;
  return plan;
}

const DAY_MS = 86_400_000;

/**
 * Excel serial date → local wall-clock epoch ms (Date.UTC convention, local-time.ts),
 * rounded to the second (Excel writes times as binary fractions: 14:05 is 0.586805…).
 * Excel's 1900 system counts 1900 as a leap year: serial 60 is the non-existent
 * 29-02-1900 (NaN), 61 is 1900-03-01, 25569 is 1970-01-01; serials below 1 are NaN.
 */
export function excelSerialToLocalMs(serial: number): number {
  if (!Number.isFinite(serial) || serial < 1 || (serial >= 60 && serial < 61)) return NaN;
  const days = serial < 60 ? serial - 25_568 : serial - 25_569;
  return Math.round((days * DAY_MS) / 1000) * 1000;
}

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
