/**
 * Stage 5: the final decision per row (location, theme, duplicates) in `import_final`, and
 * the commit into the canonical table — in one transaction, so an import either lands
 * whole or leaves the data that was there before intact.
 *
 * Shaped for a million rows: themes are resolved per distinct category in a small lookup
 * table, duplicates found with a hash aggregate, only a narrow decision table is
 * materialised, and rows are matched by position rather than by a hash join.
 */
import type { Connector } from '../connector';
import { inTransaction } from '../database';
import { fillGemeente, gemeenteOfNewRows } from '../gemeente';
import { generatedIds, type RecordImportKind } from './convert';
import { copiesOfSql, expandedRowsSql, hasCountColumn } from './count-column';
import { lonLatSql } from './locate';
import type { DuplicatePolicy, ImportPlan } from './plan';
import { buildThemeLookup, THEME_KEYS } from './theme-lookup';

/** The theme key columns per kind, as `import_theme` and `import_conv` name them. */
const themeKeyColumns = (kind: RecordImportKind) =>
  (THEME_KEYS[kind] ?? []).map((field) => `key_${field}`);

/**
 * How each staged row finds its theme:
 * - `as-written`: every key combination resolves to its own theme column's value (a file
 *   that names the app's themes, such as a publication or the demo format), so the theme
 *   is that value and no row is joined (1M rows: about a tenth of the commit);
 * - `hashed`: the key combinations have distinct hashes (checked on the small lookup
 *   table), so the million rows probe one integer per row instead of comparing two or
 *   three texts (1M rows: about 60 ms of CPU less);
 * - `keys`: a join on the key texts.
 */
type ThemeJoin = 'as-written' | 'hashed' | 'keys';

function themeJoin(kind: RecordImportKind, how: ThemeJoin): string {
  const keys = themeKeyColumns(kind);
  if (keys.length === 0 || how === 'as-written') return '';
  if (how === 'hashed') {
    return `LEFT JOIN (SELECT *, hash(${keys.join(', ')}) AS key_hash FROM import_theme) t
      ON t.key_hash = hash(${keys.map((k) => `c.${k}`).join(', ')})`;
  }
  const on = keys.map((k) => `t.${k} IS NOT DISTINCT FROM c.${k}`).join(' AND ');
  return `LEFT JOIN import_theme t ON ${on}`;
}

/** Decides the theme join from the small lookup table `import_theme` (see ThemeJoin). */
async function chooseThemeJoin(conn: Connector, kind: RecordImportKind): Promise<ThemeJoin> {
  const keys = themeKeyColumns(kind);
  const ownColumn = keys.includes('key_theme')
    ? 'bool_and(theme_resolved IS NOT NULL AND theme_resolved = key_theme)'
    : 'FALSE';
  const [{ own, distinct }] = await conn.query<{ own: boolean; distinct: boolean }>({
    sql: `SELECT coalesce(${ownColumn}, FALSE) AS own,
      count(DISTINCT hash(${keys.join(', ')})) = count(*) AS distinct FROM import_theme`,
  });
  return own ? 'as-written' : distinct ? 'hashed' : 'keys';
}

/** The resolved theme and the category's label as `import_final` names them. */
function themeColumns(kind: RecordImportKind, how: ThemeJoin): string {
  // As written: no row is left without a theme, so no category is listed by its label.
  if (how === 'as-written' && kind !== 'buildings') {
    return 'c.key_theme AS theme_resolved, CAST(NULL AS VARCHAR) AS theme_label';
  }
  return `${THEME_SQL[kind]} AS theme_resolved, ${THEME_LABEL_SQL[kind]} AS theme_label`;
}

const THEME_SQL: Record<RecordImportKind, string> = {
  incidents: 't.theme_resolved',
  meldingen: 't.theme_resolved',
  visits: 't.theme_resolved',
  buildings: 'CAST(NULL AS VARCHAR)',
};

/** The category as listed for the analyst (theme-lookup's label), per kind. */
const THEME_LABEL_SQL: Record<RecordImportKind, string> = {
  incidents: 't.label',
  meldingen: 't.label',
  visits: 't.label',
  buildings: 'CAST(NULL AS VARCHAR)',
};

/** Staged columns replaced by resolved ones (theme; for visits the area codes). */
function excludeFor(kind: RecordImportKind): string {
  if (kind === 'buildings') return '';
  return kind === 'visits' ? 'EXCLUDE (theme, buurtcode, wijkcode)' : 'EXCLUDE (theme)';
}

/**
 * The buurt and wijk codes of each row's area number (`p.area`, -1: none). Located rows read
 * them from two lists indexed by the number (lists are 1-based; index 0 gives NULL): a
 * million rows probing a hash join over a hundred areas cost about a tenth of the commit.
 */
