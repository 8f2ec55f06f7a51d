/**
 * The import pipeline, the same in the browser and in Node (`npm run import:check`):
 *
 *   prepareImport  file → staged text table, column sample, proposed plan (for the screen)
 *   previewImport  the first rows as they would be stored
 *   runImport      convert, locate, decide per row, commit atomically, report
 *
 * Nothing is dropped silently: every row is either stored or listed with its reason.
 */
import { loadBuurtLookup } from '../area-assignment';
import type { Connector, Row } from '../connector';
import { initDatabase } from '../database';
import type { Theme } from '../themes';
import { IMPORT_FIELDS, type RecordKind } from './column-mapping';
import type { SourceBytes } from './csv-bytes';
import { buildConvertSql, convertStaged, stagedRowsSource, type RecordImportKind } from './convert';
import { hasCountColumn } from './count-column';
import {
  checkIdColumn,
  computeFileKey,
  idsKnownUnique,
  proposeIdPolicy,
  type IdCheck,
} from './id-check';
import { commitImport, finalizeRows } from './finalize';
import { CATEGORY_COMBINATIONS } from './personal-data-categories';
import { columnsToScan, scanBeyondSample } from './personal-data-scan';
import { locateRecords } from './locate';
import type { StepProgress } from '../progress';
import {
  planProblems,
  proposePlan,
  sampleColumns,
  type ColumnSample,
  type DuplicatePolicy,
  type IdPolicy,
  type ImportPlan,
} from './plan';
import { buildReport, type ImportReport } from './report';
import { findUnmappedCategories, type UnmappedCategory } from './theme-lookup';
import {
  dropRelations,
  ImportError,
  STAGE_RELATIONS,
  stageSource,
  type ParquetReader,
  type StagedSource,
} from './stage';

export interface PreparedImport {
  fileName: string;
  staged: StagedSource;
  samples: ColumnSample[];
  plan: ImportPlan;
  /** Dutch messages for what must be fixed in the mapping before importing. */
  problems: string[];
  /** Categories no rule gives a theme (stored as 'overig' unless the analyst maps them). */
  unmapped: UnmappedCategory[];
  /** How the proposed id column repeats; the plan's id policy is proposed from it. */
  idCheck: IdCheck;
}

export interface PrepareOptions {
  sourceLabel?: string;
  duplicates?: DuplicatePolicy;
  /** A saved profile's id policy; absent: proposed from the id check. */
  ids?: IdPolicy;
  /** A saved profile's mapping: field → column header. */
  mapping?: Record<string, string>;
  /** A saved profile's theme per otherwise unmapped category. */
  themes?: Record<string, Theme>;
  parquet?: ParquetReader;
  /** Steps (progress-steps PREPARE_STEPS) and cancel: nothing is stored here either way. */
  progress?: StepProgress;
}

const WORK_TABLES = [
  ...STAGE_RELATIONS,
  'import_located',
  'import_conv',
  'import_conv_values',
  'import_conv_preview',
  'import_located_points',
  'import_area_lookup',
  'import_theme',
  'import_theme_sql',
  'import_theme_labels',
  'import_theme_labels_raw',
  'import_theme_keys',
  'import_theme_keys_sql',
  'import_final',
  'import_decided',
  'import_repeated',
  CATEGORY_COMBINATIONS,
];

/** Runs one stage and records its duration as a performance measure (`import.<stage>`). */
async function timed<T>(stage: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(`import.${stage}`, { start, end: performance.now() });
  }
}

const fieldType = (kind: RecordKind, field: string) =>
  IMPORT_FIELDS[kind].find((spec) => spec.field === field)?.type;

export async function clearImportTables(conn: Connector): Promise<void> {
  await dropRelations(conn, WORK_TABLES);
}

export async function prepareImport(
  conn: Connector,
  kind: RecordKind,
  fileName: string,
  bytes: SourceBytes,
  options: PrepareOptions = {},
): Promise<PreparedImport> {
  if (kind === 'areas') throw new ImportError('Gebiedsgrenzen worden apart ingelezen.');
  const { progress } = options;
  await progress?.step('read');
  await initDatabase(conn);
  await clearImportTables(conn);
  const staged = await timed('stage', () =>
    stageSource(conn, fileName, bytes, options.parquet, progress?.signal),
  );
  if (staged.rowCount === 0 && staged.structureRejects.length === 0) {
    throw new ImportError('Het bestand bevat geen rijen met gegevens.');
  }
  await progress?.step('columns');
  const samples = await timed('sample', () => sampleColumns(conn, staged));
  const propose = () =>
    proposePlan(kind, staged, samples, {
      sourceLabel: options.sourceLabel ?? fileName,
      duplicates: options.duplicates,
      mapping: options.mapping,
    });
  const first = propose();
  const columns = columnsToScan(first, samples, (field) => fieldType(kind, field));
  await progress?.step('personal_data');
  const findings = await timed('personal_data', () =>
    scanBeyondSample(conn, samples, columns, { progress }),
  );
  // Only a finding (a column refused) changes the proposal.
  const proposed = findings.length > 0 ? propose() : first;
  await progress?.step('ids');
  const idCheck = await checkIds(conn, staged, proposed);
  const rows = staged.rowCount;
  const plan: ImportPlan = {
    ...proposed,
    ids: options.ids ?? proposeIdPolicy(idCheck, rows),
    ...(options.themes ? { themes: options.themes } : {}),
  };
  const problems = planProblems(plan, staged.headers);
  await progress?.step('themes');
  const unmapped = problems.length ? [] : await listUnmappedCategories(conn, staged, plan);
  progress?.checkpoint();
  return { fileName, staged, samples, plan, problems, unmapped, idCheck };
}

