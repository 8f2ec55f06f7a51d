/**
 * Database set-up and small transactional helpers shared by loaders and imports.
 */
import { buildArrowTable } from './arrow-build';
import type { Connector } from './connector';
import { buildCreateSchemaSql, SCHEMA_VERSION } from './schema';
import { DEFAULT_THEME_MAPPING, type ThemeMappingRow } from './themes';

/**
 * Creates the canonical schema (idempotent) and seeds the default theme mapping once. The
 * statements go to the engine as one script: one round trip to its worker instead of one
 * per table, on the path to every first view.
 */
export async function initDatabase(conn: Connector): Promise<void> {
  await conn.exec(buildCreateSchemaSql().join(';\n'));
  const [{ n }] = await conn.query<{ n: number }>({
    sql: 'SELECT count(*) AS n FROM theme_mapping',
  });
  if (n === 0) await replaceThemeMapping(conn, DEFAULT_THEME_MAPPING);
}

export async function readSchemaVersion(conn: Connector): Promise<number> {
  const rows = await conn.query<{ value: string }>({
    sql: "SELECT value FROM wijkradar_meta WHERE key = 'schema_version'",
  });
  return rows.length ? Number(rows[0].value) : 0;
}

export { SCHEMA_VERSION };

export async function replaceThemeMapping(
  conn: Connector,
  rows: readonly ThemeMappingRow[],
): Promise<void> {
  await conn.exec('DELETE FROM theme_mapping');
  const table = buildArrowTable([
    { name: 'main_category', kind: 'text', values: rows.map((r) => r.main) },
    { name: 'sub_category', kind: 'text', values: rows.map((r) => r.sub) },
    { name: 'theme', kind: 'text', values: rows.map((r) => r.theme) },
  ]);
  await conn.insertArrow(table, 'theme_mapping');
}

/**
 * Runs `work` in one transaction: either everything it wrote is kept, or nothing is and
 * the data that was there before stays intact.
 */
export async function inTransaction<T>(conn: Connector, work: () => Promise<T>): Promise<T> {
  await conn.exec('BEGIN TRANSACTION');
  try {
    const result = await work();
    await conn.exec('COMMIT');
    return result;
  } catch (error) {
    // A failed Arrow insert has replaced the connection, which rolled back already (then
    // ROLLBACK finds no transaction): the work's own error is the one to report.
    await conn.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
