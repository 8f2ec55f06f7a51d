/**
 * The engine's cheap first test of the personal-data scan (personal-data-scan.ts): per
 * value, whether any recogniser of `detectContentKind` could count it at all.
 */
const D = '[0-9]';
const L = '[A-Za-z]';
/** Dutch plate sidecodes 1-14 (personal-data-values.ts), as a superset without the letter rules. */
const PLATE_SHAPES = [
  'LL-DD-DD', 'DD-DD-LL', 'DD-LL-DD', 'LL-DD-LL', 'LL-LL-DD', 'DD-LL-LL', 'DD-LLL-D',
  'D-LLL-DD', 'LL-DDD-L', 'L-DDD-LL', 'LLL-DD-L', 'L-DD-LLL', 'D-LL-DDD', 'DDD-LL-D',
]; // prettier-ignore
const PLATE = PLATE_SHAPES.map((shape) =>
  shape
    .split('-')
    .map((group) => `${group[0] === 'L' ? L : D}{${group.length}}`)
    .join('[- ]?'),
).join('|');
/** Regular expressions per shape, each tried only on values of its first character and length. */
const SHAPES = {
  iban: `${L}{2}${D}{2}[A-Za-z0-9 ]+\\s*`,
  bsn: `(?:${D}{8,9}|${D}{3,4}[ .-]${D}{2,3}[ .-]${D}{3})\\s*`,
  phone: `[+(0][0-9 ()/.-]+\\s*`,
  plate: `(?:${PLATE})\\s*`,
  date: `${D}{1,4}[-/.]${D}{1,2}[-/.]${D}{1,4}(?:[ T]00:00(?::00)?)?\\s*`,
};
/** A note (couldCount): a later word with a capital, or three space-separated words. */
const NOTE_SHAPE = ' [A-ZÀ-Ý]| [^ ]+ +[^ ]';
const digitFirst = (v: string) => `(${v} >= '0' AND ${v} < ':')`;
const upperFirst = (v: string) => `((${v} >= 'A' AND ${v} < '[') OR (${v} >= 'À' AND ${v} < 'Þ'))`;
const letterFirst = (v: string) => `(${upperFirst(v)} OR (${v} >= 'a' AND ${v} < '{'))`;
const matches = (v: string, shape: keyof typeof SHAPES) =>
  `regexp_full_match(${v}, '${SHAPES[shape]}')`;

/**
 * SQL: true for every value `detectContentKind` could count towards some kind (the e-mail,
 * IBAN, BSN, phone, plate, date, name and free-text recognisers), false for most others.
 * Each shape's regular expression runs only on values whose first character and length
 * allow it, so a timestamp or a coordinate costs a few comparisons. A value with a leading
 * blank (trimmed by the recognisers) is always a candidate. `v` is a staged text column.
 */
export function candidateSql(v: string): string {
  const len = `length(${v})`;
  return `(contains(${v}, '@') OR ${len} >= 30 OR contains(${v}, ',') OR ${v} < '!'
    OR (${upperFirst(v)} AND (contains(${v}, ' ') OR contains(${v}, '.')))
    OR (contains(${v}, ' ') AND regexp_matches(${v}, '${NOTE_SHAPE}'))
    OR (${len} BETWEEN 6 AND 10 AND ${matches(v, 'plate')})
    OR (${letterFirst(v)} AND ${len} >= 15 AND ${matches(v, 'iban')})
    OR (${digitFirst(v)} AND ${len} BETWEEN 8 AND 14 AND ${matches(v, 'bsn')})
    OR (${digitFirst(v)} AND ${len} BETWEEN 5 AND 26 AND (NOT contains(${v}, ':') OR contains(${v}, '00:00'))
        AND ${matches(v, 'date')})
    OR ((${digitFirst(v)} OR ${v} < '0') AND ${len} BETWEEN 10 AND 29 AND ${matches(v, 'phone')}))`;
}

/**
 * Record ids such as `I0000001` or `MLD-123456`: one to three letters, five to eleven
 * digits. `candidateSql` is false for every such value (no blank, `@`, `,` or `.`, shorter
 * than free text and an IBAN, too many characters for a plate, not starting with a digit).
 */
export const CODE_SHAPE = '[A-Za-z]{1,3}[-_]?[0-9]{5,11}';
const CODE = new RegExp(`^${CODE_SHAPE}$`);
/** Share of a sample's values that makes a column one of codes. */
const CODE_SHARE = 0.9;

/**
 * A GLOB pattern for a sample of codes that all share their letters, separator and number
 * of digits (`I0000001`, `MLD-123456`): a subset of CODE_SHAPE that the engine tests at
 * about half the cost of the regular expression. Null when the sample's codes differ.
 */
function sharedCodeGlob(sample: readonly string[]): string | null {
  const shapes = new Set(
    sample.map((value) => {
      const match = /^([A-Za-z]{1,3}[-_]?)([0-9]{5,11})$/.exec(value);
      return match ? `${match[1]}${'[0-9]'.repeat(match[2].length)}` : '';
    }),
  );
  const [only] = shapes;
  return shapes.size === 1 && only ? only : null;
}

/**
 * `candidateSql` for a column with this sample: for a column of codes (an id column) the
 * codes are set aside first — by the sample's shared GLOB pattern, then by CODE_SHAPE for
 * the rest — a third of the cost of the tests that would each find them no candidate.
 */
export function columnCandidateSql(v: string, sample: readonly string[] = []): string {
  const codes = sample.filter((value) => CODE.test(value)).length;
  if (sample.length === 0 || codes < CODE_SHARE * sample.length) return candidateSql(v);
  const glob = sharedCodeGlob(sample);
  const code = `regexp_full_match(${v}, '${CODE_SHAPE}')`;
  const setAside = glob ? `(${v} GLOB '${glob}' OR ${code})` : code;
  // A CASE keeps this order: as a conjunction the engine ran the cheap tests of
  // candidateSql on every row first (1M codes: 95 against 145 ms of CPU).
  return `(CASE WHEN ${setAside} THEN FALSE ELSE ${candidateSql(v)} END)`;
}