/** How the plan's id column repeats over all staged rows (see id-check). */
export function checkIds(
  conn: Connector,
  staged: StagedSource,
  plan: ImportPlan,
): Promise<IdCheck> {
  const source = stagedRowsSource({ ...plan, columnTypes: staged.columnTypes });
  return timed('ids', () => checkIdColumn(conn, staged, plan, source));
}

/** File keys per staged file: computed once, when ids are first generated for it. */
const fileKeys = new WeakMap<StagedSource, Promise<string>>();

/** The plan as convert runs it: generated ids get the file's key. */
async function runnablePlan(conn: Connector, prepared: PreparedImport): Promise<ImportPlan> {
  const { plan, staged } = prepared;
  if (plan.ids !== 'generated') return plan;
  let fileKey = fileKeys.get(staged);
  if (!fileKey) {
    const source = stagedRowsSource({ ...plan, columnTypes: staged.columnTypes });
    fileKey = computeFileKey(conn, staged, source).catch((error: unknown) => {
      fileKeys.delete(staged);
      throw error;
    });
    fileKeys.set(staged, fileKey);
  }
  return { ...plan, generated: { fileKey: await fileKey, columns: staged.headers.length } };
}

/** Before the import: the file's categories that would become 'overig' under this plan. */
export function listUnmappedCategories(
  conn: Connector,
  staged: StagedSource,
  plan: ImportPlan,
): Promise<UnmappedCategory[]> {
  const source = stagedRowsSource({ ...plan, columnTypes: staged.columnTypes });
  return timed('themes', () => findUnmappedCategories(conn, plan, source));
}

/** The first rows converted with the plan (no location or duplicate checks yet). */
export async function previewImport(
  conn: Connector,
  prepared: PreparedImport,
  limit = 10,
): Promise<Row[]> {
  const staged = stagedRowsSource(prepared.plan);
  const source = `(SELECT * FROM ${staged} WHERE rn <= ${Math.max(1, Math.floor(limit))})`;
  await conn.exec(
    buildConvertSql(await runnablePlan(conn, prepared), new Date(), source, 'import_conv_preview'),
  );
  const rows = await conn.query({
    sql: 'SELECT * EXCLUDE (gap_shifted) FROM import_conv_preview ORDER BY rn',
  });
  await conn.exec('DROP TABLE import_conv_preview');
  return rows;
}

export interface RunOptions {
  /** The dataset id stored with every row (for removal later). */
  dataset: string;
  /** False: check only (the report), nothing is stored. */
  commit?: boolean;
  now?: Date;
  /** The municipality's name as set up (issue 22), for the gemeente of rows in no area. */
  municipality?: string | null;
  /**
   * Steps (progress-steps IMPORT_STEPS) and cancel: a cancel before the commit leaves the
   * stored tables as they were; the commit is the point of no return (progress.finish).
   */
  progress?: StepProgress;
}

/**
 * A column mapped on screen after the scan of `prepareImport` (which skipped columns the
 * proposal read as dates or numbers) is scanned now; personal data found stops the import
 * before anything is stored.
 */
async function refuseNewlyMappedPersonalData(
  conn: Connector,
  { plan, samples }: PreparedImport,
  progress?: StepProgress,
): Promise<void> {
  const mapped = new Set(Object.values(plan.columns));
  const columns = columnsToScan(plan, samples, (field) => fieldType(plan.kind, field), mapped);
  const findings = await scanBeyondSample(conn, samples, columns, { progress });
  if (findings.length > 0) {
    throw new ImportError(
      `${findings.map((f) => f.reason).join(' ')} Koppel deze kolom niet, of haal de persoonsgegevens uit het bestand en lees het opnieuw in.`,
    );
  }
}

export async function runImport(
  conn: Connector,
  prepared: PreparedImport,
  options: RunOptions,
): Promise<ImportReport> {
  const { staged } = prepared;
  const { progress } = options;
  await progress?.step('personal_data');
  const plan = await runnablePlan(conn, prepared);
  const problems = planProblems(plan, staged.headers);
  if (problems.length) throw new ImportError(problems.join(' '));
  await refuseNewlyMappedPersonalData(conn, prepared, progress);
  const kind = plan.kind as RecordImportKind;
  await progress?.step('convert');
  await timed('convert', () => convertStaged(conn, plan, options.now));
  await progress?.step('locate');
  const lookup = await loadBuurtLookup(conn);
  let unassigned = 0;
  const coordinates = plan.coordinates;
  if (coordinates) {
    const located = await timed('locate', () => locateRecords(conn, coordinates, lookup));
    unassigned = located.unassigned;
  }
  await progress?.step('finalize');
  const source = stagedRowsSource(plan);
  const idsUnique = idsKnownUnique(staged, plan, source);
  await timed('finalize', () => finalizeRows(conn, plan, source, idsUnique));
  const commit = options.commit ?? true;
  if (commit) {
    // The point of no return: from here the rows land and are saved, whatever is clicked.
    await progress?.finish();
    await timed('commit', () =>
      commitImport(
        conn,
        kind,
        plan.duplicates,
        options.dataset,
        hasCountColumn(plan),
        options.municipality,
      ),
    );
  }
  return timed('report', () =>
    buildReport(conn, prepared.fileName, staged, plan, options.dataset, commit, unassigned),
  );
}
