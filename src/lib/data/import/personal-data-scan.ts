/**
 * The personal-data content check over every row, not just the first 1,000 (issue 27, item
 * 2): a file clean for a thousand rows and full of BSNs after that is refused like one that
 * starts with them.
 *
 * The rule is the sample's rule (`detectContentKind`), applied to every window of 1,000
 * rows, windows overlapping by half (rows 1–1,000, 501–1,500, …) so that a block of
 * personal data is never split into two halves that each stay under a threshold.
 *
 * Speed: the engine counts per 500 rows how many values could be personal data at all — a
 * cheap superset test per value (an `@`, a long text, a capital and a space, the shape of a
 * short note, a digit shape of a BSN, phone number, date, plate or IBAN). No recogniser reaches its threshold in a
 * window where fewer than 30% of the values are candidates (the lowest threshold), so only
 * windows over that share are read into JavaScript — as distinct values with their counts
 * — and judged with the sample's own rule. A clean million rows cost one scan.
 */
import type { Connector } from '../connector';
import type { StepProgress } from '../progress';
import { couldCount, detectContentKind } from './personal-data-content';
import { describeContentFinding, type PersonalDataFinding } from './personal-data';
import { SAMPLE_ROWS, type ColumnSample, type ImportPlan } from './plan';

/** Rows per window: the sample's size, so a window is judged as a sample would be. */
export const SCAN_WINDOW_ROWS = SAMPLE_ROWS;
const HALF = SCAN_WINDOW_ROWS / 2;
/** The lowest share threshold of any kind (e-mail, IBAN); see CONTENT_THRESHOLDS. */
const MIN_CANDIDATE_SHARE = 0.3;

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

interface WindowCounts {
  /** Non-empty values per half-window (only counted for a column with candidates). */
  n: Map<number, number>;
  /** Candidate values per half-window; absent where none. */
  candidates: Map<number, number>;
}

/** Half-windows whose window (with the next half) has enough candidates to be judged. */
function suspiciousWindows({ n, candidates }: WindowCounts, judgedRows: number): number[] {
  const found = new Set<number>();
  const lastHalf = Math.max(-1, ...n.keys());
  const firstHalf = Math.max(0, Math.floor(judgedRows / HALF) - 1);
  for (const at of candidates.keys()) {
    for (const h of [at - 1, at]) {
      if (h < firstHalf || h > lastHalf) continue;
      // Only windows with rows beyond those judged (a short file's last half is in the sample).
      if (h + 1 > lastHalf && h * HALF < judgedRows) continue;
      const total = (n.get(h) ?? 0) + (n.get(h + 1) ?? 0);
      const cand = (candidates.get(h) ?? 0) + (candidates.get(h + 1) ?? 0);
      if (total > 0 && cand >= MIN_CANDIDATE_SHARE * total) found.add(h);
    }
  }
  return [...found].sort((a, b) => a - b);
}

export interface ScanOptions {
  referenceDate?: Date;
  /** Rows already judged (the sample): windows lying wholly within them are skipped. */
  judgedRows?: number;
  /** Columns done of all, reported per column (and a cancel checkpoint). */
  progress?: Pick<StepProgress, 'advance'>;
}

/**
 * The content findings of the columns `indexes` of `source` (a relation with `rn` and the
 * staged text columns c0 … cN) over all rows, or none. One finding per column at most: the
 * first window that holds personal data, with its rows in the reason.
 */
export async function scanPersonalData(
  conn: Connector,
  source: string,
  columns: readonly ScanColumn[],
  options: ScanOptions = {},
): Promise<(PersonalDataFinding & { index: number })[]> {
  if (columns.length === 0) return [];
  const referenceDay = dayNumber(options.referenceDate ?? new Date());
  const counts = await countCandidates(conn, source, columns);
  const findings: (PersonalDataFinding & { index: number })[] = [];
  for (const [c, { index, header }] of columns.entries()) {
    options.progress?.advance(c, columns.length);
    const halves = suspiciousWindows(counts[c], options.judgedRows ?? 0);
    if (halves.length === 0) continue;
    const values = await readHalves(conn, source, index, halves);
    for (const h of halves) {
      const window = [...(values.get(h) ?? []), ...(values.get(h + 1) ?? [])];
      const evidence = detectContentKind(window, referenceDay, {
        header,
        placeNames: columns[c].placeNames,
      });
      if (evidence === null) continue;
      const rows = { from: h * HALF + 1, to: (h + 2) * HALF };
      findings.push({ ...describeContentFinding(header, evidence, rows), index });
      break;
    }
  }
  return findings;
}

const dayNumber = (date: Date) =>
  Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000;

/** A sample with at most this share of distinct values suggests a column of categories. */
const CATEGORY_DISTINCT_SHARE = 0.2;
/** Categories: at most this many distinct values are read and tested in JavaScript. */
const FEW_DISTINCT = 20_000;

export interface ScanColumn {
  index: number;
  header: string;
  /** The column's sample, to choose how to test it. */
  sample?: readonly string[];
  /** Names of places: exempt from the free-text rules (see personal-data-content.ts). */
  placeNames?: boolean;
}

/**
 * Per half-window, the candidates of each column, and for the columns that have any, the
 * non-empty values (a clean column costs one pass). A column of categories (few distinct
 * values in its sample) has its distinct values read and tested once, and the rows holding
 * a candidate counted. Other columns (ids) test every row in a WHERE clause, where the
 * engine tries the tests of `candidateSql` in turn on the rows still undecided (as an
 * aggregate filter it would run every test on every row, and on a DISTINCT subquery it
 * would push the filter below the DISTINCT, testing every row anyway).
 */
