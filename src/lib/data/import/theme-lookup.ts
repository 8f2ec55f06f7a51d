/**
 * The theme of every row, decided per distinct combination of category keys (a few
 * hundred at most, never per row): the analyst's own choice for a listed category first,
 * then the row's own theme column, the mapping table (Signalen slugs or names), and the
 * Dutch theme labels — all compared as normalised labels (theme-labels.ts). Used twice:
 * before the import, to list the categories that would become 'overig', and by finalize.
 */
import { buildArrowTable } from '../arrow-build';
import type { Connector } from '../connector';
import { normalizedLabelSql as norm, themeLabels } from '../theme-labels';
import type { Theme } from '../themes';
import type { RecordImportKind } from './convert';
import { untrimmedTextSql } from './convert-sql';
import { CATEGORY_COMBINATIONS } from './personal-data-categories';
import type { ImportPlan } from './plan';
import { stagedColumn } from './stage';

/** The text fields that decide a row's theme, per kind (staged as `key_<field>`). */
export const THEME_KEYS: Partial<Record<RecordImportKind, string[]>> = {
  incidents: ['category', 'theme'],
  meldingen: ['main_category', 'sub_category', 'theme'],
  visits: ['theme'],
};

/** The category as the screen and the report list it, from the trimmed keys. */
const LABEL_SQL: Partial<Record<RecordImportKind, string>> = {
  incidents: 'coalesce(category, theme)',
  meldingen: "coalesce(nullif(concat_ws(' / ', main_category, sub_category), ''), theme)",
  visits: 'theme',
};

/** The mapping table with normalised keys ('*' kept). Tiny: a few dozen rows. */
const MAPPING = `SELECT ${norm('main_category')} AS main_n,
    CASE WHEN sub_category = '*' THEN '*' ELSE ${norm('sub_category')} END AS sub_n, theme
  FROM theme_mapping`;

const trimmed = (field: string) => `nullif(trim(key_${field}), '') AS ${field}`;

/**
 * Writes `import_theme_labels` (label_n, theme, source): the theme labels ('label') and
 * the analyst's choices per listed category ('choice'), both normalised in SQL.
 */
export async function writeThemeLabels(
  conn: Connector,
  choices: Readonly<Record<string, Theme>> = {},
): Promise<void> {
  const rows = [
    ...themeLabels().map((l) => ({ ...l, source: 'label' })),
    ...Object.entries(choices).map(([label, theme]) => ({ label, theme, source: 'choice' })),
  ];
  await conn.exec('DROP TABLE IF EXISTS import_theme_labels_raw');
  await conn.insertArrow(
    buildArrowTable([
      { name: 'label', kind: 'text', values: rows.map((r) => r.label) },
      { name: 'theme', kind: 'text', values: rows.map((r) => r.theme) },
      { name: 'source', kind: 'text', values: rows.map((r) => r.source) },
    ]),
    'import_theme_labels_raw',
    { create: true },
  );
  await conn.exec(`CREATE OR REPLACE TABLE import_theme_labels AS
    SELECT ${norm('label')} AS label_n, any_value(theme) AS theme, source
    FROM import_theme_labels_raw GROUP BY ALL;
    DROP TABLE import_theme_labels_raw`);
}

/**
 * The lookup per distinct key combination of `keys` (a relation with the `key_<field>`
 * columns and `n`, the rows per combination): the keys, `label` (as listed), `n` and
 * `theme_resolved` (NULL: no rule matches, the row becomes 'overig').
 */
