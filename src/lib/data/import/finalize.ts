/**
 * Stage 5: the final decision per row (location, theme, duplicates) in `import_final`, and
 * the commit into the canonical table — in one transaction, so an import either lands
 * whole or leaves the data that was there before intact.
 */
import type { Connector } from '../connector';
import { inTransaction } from '../database';
import { THEMES } from '../themes';
import type { RecordImportKind } from './convert';
import type { DuplicatePolicy } from './plan';

const THEME_LIST = THEMES.map((t) => `'${t}'`).join(', ');

/** Theme of a staged row `c`: an explicit known theme wins, then the category mapping. */
const THEME_SQL: Record<RecordImportKind, string> = {
  incidents: `coalesce(
    CASE WHEN lower(c.theme) IN (${THEME_LIST}) THEN lower(c.theme) END,
    (SELECT any_value(m.theme) FROM theme_mapping m
      WHERE m.sub_category = c.category OR (m.main_category = c.category AND m.sub_category = '*')))`,
  meldingen: `coalesce(
    CASE WHEN lower(c.theme) IN (${THEME_LIST}) THEN lower(c.theme) END,
    (SELECT any_value(m.theme) FROM theme_mapping m
      WHERE m.main_category = c.main_category AND m.sub_category = c.sub_category),
    (SELECT any_value(m.theme) FROM theme_mapping m
      WHERE m.main_category = c.main_category AND m.sub_category = '*'),
    (SELECT any_value(m.theme) FROM theme_mapping m
      WHERE c.main_category IS NULL AND m.sub_category = c.sub_category))`,
  visits: `CASE WHEN lower(c.theme) IN (${THEME_LIST}) THEN lower(c.theme) END`,
  buildings: 'NULL',
};

/** Creates import_final: every staged row with its final reason (NULL = accepted). */
export async function finalizeRows(
  conn: Connector,
  kind: RecordImportKind,
  hasLocated: boolean,
): Promise<void> {
  const located = hasLocated
    ? 'LEFT JOIN import_located l USING (rn)'
    : 'LEFT JOIN (SELECT NULL::INTEGER AS rn, NULL::DOUBLE AS lon, NULL::DOUBLE AS lat, NULL::VARCHAR AS buurtcode, NULL::VARCHAR AS wijkcode, 0 AS outside) l USING (rn)';
  const areaFromColumns =
    kind === 'visits'
      ? `coalesce(l.buurtcode, (SELECT any_value(code) FROM areas WHERE level = 'buurt' AND code = c.buurtcode)) AS buurtcode,
         coalesce(l.wijkcode, (SELECT any_value(parent) FROM areas WHERE level = 'buurt' AND code = c.buurtcode),
                  (SELECT any_value(code) FROM areas WHERE level = 'wijk' AND code = c.wijkcode)) AS wijkcode`
      : 'l.buurtcode AS buurtcode, l.wijkcode AS wijkcode';
  await conn.exec(`CREATE OR REPLACE TABLE import_located_rows AS
    SELECT c.* ${excludeFor(kind)}, ${THEME_SQL[kind]} AS theme_resolved,
      l.lon, l.lat, ${areaFromColumns},
      CASE WHEN c.reason IS NOT NULL THEN c.reason
           WHEN l.outside = 1 THEN 'Locatie buiten de gemeente' END AS reason_located
    FROM import_conv c ${located}`);
  await conn.exec(`CREATE OR REPLACE TABLE import_final AS
    SELECT *,
      CASE WHEN reason_located IS NOT NULL THEN reason_located
           WHEN row_number() OVER (PARTITION BY id, reason_located IS NULL ORDER BY rn) > 1
             THEN 'Dubbel registratienummer in dit bestand'
      END AS reason_final,
      id IN (SELECT id FROM ${kind}) AS exists_already
    FROM import_located_rows`);
}

/** Staged columns replaced by resolved ones (theme; for visits the area codes). */
function excludeFor(kind: RecordImportKind): string {
  if (kind === 'buildings') return '';
  return kind === 'visits' ? 'EXCLUDE (theme, buurtcode, wijkcode)' : 'EXCLUDE (theme)';
}

/** The SELECT list that turns import_final into rows of the canonical table. */
const INSERT_SELECT: Record<RecordImportKind, string> = {
  incidents: `id, occurred_from, coalesce(occurred_to, occurred_from), coalesce(theme_resolved, 'overig'),
    category, outcome, source, lon, lat, buurtcode, wijkcode`,
  meldingen: `id, reported_at, happened_from, happened_to, main_category, sub_category,
    coalesce(theme_resolved, 'overig'), status, closed_at, source, lon, lat, buurtcode, wijkcode`,
  visits: `id, started_at, ended_at, kind, theme_resolved, target, outcome, lon, lat, buurtcode, wijkcode`,
  buildings: `id, kind, CAST(vacant_since AS DATE), source, status, lon, lat, buurtcode, wijkcode`,
};

/** Rows that will be stored, given the duplicate policy. */
export function acceptedCondition(policy: DuplicatePolicy): string {
  return policy === 'skip' ? 'reason_final IS NULL AND NOT exists_already' : 'reason_final IS NULL';
}

export async function commitImport(
  conn: Connector,
  kind: RecordImportKind,
  policy: DuplicatePolicy,
  dataset: string,
): Promise<number> {
  return inTransaction(conn, async () => {
    if (policy === 'replace') {
      await conn.exec(
        `DELETE FROM ${kind} WHERE id IN (SELECT id FROM import_final WHERE reason_final IS NULL)`,
      );
    }
    await conn.query({
      sql: `INSERT INTO ${kind} SELECT ${INSERT_SELECT[kind]}, ? FROM import_final WHERE ${acceptedCondition(policy)} ORDER BY rn`,
      params: [dataset],
    });
    const [{ n }] = await conn.query<{ n: number }>({
      sql: `SELECT count(*) AS n FROM import_final WHERE ${acceptedCondition(policy)}`,
    });
    return n;
  });
}