async function countCandidates(
  conn: Connector,
  source: string,
  columns: readonly ScanColumn[],
): Promise<WindowCounts[]> {
  const half = `(rn - 1) // ${HALF}`;
  const counts: WindowCounts[] = [];
  for (const column of columns) {
    const v = `c${column.index}`;
    const listed = looksCategorical(column.sample) ? await candidateValues(conn, source, v) : null;
    const found =
      listed !== null && listed.length === 0
        ? []
        : await conn.query<{ half: number; k: number }>({
            sql: `SELECT ${half} AS half, count(*) AS k FROM ${source}
                  WHERE ${listed === null ? candidateSql(v) : `${v} IN (SELECT unnest(?::VARCHAR[]))`}
                  GROUP BY half`,
            params: listed === null ? [] : [JSON.stringify(listed)],
          });
    const candidates = new Map(found.map(({ half: h, k }) => [h, k]));
    counts.push({ n: new Map(), candidates });
  }
  const suspect = columns.flatMap((column, c) => (counts[c].candidates.size > 0 ? [c] : []));
  if (suspect.length > 0) {
    const filled = suspect.map((c) => `count(*) FILTER (c${columns[c].index} <> '') AS n${c}`);
    const rows = await conn.query<Record<string, number>>({
      sql: `SELECT ${half} AS half, ${filled.join(', ')} FROM ${source} GROUP BY half`,
    });
    for (const c of suspect) counts[c].n = new Map(rows.map((row) => [row.half, row[`n${c}`]]));
  }
  return counts;
}

function looksCategorical(sample: readonly string[] | undefined): boolean {
  if (!sample || sample.length === 0) return false;
  return new Set(sample).size <= CATEGORY_DISTINCT_SHARE * sample.length;
}

/**
 * The column's distinct values that could count as personal data (`couldCount`), or null
 * when the column has too many distinct values to list (then every row is tested in SQL).
 */
async function candidateValues(
  conn: Connector,
  source: string,
  v: string,
): Promise<string[] | null> {
  const distinct = await conn.query<{ v: string }>({
    sql: `SELECT ${v} AS v FROM ${source} WHERE ${v} <> '' GROUP BY ${v} LIMIT ${FEW_DISTINCT + 1}`,
  });
  if (distinct.length > FEW_DISTINCT) return null;
  return distinct.map((d) => d.v).filter(couldCount);
}

/** The non-empty values of one column in the given half-windows and the next, in counts. */
async function readHalves(
  conn: Connector,
  source: string,
  index: number,
  halves: readonly number[],
): Promise<Map<number, string[]>> {
  const wanted = [...new Set(halves.flatMap((h) => [h, h + 1]))];
  const rows = await conn.query<{ half: number; v: string; n: number }>({
    sql: `SELECT half, v, count(*) AS n FROM (
            SELECT (rn - 1) // ${HALF} AS half, c${index} AS v FROM ${source}
          ) WHERE half IN (${wanted.join(', ')}) AND v <> '' GROUP BY half, v`,
  });
  const values = new Map<number, string[]>();
  for (const { half, v, n } of rows) {
    let list = values.get(half);
    if (!list) values.set(half, (list = []));
    for (let i = 0; i < n; i++) list.push(v);
  }
  return values;
}

/** Field types whose values are parsed (dates, numbers, coordinates): their text is never stored. */
const PARSED_FIELD_TYPES = new Set([
  'timestamp',
  'date',
  'time',
  'number',
  'coordinate-x',
  'coordinate-y',
]);
/** Typed columns that cannot hold the text of a name, number or address as stored text. */
const SAFE_TYPES = /^(DOUBLE|FLOAT|REAL|DECIMAL|BOOLEAN|TIMESTAMP|TIME)/;

/**
 * The columns whose values an import with `plan` could store as text, and that the full
 * scan has not judged yet: every column except those refused, those read as dates, numbers
 * or coordinates, and typed columns of a numeric or time type.
 */
export function columnsToScan(
  plan: ImportPlan,
  samples: readonly ColumnSample[],
  fieldType: (field: string) => string | undefined,
  only?: ReadonlySet<number>,
): ScanColumn[] {
  const refused = new Set(plan.refused.map((r) => r.index));
  const parsed = new Set(
    Object.entries(plan.columns)
      .filter(([field]) => PARSED_FIELD_TYPES.has(fieldType(field) ?? ''))
      .map(([, index]) => index),
  );
  const textMapped = new Set(
    Object.entries(plan.columns)
      .filter(([field]) => !PARSED_FIELD_TYPES.has(fieldType(field) ?? ''))
      .map(([, index]) => index),
  );
  return samples
    .map((sample, index) => ({ sample, index }))
    .filter(({ sample, index }) => {
      if (sample.scanned || refused.has(index) || (only && !only.has(index))) return false;
      if (SAFE_TYPES.test(sample.type ?? '')) return false;
      return textMapped.has(index) || !parsed.has(index);
    })
    .map(({ sample, index }) => ({ index, header: sample.header, sample: sample.values }));
}

/**
 * Scans `columns` over all rows and records the outcome on their samples (`scanned`,
 * `scanFinding`), so that `proposePlan` refuses what was found and a later scan skips them.
 */
export async function scanBeyondSample(
  conn: Connector,
  samples: ColumnSample[],
  columns: readonly ScanColumn[],
  options: ScanOptions = {},
): Promise<(PersonalDataFinding & { index: number })[]> {
  const findings = await scanPersonalData(conn, 'import_raw', columns, {
    judgedRows: SCAN_WINDOW_ROWS,
    ...options,
  });
  for (const { index } of columns) samples[index].scanned = true;
  for (const finding of findings) samples[finding.index].scanFinding = finding;
  return findings;
}
