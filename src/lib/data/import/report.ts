/**
 * The import report: what an analyst reads, and what `npm run import:check` prints as JSON
 * (the download of every rejected row is rejected-rows.ts).
 */
import type { Connector } from '../connector';
import type { RecordKind } from './column-mapping';
import type { SourceFormat } from './formats';
import { generatedIds } from './convert';
import { constantPrecision } from './convert-time-sql';
import { countColumnHeader, countRecords, recordsMeasureSql } from './count-column';
import { acceptedCondition, duplicateReason } from './finalize';
import type { DuplicatePolicy, IdPolicy, ImportPlan } from './plan';
import type { Delimiter, TextEncodingName } from './sniff-text';
import { TIME_PRECISIONS, type TimePrecision } from './sniff-dates';
import type { StagedSource } from './stage';

export interface ImportReport {
  file: string;
  kind: RecordKind;
  format: SourceFormat;
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  crs: { crs: string; swapped: boolean; message: string } | null;
  dataset: string;
  rows: { total: number; accepted: number; rejected: number };
  /**
   * Records stored (checked only: that would be). Equal to the accepted rows, unless a
   * count column is mapped: then each accepted row stands for its count of records.
   */
  records: number;
  /** The header of the mapped count column (count-column.ts), else null. */
  countColumn: string | null;
  reasons: { reason: string; count: number }[];
  refusedColumns: { column: string; kind: string; reason: string }[];
  /** Columns of the file that no field uses: not stored. */
  ignoredColumns: string[];
  /** Accepted rows within the margin but in no buurt. */
  unassigned: number;
  /** Categories that no row of the theme mapping covers (stored with theme 'overig'). */
  unmappedCategories: { category: string; count: number }[];
  duplicates: { inFile: number; existing: number; policy: DuplicatePolicy };
  /** 'generated': the id column was not unique; every row got an id of its own. */
  ids: IdPolicy;
  /** Readings in the spring DST gap moved one hour forward. */
  dstShifted: number;
  /** Accepted rows whose X and Y were swapped (against the rest of the file): corrected. */
  coordinatesSwapped: number;
  /**
   * Accepted records by how precisely their time is known (null for buildings): only
   * `exact` ones count in hour, weekday and dagdeel results.
   */
  timePrecision: Record<TimePrecision, number> | null;
  committed: boolean;
}

export const EXISTING_REASON: Record<DuplicatePolicy, string> = {
  skip: 'Registratienummer bestaat al (overgeslagen)',
  replace: '',
};

export async function buildReport(
  conn: Connector,
  file: string,
  staged: StagedSource,
  plan: ImportPlan,
  dataset: string,
  committed: boolean,
  unassigned: number,
): Promise<ImportReport> {
  const accepted = acceptedCondition(plan.duplicates);
  const measure = recordsMeasureSql(plan);
  const counts = await decisionCounts(conn, plan);
  const reasonRows = counts.reasons;
  const structure = new Map<string, number>();
  for (const r of staged.structureRejects)
    structure.set(r.reason, (structure.get(r.reason) ?? 0) + 1);
  const reasons = [
    ...reasonRows,
    ...[...structure].map(([reason, count]) => ({ reason, count })),
  ].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const stats = {
    accepted: counts.accepted,
    in_file: counts.inFile,
    existing: counts.existing,
    gap: 0,
    swapped: 0,
  };
  // The decision views are read only for the rare rows they concern: readings moved out
  // of the DST gap, and categories without a theme.
  const [{ gapRows }] = await conn.query<{ gapRows: number }>({
    sql: 'SELECT count(*) AS "gapRows" FROM import_conv_values WHERE reason IS NULL AND gap_shifted > 0',
  });
  if (gapRows > 0) {
    const [{ gap }] = await conn.query<{ gap: number }>({
      sql: `SELECT coalesce(sum(gap_shifted), 0) AS gap FROM import_decided
            WHERE ${accepted} AND gap_shifted > 0`,
    });
    stats.gap = gap;
  }
  const unmapped =
    plan.kind !== 'buildings' && (await hasUnthemedCategory(conn))
      ? await conn.query<{ category: string; count: number }>({
          sql: `SELECT theme_label AS category, ${measure} AS count FROM import_final
              WHERE ${accepted} AND theme_resolved IS NULL AND theme_label IS NOT NULL
              GROUP BY ALL ORDER BY count DESC, category`,
        })
      : [];
  if (plan.coordinates) stats.swapped = await countSwapped(conn, accepted);
  const used = new Set(Object.values(plan.columns));
  const refused = new Set(plan.refused.map((r) => r.index));
  const total = staged.rowCount + staged.structureRejects.length;
  const records = await countRecords(conn, plan, accepted, stats.accepted);
  return {
    file,
    kind: plan.kind,
    format: staged.format,
    encoding: staged.encoding,
    delimiter: staged.delimiter,
    crs: plan.coordinates
      ? {
          crs: plan.coordinates.crs,
          swapped: plan.coordinates.swapped,
          message: plan.coordinates.message,
        }
      : null,
    dataset,
    rows: { total, accepted: stats.accepted, rejected: total - stats.accepted },
    records,
    countColumn: countColumnHeader(plan, staged.headers),
    reasons,
    refusedColumns: plan.refused.map((r) => ({ column: r.column, kind: r.kind, reason: r.reason })),
    ignoredColumns: staged.headers.filter((_, i) => !used.has(i) && !refused.has(i)),
    unassigned,
    unmappedCategories: unmapped,
    duplicates: { inFile: stats.in_file, existing: stats.existing, policy: plan.duplicates },
    ids: plan.ids ?? 'unique',
    dstShifted: stats.gap,
    coordinatesSwapped: stats.swapped,
    timePrecision:
      plan.kind === 'buildings'
        ? null
        : await precisionCounts(conn, accepted, records, constantPrecision(plan), measure),
    committed,
  };
}