export function themeLookupSql(kind: RecordImportKind, keys: string): string {
  const fields = THEME_KEYS[kind]!;
  const keyColumns = fields.map((f) => `k.key_${f}`).join(', ');
  const label = (source: string, alias: string, on: string) =>
    `LEFT JOIN import_theme_labels ${alias} ON ${alias}.source = '${source}' AND ${alias}.label_n = ${on}`;
  // A theme column may hold a label or a Signalen name as well as a theme key.
  const joins = [
    label('choice', 'choice', 'k.label_n'),
    label('label', 'own', 'k.theme_n'),
    `LEFT JOIN mapping ownsub ON ownsub.sub_n <> '*' AND ownsub.sub_n = k.theme_n`,
    `LEFT JOIN mapping ownmain ON ownmain.sub_n = '*' AND ownmain.main_n = k.theme_n`,
  ];
  const order = ['choice.theme', 'own.theme', 'ownsub.theme', 'ownmain.theme'];
  if (kind === 'incidents') {
    joins.push(
      `LEFT JOIN mapping exact ON exact.sub_n <> '*' AND exact.sub_n = k.category_n`,
      `LEFT JOIN mapping anysub ON anysub.sub_n = '*' AND anysub.main_n = k.category_n`,
      label('label', 'lcat', 'k.category_n'),
    );
    order.push('exact.theme', 'anysub.theme', 'lcat.theme');
  }
  if (kind === 'meldingen') {
    joins.push(
      `LEFT JOIN mapping exact ON exact.main_n = k.main_category_n AND exact.sub_n = k.sub_category_n`,
      `LEFT JOIN mapping anysub ON anysub.main_n = k.main_category_n AND anysub.sub_n = '*'`,
      `LEFT JOIN mapping onlysub ON k.main_category_n IS NULL AND onlysub.sub_n = k.sub_category_n`,
      label('label', 'lsub', 'k.sub_category_n'),
      label('label', 'lmain', 'k.main_category_n'),
      label('label', 'lfull', 'k.label_n'),
    );
    order.push('exact.theme', 'anysub.theme', 'onlysub.theme', 'lsub.theme', 'lmain.theme');
    order.push('lfull.theme');
  }
  const normalised = fields.map((f) => `nullif(${norm(f)}, '') AS ${f}_n`);
  return `WITH mapping AS (${MAPPING}),
    t AS (SELECT *, ${fields.map(trimmed).join(', ')} FROM (${keys})),
    k AS (SELECT *, ${LABEL_SQL[kind]} AS label, ${normalised.join(', ')},
      ${norm(LABEL_SQL[kind]!)} AS label_n FROM t)
    SELECT ${keyColumns}, any_value(k.label) AS label, any_value(k.n) AS n,
      coalesce(${order.map((o) => `any_value(${o})`).join(', ')}) AS theme_resolved
    FROM k ${joins.join('\n    ')}
    GROUP BY ${keyColumns}`;
}

/**
 * The distinct key combinations of the staged rows with their counts, for the plan: from
 * `counted` (the personal-data scan's category combinations, with their rows in `n`) when
 * given, otherwise from every staged row.
 */
export function stagedKeysSql(plan: ImportPlan, source: string, counted?: string): string {
  const fields = THEME_KEYS[plan.kind as RecordImportKind] ?? [];
  const keys = fields.map(
    (f) => `${untrimmedTextSql(plan, f) ?? 'CAST(NULL AS VARCHAR)'} AS key_${f}`,
  );
  return counted
    ? `SELECT ${keys.join(', ')}, CAST(sum(n) AS BIGINT) AS n FROM ${counted} r GROUP BY ALL`
    : `SELECT ${keys.join(', ')}, count(*) AS n FROM ${source} r GROUP BY ALL`;
}

/** The category combinations when they hold every key column of `plan`, or undefined. */
async function countedCombinations(conn: Connector, plan: ImportPlan): Promise<string | undefined> {
  const fields = THEME_KEYS[plan.kind as RecordImportKind] ?? [];
  const needed = fields.flatMap((f) =>
    plan.columns[f] === undefined ? [] : [stagedColumn(plan.columns[f])],
  );
  const present = await conn.query<{ column_name: string }>({
    sql: `SELECT column_name FROM duckdb_columns() WHERE table_name = ?`,
    params: [CATEGORY_COMBINATIONS],
  });
  if (present.length === 0) return undefined;
  const columns = new Set(present.map((c) => c.column_name));
  return needed.every((c) => columns.has(c)) ? CATEGORY_COMBINATIONS : undefined;
}

