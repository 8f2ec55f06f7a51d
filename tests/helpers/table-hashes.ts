/**
 * The stored data of every table as its row count and an order-independent hash: two
 * databases (or one, before and after) hold the same rows when these are equal.
 */
import type { Connector } from '../../src/lib/data/connector';
import { TABLE_NAMES, TABLES } from '../../src/lib/data/schema';

export async function tableHashes(conn: Connector): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const table of TABLE_NAMES) {
    const columns = TABLES[table].map((c) => c.name).join(', ');
    result[table] = await conn.query({
      sql: `SELECT count(*) AS n, sum(hash(${columns}))::VARCHAR AS h FROM ${table}`,
    });
  }
  return result;
}