/** Accepted rows read with X and Y swapped; the decision view only when some row was. */
async function countSwapped(conn: Connector, accepted: string): Promise<number> {
  const [{ located }] = await conn.query<{ located: number }>({
    sql: 'SELECT count(*) AS located FROM import_located_points WHERE swapped = 1',
  });
  if (located === 0) return 0;
  const [{ n }] = await conn.query<{ n: number }>({
    sql: `SELECT count(*) AS n FROM import_decided WHERE ${accepted} AND coord_swapped = 1`,
  });
  return n;
}

/**
 * Accepted records per time precision. Usually a file has one precision (`constant`, from
 * the plan, or found in the converted rows): then the count of records says it all,
 * and the decision view is read only for a mixed file.
 */
async function precisionCounts(
  conn: Connector,
  accepted: string,
  total: number,
  constant: TimePrecision | null,
  /** How a group of rows counts in records (count-column.ts). */
  measure: string,
): Promise<Record<TimePrecision, number>> {
  const counts = Object.fromEntries(TIME_PRECISIONS.map((p) => [p, 0])) as Record<
    TimePrecision,
    number
  >;
  if (constant) {
    counts[constant] = total;
    return counts;
  }
  const present = await conn.query<{ p: TimePrecision }>({
    sql: 'SELECT DISTINCT time_precision AS p FROM import_conv_values WHERE reason IS NULL',
  });
  if (present.length <= 1) {
    counts[present[0]?.p ?? 'exact'] = total;
    return counts;
  }
  const rows = await conn.query<{ p: TimePrecision; n: number }>({
    sql: `SELECT time_precision AS p, ${measure} AS n FROM import_decided WHERE ${accepted} GROUP BY 1`,
  });
  for (const row of rows) counts[row.p] = row.n;
  return counts;
}

interface DecisionCounts {
  /** Rejected rows per reason (the rows of the file DuckDB could read). */
  reasons: { reason: string; count: number }[];
  accepted: number;
  /** Later rows with an id seen before in the file. */
  inFile: number;
  /** Accepted rows whose id is stored already. */
  existing: number;
}

/**
 * The counts of the decisions, from the narrow work tables instead of a pass over the
 * decision views: the conversion's reasons, the points outside the municipality, and the
 * repeated and stored ids (the first row of an id stays, every later one is a duplicate).
 */
async function decisionCounts(conn: Connector, plan: ImportPlan): Promise<DecisionCounts> {
  const converted = await conn.query<{ reason: string | null; count: number }>({
    sql: 'SELECT reason, count(*) AS count FROM import_conv_values GROUP BY reason',
  });
  const [{ outside }] = plan.coordinates
    ? await conn.query<{ outside: number }>({
        sql: 'SELECT count(*) AS outside FROM import_located_points WHERE outside = 1',
      })
    : [{ outside: 0 }];
  const [ids] = await conn.query<{ in_file: number; existing: number }>({
    sql: `SELECT coalesce(sum(n - 1), 0) AS in_file, count(*) FILTER (WHERE exists_already) AS existing
          FROM import_repeated`,
  });
  const reasons = converted
    .filter((r) => r.reason !== null)
    .map((r) => ({ reason: r.reason!, count: r.count }));
  if (outside > 0) reasons.push({ reason: 'Locatie buiten de gemeente', count: outside });
  if (ids.in_file > 0)
    reasons.push({ reason: duplicateReason(generatedIds(plan)), count: ids.in_file });
  const skipped = plan.duplicates === 'skip' ? ids.existing : 0;
  if (skipped > 0) reasons.push({ reason: EXISTING_REASON.skip, count: skipped });
  const candidates = converted.find((r) => r.reason === null)?.count ?? 0;
  return {
    reasons,
    accepted: candidates - outside - ids.in_file - skipped,
    inFile: ids.in_file,
    existing: ids.existing,
  };
}

/**
 * True when some row may be left without a theme: its category (or the empty one) has no
 * theme in the mapping table and the row brings no valid theme of its own.
 */
async function hasUnthemedCategory(conn: Connector): Promise<boolean> {
  const [{ n }] = await conn.query<{ n: number }>({
    sql: 'SELECT count(*) AS n FROM import_theme WHERE theme_resolved IS NULL',
  });
  return n > 0;
}
