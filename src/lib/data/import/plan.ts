/**
 * Stage 2 of an import: from a sample of the staged rows, the plan the analyst confirms —
 * which column feeds which field, how dates, numbers and coordinates are written, and which
 * columns are refused as personal data (those are never read again, not even into the
 * rejected-rows download).
 */
import type { Connector } from '../connector';
import type { Theme } from '../themes';
import {
  findMissingFields,
  IMPORT_FIELDS,
  suggestColumnMapping,
  type MappingSuggestion,
  type RecordKind,
} from './column-mapping';
import { typedKind } from './convert-sql';
import { detectPersonalData, type PersonalDataFinding } from './personal-data';
import {
  detectCoordinateSystem,
  detectDateFormat,
  detectNumberFormat,
  parseNumber,
  type CoordinatePlan,
  type DatePlan,
  type NumberPlan,
} from './sniff-values';
import { formatPrecision, isBareHourPlan } from './sniff-dates';
import { stagedColumn, type StagedSource } from './stage';

export const SAMPLE_ROWS = 1000;

export type DuplicatePolicy = 'skip' | 'replace';

/**
 * 'unique': the id column identifies a registration, a repeat is a duplicate. 'generated':
 * it does not ("niet uniek": a location number repeated by every registration there), so
 * each row is a registration and gets a generated id; only exact copies are duplicates.
 */
export type IdPolicy = 'unique' | 'generated';

export interface ImportPlan {
  kind: RecordKind;
  /** Import field → column index in the staged file. */
  columns: Record<string, number>;
  /** How each date/time field is written (by field). */
  dates: Record<string, DatePlan>;
  /** How coordinates and other numbers are written. */
  numbers: NumberPlan;
  coordinates: CoordinatePlan | null;
  /** Columns refused as personal data, with the reason shown in the report. */
  refused: (PersonalDataFinding & { index: number })[];
  duplicates: DuplicatePolicy;
  /** Absent: 'unique'. */
  ids?: IdPolicy;
  /**
   * For ids 'generated', set by the pipeline from its id check: the file's key (the ids'
   * prefix) and the number of staged columns (an exact copy equals its row in all).
   */
  generated?: { fileKey: string; columns: number };
  /** Stored as `source` when the file has no source column (e.g. the profile name). */
  sourceLabel: string;
  /** DuckDB type per staged column for typed files (Arrow, Parquet); see StagedSource. */
  columnTypes?: string[];
  /**
   * The analyst's theme per category that no rule maps (the category as listed before the
   * import, matched case and punctuation insensitive); saved with the profile.
   */
  themes?: Record<string, Theme>;
}

export interface ColumnSample {
  header: string;
  values: string[];
  /** Personal data found by the scan of all rows beyond the sample (personal-data-scan.ts). */
  scanFinding?: PersonalDataFinding;
  /** True once the scan of all rows has judged this column. */
  scanned?: boolean;
  /** The column's DuckDB type when the file is typed (Arrow, Parquet). */
  type?: string;
}

/** Up to SAMPLE_ROWS non-empty values per staged column. */
export async function sampleColumns(
  conn: Connector,
  staged: StagedSource,
): Promise<ColumnSample[]> {
  // The first rows of a scan are the first rows staged, so a LIMIT spares casting and
  // reading a million rows; should the scan ever hand back others, all rows are filtered.
  const head = `SELECT * FROM (SELECT * FROM import_raw LIMIT ${SAMPLE_ROWS})
    WHERE rn <= ${SAMPLE_ROWS} ORDER BY rn`;
  let rows = await conn.query<Record<string, string | null>>({ sql: head });
  if (rows.length < Math.min(SAMPLE_ROWS, staged.rowCount)) {
    rows = await conn.query<Record<string, string | null>>({
      sql: `SELECT * FROM import_raw WHERE rn <= ${SAMPLE_ROWS} ORDER BY rn`,
    });
  }
  return staged.headers.map((header, i) => ({
    header,
    ...(staged.columnTypes ? { type: staged.columnTypes[i] } : {}),
    values: rows
      .map((row) => row[stagedColumn(i)])
      .filter((v): v is string => v !== null && v.trim() !== '')
      .map((v) => v.trim()),
  }));
}

const DATE_TYPES = new Set(['timestamp', 'date', 'time']);
const COORDINATE_FIELDS = [
  ['lon', 'lat'],
  ['x', 'y'],
] as const;

