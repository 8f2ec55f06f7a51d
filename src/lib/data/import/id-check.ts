/**
 * Whether the chosen id column really identifies registrations. Exports per location
 * carry the location's number in a column that looks like an id: every registration
 * there repeats it, and taking it as the record id dropped one accident in seven as
 * "dubbel registratienummer". One pass in SQL over all staged rows counts the repeats and
 * whether the repeated rows differ; when many do, the plan proposes generated ids
 * ("niet uniek: elke rij is een registratie"), and only exact copies stay duplicates.
 */
import type { Connector } from '../connector';
import { columnSql, sqlLiteral } from './convert-sql';
import type { IdPolicy, ImportPlan } from './plan';
import { stagedColumn, type StagedSource } from './stage';

export interface IdCheck {
  /** Rows whose id was seen in an earlier row. */
  repeatedRows: number;
  /** Of those, rows that differ from every earlier row with their id. */
  differingRows: number;
  /** Rows equal in every column to an earlier row. */
  exactCopies: number;
  /** Stable per file content: the prefix of generated ids, so a re-import meets its ids. */
  fileKey: string;
}

/** Every staged column of row `r`, hashed: equal rows, equal keys. */
export function rowKeySql(columnCount: number): string {
  const columns = Array.from({ length: columnCount }, (_, i) => `r.${stagedColumn(i)}`);
  return `hash(${columns.join(', ')})`;
}

/** The id of row `r` under a generated-id plan: the file's key and the row number. */
export function generatedIdSql(fileKey: string): string {
  return `${sqlLiteral(`${fileKey}-`)} || CAST(r.rn AS VARCHAR)`;
}

export async function checkIdColumn(
  conn: Connector,
  staged: StagedSource,
  plan: ImportPlan,
  source: string,
): Promise<IdCheck> {
  const id = plan.columns.id === undefined ? null : columnSql(plan, 'id');
  const [row] = await conn.query<Record<keyof IdCheck, number | string>>({
    sql: `WITH k AS (SELECT ${id ?? 'CAST(NULL AS VARCHAR)'} AS id, r.rn,
        ${rowKeySql(staged.headers.length)} AS row_key FROM ${source} r)
      SELECT count(id) - count(DISTINCT id) AS "repeatedRows",
        count(DISTINCT row_key) FILTER (WHERE id IS NOT NULL) - count(DISTINCT id) AS "differingRows",
        count(*) - count(DISTINCT row_key) AS "exactCopies",
        substr(md5(CAST(coalesce(bit_xor(hash(rn, row_key)), 0) AS VARCHAR)), 1, 8) AS "fileKey"
      FROM k`,
  });
  return {
    repeatedRows: Number(row.repeatedRows),
    differingRows: Number(row.differingRows),
    exactCopies: Number(row.exactCopies),
    fileKey: String(row.fileKey),
  };
}

/**
 * 'generated' when many rows repeat an id with other content: at least 3, and at least
 * 1% of the rows. A stray repeat (a registration entered twice) stays a duplicate.
 */
export function proposeIdPolicy(check: IdCheck, rows: number): IdPolicy {
  return check.differingRows >= Math.max(3, Math.ceil(rows * 0.01)) ? 'generated' : 'unique';
}
