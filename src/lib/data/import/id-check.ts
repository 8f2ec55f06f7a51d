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
  /** Of those, rows equal in every column to an earlier row with their id. */
  exactCopies: number;
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

/** Per staged file, the id expressions (with their source) found without a repeat. */
const uniqueIds = new WeakMap<StagedSource, Set<string>>();
const idKey = (plan: ImportPlan, source: string) => `${source}\n${columnSql(plan, 'id')}`;

/**
 * True when the id check found no id of `plan` repeated among all staged rows: then no
 * subset of them repeats one either, and finalize looks up only the ids stored already.
 */
export function idsKnownUnique(staged: StagedSource, plan: ImportPlan, source: string): boolean {
  return plan.columns.id !== undefined && !!uniqueIds.get(staged)?.has(idKey(plan, source));
}

/**
 * Counts the id column's repeats over all staged rows: one distinct count of the ids, and
 * only when some repeat (rare in a registration system's export) a second pass that hashes
 * the rows to tell copies from rows that differ.
 */
export async function checkIdColumn(
  conn: Connector,
  staged: StagedSource,
  plan: ImportPlan,
  source: string,
): Promise<IdCheck> {
  const none = { repeatedRows: 0, differingRows: 0, exactCopies: 0 };
  if (plan.columns.id === undefined) return none;
  const id = columnSql(plan, 'id')!;
  // count(DISTINCT) took a quarter less than a GROUP BY with counts, and distinct hashes a
  // fifth less than distinct text (1M ids, duckdb-wasm 1.32). A repeat among the hashes may
  // be a collision (about 1 in 10^7 for a million ids): then the ids themselves are counted.
  const repeatsOf = (distinct: string) =>
    conn
      .query<{ repeated: number | null }>({
        sql: `SELECT count(id) - count(DISTINCT ${distinct}) FILTER (id IS NOT NULL) AS repeated FROM (SELECT ${id} AS id FROM ${source} r)`,
      })
      .then(([row]) => Number(row.repeated));
  let repeated = (await increasing(conn, id, source, staged.rowCount))
    ? 0
    : await repeatsOf('hash(id)');
  if (repeated) repeated = await repeatsOf('id');
  if (!repeated) {
    if (!uniqueIds.has(staged)) uniqueIds.set(staged, new Set());
    uniqueIds.get(staged)!.add(idKey(plan, source));
    return none;
  }
  const [{ differing }] = await conn.query<{ differing: number }>({
    sql: `SELECT count(DISTINCT row_key) - count(DISTINCT id) AS differing
      FROM (SELECT ${id} AS id, ${rowKeySql(staged.headers.length)} AS row_key
        FROM ${source} r) WHERE id IS NOT NULL`,
  });
  const repeatedRows = repeated;
  const differingRows = Number(differing);
  return { repeatedRows, differingRows, exactCopies: repeatedRows - differingRows };
}

/**
 * True when every row's id is greater than the previous row's: such ids cannot repeat.
 * Exports are usually sorted by registration number, and one comparison of each row with
 * the one before it costs less than counting the distinct ids (1M rows, duckdb-wasm 1.32:
 * `lag` over the scan 60 ms, a positional join of the rows with themselves shifted by one
 * 90, count(DISTINCT) 145). Only the first row has no id before it, so an order without a
 * break has exactly one row that is not greater than its predecessor. The window has no
 * ORDER BY: whatever order the engine hands the rows in, a sequence with a repeated id is
 * never strictly increasing, so a repeat is never missed. An empty id breaks the order, so
 * the ids are then counted.
 */
async function increasing(
  conn: Connector,
  id: string,
  source: string,
  rows: number,
): Promise<boolean> {
  if (rows < 2) return true;
  const [{ breaks }] = await conn.query<{ breaks: number }>({
    sql: `SELECT count(*) FILTER (NOT coalesce(id > previous, FALSE)) AS breaks
      FROM (SELECT id, lag(id) OVER () AS previous FROM (SELECT ${id} AS id FROM ${source} r))`,
  });
  return Number(breaks) === 1;
}

/**
 * The prefix of generated ids: a key of the file's content (every row and its number),
 * so that importing the same file again meets the same ids. One pass, only when ids are
 * generated.
 */
export async function computeFileKey(
  conn: Connector,
  staged: StagedSource,
  source: string,
): Promise<string> {
  const [{ key }] = await conn.query<{ key: string }>({
    sql: `SELECT substr(md5(CAST(coalesce(bit_xor(hash(r.rn, ${rowKeySql(staged.headers.length)})), 0)
      AS VARCHAR)), 1, 8) AS key FROM ${source} r`,
  });
  return key;
}

/**
 * 'generated' when many rows repeat an id with other content: at least 3, and at least
 * 1% of the rows. A stray repeat (a registration entered twice) stays a duplicate.
 */
export function proposeIdPolicy(check: IdCheck, rows: number): IdPolicy {
  return check.differingRows >= Math.max(3, Math.ceil(rows * 0.01)) ? 'generated' : 'unique';
}