function areaColumns(kind: RecordImportKind, located: boolean): string {
  const [buurt, wijk] = located
    ? ['list_extract(codes.buurten, p.area + 1)', 'list_extract(codes.wijken, p.area + 1)']
    : ['CAST(NULL AS VARCHAR)', 'CAST(NULL AS VARCHAR)'];
  if (kind !== 'visits') return `${buurt} AS buurtcode, ${wijk} AS wijkcode`;
  // Visits may be located by an area code instead of coordinates.
  return `coalesce(${buurt}, bu.code) AS buurtcode, coalesce(${wijk}, bu.parent, wk.code) AS wijkcode`;
}

/** The area codes as lists, area number n at position n + 1 (locate.ts numbers them 0 … n-1). */
const AREA_CODE_LISTS = `CROSS JOIN (SELECT list(buurtcode ORDER BY area) AS buurten,
  list(wijkcode ORDER BY area) AS wijken FROM import_area_lookup) codes`;

function areaJoins(kind: RecordImportKind): string {
  if (kind !== 'visits') return '';
  return `LEFT JOIN areas bu ON bu.level = 'buurt' AND bu.code = c.buurtcode
    LEFT JOIN areas wk ON wk.level = 'wijk' AND wk.code = c.wijkcode`;
}

export const DUPLICATE_REASON = 'Dubbel registratienummer in dit bestand';
export const COPY_REASON = 'Dubbele rij in dit bestand (alle kolommen gelijk)';

/** The reason of a later duplicate row: a repeated id, or (ids generated) an exact copy. */
export function duplicateReason(copiesOnly: boolean): string {
  return copiesOnly ? COPY_REASON : DUPLICATE_REASON;
}

/** True when two tables hold the same rn in the same row positions (and as many rows). */
async function alignedByPosition(conn: Connector, table: string): Promise<boolean> {
  const [{ n }] = await conn.query<{ n: number }>({
    sql: `SELECT count(*) AS n FROM import_conv_values c POSITIONAL JOIN ${table} x
          WHERE c.rn IS DISTINCT FROM x.rn`,
  });
  return n === 0;
}

/**
 * Runs statements with the probe and build sides of hash joins as written: the million
 * staged rows probe, the small lookup tables (themes, repeated ids, area codes) are built.
 * The engine's estimates for fresh work tables are ~0 rows, so left to itself it builds a
 * hash table over the million wide rows, which costs seconds and scrambles the row order
 * that the decisions table relies on. The setting is restored afterwards.
 */
export async function withLookupJoins<T>(conn: Connector, work: () => Promise<T>): Promise<T> {
  await conn.exec("SET disabled_optimizers = 'build_side_probe_side'");
  try {
    return await work();
  } finally {
    await conn.exec('RESET disabled_optimizers');
  }
}

/**
 * Decides every staged row without copying it: `import_repeated` holds the ids seen more
 * than once among the rows still accepted and the ids stored already (one pass over the
 * ids, usually a small result); the views `import_decided` (rn, lon, lat, area,
 * theme_resolved, gap_shifted, reason_final, exists_already) and `import_final` (the
 * converted values with theme, coordinates, area codes and the decision) compute the
 * decision on the fly from the narrow work tables. The wide rows are thus read once, by
 * the insert into the canonical table at commit; the report counts from the narrow tables.
 */
