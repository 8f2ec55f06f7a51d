/**
 * The import report (what an analyst reads, and what `npm run import:check` prints as
 * JSON) and the download of every rejected row with its reason.
 */
import type { Connector } from '../connector';
import type { RecordKind } from './column-mapping';
import type { SourceFormat } from './formats';
import { acceptedCondition } from './finalize';
import type { DuplicatePolicy, ImportPlan } from './plan';
import type { Delimiter, TextEncodingName } from './sniff-text';
import { stagedColumn, type StagedSource } from './stage';

export interface ImportReport {
  file: string;
  kind: RecordKind;
  format: SourceFormat;
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  crs: { crs: string; swapped: boolean; message: string } | null;
  dataset: string;
  rows: { total: number; accepted: number; rejected: number };
  reasons: { reason: string; count: number }[];
  refusedColumns: { column: string; kind: string; reason: string }[];
  /** Columns of the file that no field uses: not stored. */
  ignoredColumns: string[];
  /** Accepted rows within the margin but in no buurt. */
  unassigned: number;
  /** Categories that no row of the theme mapping covers (stored with theme 'overig'). */
  unmappedCategories: { category: string; count: number }[];
  duplicates: { inFile: number; existing: number; policy: DuplicatePolicy };
  /** Readings in the spring DST gap moved one hour forward. */
  dstShifted: number;
  committed: boolean;
}

export const EXISTING_REASON: Record<DuplicatePolicy, string> = {
  skip: 'Registratienummer bestaat al (overgeslagen)',
  replace: '',
};

/** Record number in the file for a staged row, given the records the reader rejected. */
export function fileRecordNumber(rn: number, structureRecords: readonly number[]): number {
  let record = rn;
  for (const rejected of structureRecords) {
    if (rejected <= record) record++;
    else break;
  }
  return record;
}

const CATEGORY_SQL: Partial<Record<RecordKind, string>> = {
  incidents: 'category',
  meldingen: "concat_ws(' / ', main_category, sub_category)",
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
  const reasonRows = await conn.query<{ reason: string; count: number }>({
    sql: `SELECT coalesce(reason_final, ?) AS reason, count(*) AS count FROM import_decided
          WHERE NOT (${accepted}) GROUP BY ALL ORDER BY count DESC, reason`,
    params: [EXISTING_REASON.skip],
  });
  const structure = new Map<string, number>();
  for (const r of staged.structureRejects)
    structure.set(r.reason, (structure.get(r.reason) ?? 0) + 1);
  const reasons = [
    ...reasonRows,
    ...[...structure].map(([reason, count]) => ({ reason, count })),
  ].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const [stats] = await conn.query<{
    accepted: number;
    in_file: number;
    existing: number;
    gap: number;
  }>({
    sql: `SELECT count(*) FILTER (WHERE ${accepted}) AS accepted,
            count(*) FILTER (WHERE reason_final = 'Dubbel registratienummer in dit bestand') AS in_file,
            count(*) FILTER (WHERE reason_final IS NULL AND exists_already) AS existing,
            coalesce(sum(gap_shifted) FILTER (WHERE ${accepted}), 0) AS gap
          FROM import_decided`,
  });
  const categorySql = CATEGORY_SQL[plan.kind];
  // The wide view is read only when some accepted row has no theme from the mapping.
  const [{ themeless }] = await conn.query<{ themeless: number }>({
    sql: `SELECT count(*) AS themeless FROM import_decided WHERE ${accepted} AND theme_resolved IS NULL`,
  });
  const unmapped =
    categorySql && themeless > 0
      ? await conn.query<{ category: string; count: number }>({
          sql: `SELECT ${categorySql} AS category, count(*) AS count FROM import_final
              WHERE ${accepted} AND theme_resolved IS NULL AND ${categorySql} <> ''
              GROUP BY ALL ORDER BY count DESC, category`,
        })
      : [];
  const used = new Set(Object.values(plan.columns));
  const refused = new Set(plan.refused.map((r) => r.index));
  const total = staged.rowCount + staged.structureRejects.length;
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
    reasons,
    refusedColumns: plan.refused.map((r) => ({ column: r.column, kind: r.kind, reason: r.reason })),
    ignoredColumns: staged.headers.filter((_, i) => !used.has(i) && !refused.has(i)),
    unassigned,
    unmappedCategories: unmapped,
    duplicates: { inFile: stats.in_file, existing: stats.existing, policy: plan.duplicates },
    dstShifted: stats.gap,
    committed,
  };
}

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Every rejected row with its reason, as CSV ('rij' = the n-th data row of the file) (semicolon, UTF-8 with BOM so Excel opens it
 * correctly). Columns refused as personal data are left out; a raw line that could not be
 * split is only shown when no column was refused.
 */
export async function rejectedRowsCsv(
  conn: Connector,
  staged: StagedSource,
  plan: ImportPlan,
): Promise<string> {
  const refused = new Set(plan.refused.map((r) => r.index));
  const kept = staged.headers
    .map((header, i) => ({ header, i }))
    .filter(({ i }) => !refused.has(i));
  const rows = await conn.query<Record<string, unknown>>({
    sql: `SELECT f.rn, coalesce(f.reason_final, ?) AS reason, f.detail${kept.map(({ i }) => `, r.${stagedColumn(i)}`).join('')}
          FROM import_final f JOIN import_raw r USING (rn)
          WHERE NOT (${acceptedCondition(plan.duplicates)}) ORDER BY f.rn`,
    params: [EXISTING_REASON.skip],
  });
  const structureRecords = staged.structureRejects.map((r) => r.record ?? 0).sort((a, b) => a - b);
  const header = [
    'rij',
    'reden',
    'waarde',
    ...kept.map(({ header }) => header),
    'oorspronkelijke regel',
  ];
  const lines = [header.map(csvField).join(';')];
  const entries: [number, string][] = rows.map((row) => [
    fileRecordNumber(row.rn as number, structureRecords),
    [
      fileRecordNumber(row.rn as number, structureRecords),
      row.reason,
      row.detail,
      ...kept.map(({ i }) => row[stagedColumn(i)]),
      '',
    ]
      .map(csvField)
      .join(';'),
  ]);
  for (const reject of staged.structureRejects) {
    const raw =
      refused.size === 0 ? reject.raw.trim() : '(niet getoond: de regel bevat persoonsgegevens)';
    entries.push([
      reject.record ?? 0,
      [reject.record, reject.reason, '', ...kept.map(() => ''), raw].map(csvField).join(';'),
    ]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  return '\ufeff' + [...lines, ...entries.map(([, line]) => line)].join('\r\n') + '\r\n';
}
