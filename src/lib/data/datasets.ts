/**
 * Datasets: every stored row carries the dataset it came from ('demo' or an import id),
 * so the demo can be removed, or one import undone, without touching anything else.
 */
import type { Connector } from './connector';
import { inTransaction } from './database';
import { fillGemeente } from './gemeente';
import { DERIVED_DATASET_PREFIX, renewDerivedGemeente } from './import/area-store';
import { reassignToStoredAreas } from './import/areas';
import { TABLE_NAMES } from './schema';

export interface DatasetSummary {
  dataset: string;
  table: string;
  rows: number;
}

const DATASET_TABLES = TABLE_NAMES.filter((t) => t !== 'theme_mapping');

export async function listDatasets(conn: Connector): Promise<DatasetSummary[]> {
  const parts = DATASET_TABLES.map(
    (table) =>
      `SELECT dataset, '${table}' AS table_name, count(*) AS n FROM ${table} GROUP BY dataset`,
  );
  const rows = await conn.query<{ dataset: string; table_name: string; n: number }>({
    sql: `${parts.join(' UNION ALL ')} ORDER BY dataset, table_name`,
  });
  return rows.map((r) => ({ dataset: r.dataset, table: r.table_name, rows: r.n }));
}

/**
 * Deletes every row of one dataset from every table, in one transaction. When that removes
 * areas, a gemeente outline derived from them goes too, or is derived again from the areas
 * that remain (area-store.ts): no outline of removed boundaries stays behind.
 */
export async function removeDataset(conn: Connector, dataset: string): Promise<void> {
  await inTransaction(conn, async () => {
    const [areas] = await conn.query<{ n: number }>({
      sql: 'SELECT count(*) AS n FROM areas WHERE dataset = ?',
      params: [dataset],
    });
    for (const table of DATASET_TABLES) {
      await conn.query({ sql: `DELETE FROM ${table} WHERE dataset = ?`, params: [dataset] });
    }
    // Removing the outline itself is the analyst's choice: it is not derived again.
    if (Number(areas.n) > 0 && !dataset.startsWith(DERIVED_DATASET_PREFIX)) {
      await renewDerivedGemeente(conn);
      // Records keep no code of a removed buurt or wijk: placed again in what remains.
      await reassignToStoredAreas(conn);
      await fillGemeente(conn, { all: true });
    }
  });
}

/**
 * Deletes every stored row of every dataset (records, areas, buildings, places,
 * interventions) in one transaction: the start of an own municipality, with nothing of the
 * demo left. The theme mapping, which is configuration, stays.
 */
export async function removeAllData(conn: Connector): Promise<void> {
  await inTransaction(conn, async () => {
    for (const table of DATASET_TABLES) await conn.exec(`DELETE FROM ${table}`);
  });
}