export async function finalizeRows(
  conn: Connector,
  plan: ImportPlan,
  /** The staged rows (see stagedRowsSource): their theme keys may be counted already. */
  source: string,
  /** The id check found no id repeated in the file (id-check's idsKnownUnique). */
  idsUnique = false,
): Promise<void> {
  const kind = plan.kind as RecordImportKind;
  const coordinates = plan.coordinates;
  // Ids are generated (convert's row_key is there): only exact copies are duplicates.
  const copiesOnly = generatedIds(plan);
  const hasLocated = coordinates !== null;
  const [lon, lat] = lonLatSql(coordinates);
  // Their kinds are fixed here (prepareImport cleared whatever an older version left).
  await conn.exec(`DROP VIEW IF EXISTS import_decided; DROP VIEW IF EXISTS import_final;
    DROP TABLE IF EXISTS import_repeated`);
  let themes: ThemeJoin = 'keys';
  if (THEME_KEYS[kind]) {
    await buildThemeLookup(conn, plan, source);
    themes = await chooseThemeJoin(conn, kind);
  }
  const points = hasLocated
    ? (await alignedByPosition(conn, 'import_located_points'))
      ? 'POSITIONAL JOIN import_located_points p'
      : 'LEFT JOIN import_located_points p ON p.rn = c.rn'
    : `CROSS JOIN (SELECT -1 AS area, 0 AS outside, 0 AS swapped) p`;
  // Generated ids never repeat: then a duplicate is an exact copy of an earlier row.
  const key = copiesOnly ? 'c.row_key' : 'c.id';
  const firstId = copiesOnly ? 'arg_min(c.id, c.rn)' : 'c.id';
  const accepted = `FROM import_conv c ${points} WHERE c.reason IS NULL AND p.outside IS DISTINCT FROM 1`;
  // Ids unique in the file: each accepted row is the first of its id, none need grouping.
  const grouped =
    idsUnique && !copiesOnly
      ? `SELECT c.id AS key, c.id AS id, c.rn AS first_rn, CAST(1 AS BIGINT) AS n ${accepted}
          AND c.id IN (SELECT id FROM ${kind})`
      : `SELECT ${key} AS key, ${firstId} AS id, min(c.rn) AS first_rn, count(*) AS n
          ${accepted} GROUP BY ${key}`;
  await withLookupJoins(conn, () =>
    conn.exec(`CREATE TABLE import_repeated AS
      WITH grouped AS (${grouped}),
      flagged AS (SELECT *, id IN (SELECT id FROM ${kind}) AS exists_already FROM grouped)
      SELECT key, id, first_rn, n, coalesce(exists_already, FALSE) AS exists_already
      FROM flagged WHERE n > 1 OR exists_already`),
  );
  // Usually no id repeats and none is stored already: then the join is left out.
  const [{ repeated }] = await conn.query<{ repeated: number }>({
    sql: 'SELECT count(*) AS repeated FROM import_repeated',
  });
  const repeatedJoin =
    repeated > 0
      ? `LEFT JOIN import_repeated r ON r.key = ${key}`
      : 'CROSS JOIN (SELECT NULL::INTEGER AS first_rn, FALSE AS exists_already) r';
  // A row stored already is always the first of its id among the accepted rows, so
  // exists_already is exact wherever the decision leaves the row accepted.
  await conn.exec(`CREATE VIEW import_final AS
    SELECT c.* ${excludeFor(kind)}, ${themeColumns(kind, themes)},
      ${lon} AS lon, ${lat} AS lat, p.area AS area, p.swapped AS coord_swapped,
      ${areaColumns(kind, hasLocated)},
      CASE WHEN c.reason IS NOT NULL THEN c.reason
           WHEN p.outside = 1 THEN 'Locatie buiten de gemeente'
           WHEN c.rn > r.first_rn THEN '${duplicateReason(copiesOnly)}' END AS reason_final,
      coalesce(r.exists_already, FALSE) AS exists_already
    FROM import_conv c ${points} ${themeJoin(kind, themes)}
    ${repeatedJoin}
    ${hasLocated ? AREA_CODE_LISTS : ''}
    ${areaJoins(kind)}`);
  await conn.exec(`CREATE VIEW import_decided AS
    SELECT rn, lon, lat, area, theme_resolved, gap_shifted, coord_swapped, reason_final,
      exists_already${kind === 'buildings' ? '' : ', time_precision'}${hasCountColumn(plan) ? ', "count"' : ''}
    FROM import_final`);
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

/**
 * Stores the accepted rows; with `counted` (a count column is mapped) each row as its
 * count of records (count-column.ts). Answers the number of records inserted.
 */
export async function commitImport(
  conn: Connector,
  kind: RecordImportKind,
  policy: DuplicatePolicy,
  dataset: string,
  counted = false,
  /** The municipality's name as set up, for the gemeente of rows in no area (gemeente.ts). */
  municipality?: string | null,
): Promise<number> {
  return inTransaction(conn, async () => {
    // Each id stored already has exactly one accepted row (its first): see finalizeRows.
    const [{ existing }] = await conn.query<{ existing: number }>({
      sql: 'SELECT count(*) AS existing FROM import_repeated WHERE exists_already',
    });
    if (policy === 'replace' && existing > 0) {
      const ids = 'SELECT id FROM import_repeated WHERE exists_already';
      await conn.exec(
        `DELETE FROM ${kind} WHERE id IN (${ids})${counted ? ` OR ${copiesOfSql(ids)}` : ''}`,
      );
    }
    const accepted = acceptedCondition(policy);
    const rows = counted ? expandedRowsSql(accepted) : `import_final WHERE ${accepted}`;
    // The gemeente of the area each new row lies in, else the workspace's own (gemeente.ts):
    // written at once when that is one code for all, else looked up per row afterwards.
    const gemeente = await gemeenteOfNewRows(conn, municipality);
    const [inserted] = await withLookupJoins(conn, () =>
      conn.query<Record<string, number>>({
        sql: `INSERT INTO ${kind} SELECT ${INSERT_SELECT[kind]}, ?${kind === 'buildings' ? ', adres' : ', time_precision'}, ?
          FROM ${rows}`,
        params: [dataset, gemeente],
      }),
    );
    if (gemeente === null) await fillGemeente(conn, { municipality });
    // DuckDB answers an INSERT with one row: the number of rows inserted.
    return Number(Object.values(inserted ?? {})[0] ?? 0);
  });
}
