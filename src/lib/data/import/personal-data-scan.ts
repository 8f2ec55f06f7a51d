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
 * short note, a digit shape of a BSN, phone number, date, plate or IBAN; see
 * personal-data-candidates.ts). No recogniser reaches its threshold in a
 * window where fewer than 30% of the values are candidates (the lowest threshold), so only
 * windows over that share are read into JavaScript — as distinct values with their counts
 * — and judged with the sample's own rule. A clean million rows cost one scan.
 */
import type { Connector } from '../connector';
import type { StepProgress } from '../progress';
import { detectContentKind } from './personal-data-content';
import { candidateValues, looksCategorical } from './personal-data-categories';
import { describeContentFinding, type PersonalDataFinding } from './personal-data';
import { candidateSql, columnCandidateSql } from './personal-data-candidates';
import { SAMPLE_ROWS, type ColumnSample, type ImportPlan } from './plan';

export { candidateSql };

/** Rows per window: the sample's size, so a window is judged as a sample would be. */
export const SCAN_WINDOW_ROWS = SAMPLE_ROWS;
const HALF = SCAN_WINDOW_ROWS / 2;
/** The lowest share threshold of any kind (e-mail, IBAN); see CONTENT_THRESHOLDS. */
const MIN_CANDIDATE_SHARE = 0.3;

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
  /**
   * The same rows with their typed columns (`import_rows` of a Parquet or Arrow file), where
   * `source` is a view casting them to text: categories are grouped there and cast after
   * grouping, which costs a quarter of grouping the cast text (1M rows, 3 columns: 150
   * against 590 ms of CPU).
   */
  typedSource?: string;
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
  const counts = await countCandidates(conn, source, columns, options.typedSource);
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
  typedSource?: string,
): Promise<WindowCounts[]> {
  const half = `(rn - 1) // ${HALF}`;
  const counts: WindowCounts[] = [];
  const categories = columns.filter((column) => looksCategorical(column.sample));
  const distinct = await candidateValues(conn, typedSource ?? source, categories);
  for (const column of columns) {
    const v = `c${column.index}`;
    const listed = distinct.get(column.index) ?? null;
    const found =
      listed !== null && listed.length === 0
        ? []
        : await conn.query<{ half: number; k: number }>({
            sql: `SELECT ${half} AS half, count(*) AS k FROM ${source}
                  WHERE ${listed === null ? columnCandidateSql(v, column.sample) : `${v} IN (SELECT unnest(?::VARCHAR[]))`}
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
    // Typed formats keep their rows typed in `import_rows` (stage.ts); text formats have none.
    typedSource: samples.some((sample) => sample.type) ? 'import_rows' : undefined,
    ...options,
  });
  for (const { index } of columns) samples[index].scanned = true;
  for (const finding of findings) samples[finding.index].scanFinding = finding;
  return findings;
}
