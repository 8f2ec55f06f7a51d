/**
 * The download of every rejected row with its reason, numbered as the analyst finds the
 * row in the file, so a corrected file can be made and imported again.
 */
import { csvField } from '../../analysis/csv-export';
import type { Connector } from '../connector';
import { acceptedCondition } from './finalize';
import type { ImportPlan } from './plan';
import { EXISTING_REASON } from './report';
import { stagedColumn, type StagedSource } from './stage';

/** Record number in the file for a staged row, given the records the reader rejected. */
export function fileRecordNumber(rn: number, structureRecords: readonly number[]): number {
  let record = rn;
  for (const rejected of structureRecords) {
    if (rejected <= record) record++;
    else break;
  }
  return record;
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
  const lines = [header.map((value) => csvField(value)).join(';')];
  const entries: [number, string][] = rows.map((row) => [
    fileRecordNumber(row.rn as number, structureRecords),
    [
      fileRecordNumber(row.rn as number, structureRecords),
      row.reason,
      row.detail,
      ...kept.map(({ i }) => row[stagedColumn(i)]),
      '',
    ]
      .map((value) => csvField(value))
      .join(';'),
  ]);
  for (const reject of staged.structureRejects) {
    const raw =
      refused.size === 0 ? reject.raw.trim() : '(niet getoond: de regel bevat persoonsgegevens)';
    entries.push([
      reject.record ?? 0,
      [reject.record, reject.reason, '', ...kept.map(() => ''), raw]
        .map((value) => csvField(value))
        .join(';'),
    ]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  return '\ufeff' + [...lines, ...entries.map(([, line]) => line)].join('\r\n') + '\r\n';
}