/** Re-derives the value plans (dates, numbers, coordinates) for a given column mapping. */
export function planValues(
  kind: RecordKind,
  columns: Record<string, number>,
  samples: readonly ColumnSample[],
): Pick<ImportPlan, 'dates' | 'numbers' | 'coordinates'> {
  const dates: Record<string, DatePlan> = {};
  for (const spec of IMPORT_FIELDS[kind]) {
    if (DATE_TYPES.has(spec.type) && columns[spec.field] !== undefined) {
      const sample = samples[columns[spec.field]];
      const typed = ['timestamp', 'timestamptz', 'date'].includes(typedKind(sample.type));
      dates[spec.field] =
        typed && spec.type !== 'time'
          ? { kind: 'typed', share: 1 }
          : detectDateFormat(sample.values);
    }
  }
  const pair = COORDINATE_FIELDS.find(
    ([a, b]) => columns[a] !== undefined && columns[b] !== undefined,
  );
  if (!pair) return { dates, numbers: { decimal: '.', thousands: null }, coordinates: null };
  const xs = samples[columns[pair[0]]].values;
  const ys = samples[columns[pair[1]]].values;
  const numbers = detectNumberFormat([...xs, ...ys]);
  const n = Math.min(xs.length, ys.length);
  const px: number[] = [];
  const py: number[] = [];
  for (let i = 0; i < n; i++) {
    px.push(parseNumber(xs[i], numbers) ?? NaN);
    py.push(parseNumber(ys[i], numbers) ?? NaN);
  }
  return { dates, numbers, coordinates: detectCoordinateSystem(px, py) };
}

export function proposePlan(
  kind: RecordKind,
  staged: StagedSource,
  samples: readonly ColumnSample[],
  options: {
    sourceLabel: string;
    duplicates?: DuplicatePolicy;
    mapping?: Record<string, string>;
    ids?: IdPolicy;
  },
): ImportPlan {
  const refused = samples
    .map((sample, index) => {
      const inSample = detectPersonalData(sample.header, sample.values);
      const finding = inSample?.evidence === 'inhoud' ? inSample : (sample.scanFinding ?? inSample);
      return finding ? { ...finding, index } : null;
    })
    .filter((f): f is PersonalDataFinding & { index: number } => f !== null);
  const refusedIndexes = new Set(refused.map((r) => r.index));
  const mapping =
    options.mapping ??
    suggestionsToMapping(
      suggestColumnMapping(
        kind,
        staged.headers,
        samples.map((s, i) => (refusedIndexes.has(i) ? [] : s.values)),
      ),
    );
  const columns: Record<string, number> = {};
  for (const [field, header] of Object.entries(mapping)) {
    const index = staged.headers.indexOf(header);
    if (index >= 0 && !refusedIndexes.has(index)) columns[field] = index;
  }
  return {
    kind,
    columns,
    ...planValues(kind, columns, samples),
    refused,
    duplicates: options.duplicates ?? 'skip',
    ids: options.ids ?? 'unique',
    sourceLabel: options.sourceLabel,
    ...(staged.columnTypes ? { columnTypes: staged.columnTypes } : {}),
  };
}

export function suggestionsToMapping(
  suggestions: readonly MappingSuggestion[],
): Record<string, string> {
  return Object.fromEntries(
    suggestions.filter((s) => s.column !== null).map((s) => [s.field, s.column as string]),
  );
}

/** Dutch messages for what keeps this plan from being imported; empty when it can run. */
export function planProblems(plan: ImportPlan, headers: readonly string[]): string[] {
  const mapped = Object.entries(plan.columns).map(([field, index]) => ({
    field,
    column: headers[index],
    confidence: 'zeker' as const,
  }));
  // Generated ids need no id column.
  if (plan.ids === 'generated' && plan.columns.id === undefined)
    mapped.push({ field: 'id', column: '(gegenereerd)', confidence: 'zeker' });
  const problems = findMissingFields(plan.kind, mapped);
  for (const [field, date] of Object.entries(plan.dates)) {
    const spec = IMPORT_FIELDS[plan.kind].find((s) => s.field === field);
    const label = spec?.label ?? field;
    // Bare numbers 0–23 are hours only as a time column; as a date they are not dates.
    if (date.kind === 'unknown' || (spec?.type !== 'time' && isBareHourPlan(date))) {
      problems.push(`De datums in "${label}" zijn niet herkend; kies een andere kolom.`);
    } else if (
      spec?.type !== 'time' &&
      date.kind === 'strptime' &&
      date.formats.every((f) => formatPrecision(f) === 'time')
    ) {
      // A clock time alone would become 1 January 1900 and every row would be rejected.
      problems.push(
        `"${label}" bevat alleen tijden zonder datum (zoals 14:05); koppel die kolom als tijd en kies ook een datumkolom.`,
      );
    }
  }
  if (plan.coordinates && plan.coordinates.crs === 'unknown')
    problems.push(plan.coordinates.message);
  return problems;
}