/**
 * Builds `table` with `build` unless it was built from the same `sql` already (the SQL is
 * kept beside it, in `<table>_sql`). Answers whether it was built now.
 */
async function buildOnce(
  conn: Connector,
  table: string,
  sql: string,
  build: () => Promise<void>,
): Promise<boolean> {
  const [{ n }] = await conn.query<{ n: number }>({
    sql: 'SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ?',
    params: [`${table}_sql`],
  });
  const built =
    n > 0 ? await conn.query<{ sql: string }>({ sql: `SELECT sql FROM ${table}_sql` }) : [];
  if (built[0]?.sql === sql) return false;
  await conn.exec(`DROP TABLE IF EXISTS ${table}_sql`);
  await build();
  await conn.exec(`CREATE TABLE ${table}_sql (sql VARCHAR)`);
  await conn.query({ sql: `INSERT INTO ${table}_sql VALUES (?)`, params: [sql] });
  return true;
}

/**
 * `import_theme_keys`: the distinct key combinations of the staged rows with their counts,
 * built once per mapping of the key fields, so that the list before the import and
 * finalize share one pass over a million rows — or none, when the personal-data scan
 * grouped the key columns already. Returns the relation to read them from.
 */
export async function countThemeKeys(
  conn: Connector,
  plan: ImportPlan,
  source: string,
): Promise<string> {
  const sql = stagedKeysSql(plan, source, await countedCombinations(conn, plan));
  await buildOnce(conn, 'import_theme_keys', sql, () =>
    conn.exec(`CREATE OR REPLACE TABLE import_theme_keys AS ${sql}`),
  );
  return 'SELECT * FROM import_theme_keys';
}

/**
 * `import_theme`: the theme lookup per key combination (themeLookupSql) for the plan's key
 * fields and the analyst's choices, built once for both the list before the import and
 * finalize (its joins and label normalisation cost ~45 ms however few the categories).
 */
export async function buildThemeLookup(
  conn: Connector,
  plan: ImportPlan,
  source: string,
): Promise<void> {
  const kind = plan.kind as RecordImportKind;
  const keys = await countThemeKeys(conn, plan, source);
  const lookup = themeLookupSql(kind, keys);
  const [{ sql: keysSql }] = await conn.query<{ sql: string }>({
    sql: 'SELECT sql FROM import_theme_keys_sql',
  });
  const signature = JSON.stringify([lookup, keysSql, plan.themes ?? {}]);
  await buildOnce(conn, 'import_theme', signature, async () => {
    await writeThemeLabels(conn, plan.themes);
    await conn.exec(`CREATE OR REPLACE TABLE import_theme AS ${lookup}`);
  });
}

export interface UnmappedCategory {
  /** As written in the file (main / sub for meldingen). */
  category: string;
  count: number;
}

/**
 * Before the import: the categories of the file that no rule gives a theme — they would
 * be stored as 'overig' — with their number of rows, most frequent first.
 */
export async function findUnmappedCategories(
  conn: Connector,
  plan: ImportPlan,
  source: string,
): Promise<UnmappedCategory[]> {
  const kind = plan.kind as RecordImportKind;
  if (!THEME_KEYS[kind]) return [];
  await buildThemeLookup(conn, plan, source);
  const rows = await conn.query<{ category: string; count: number }>({
    sql: `SELECT label AS category, sum(n) AS count
      FROM import_theme
      WHERE theme_resolved IS NULL AND label IS NOT NULL
      GROUP BY label ORDER BY count DESC, category`,
  });
  return rows.map((r) => ({ category: r.category, count: Number(r.count) }));
}
