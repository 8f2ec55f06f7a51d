/**
 * The app's tables (schema.ts) in ClickHouse: the same columns with equivalent types —
 * Nullable where DuckDB allows NULL, wall-clock TIMESTAMPs as DateTime64(6) read in UTC
 * (the session's zone, dialect-clickhouse.ts), DATE as Date32 — plus `_rowid`, the row's
 * position (DuckDB's rowid, which ClickHouse does not have).
 */
import { TABLES, type TableName } from '../schema';
import { clickHouseType } from '../sql/dialect-clickhouse';

export const isAppTable = (name: string): name is TableName => Object.hasOwn(TABLES, name);

/** CREATE OR REPLACE TABLE for `table` with the given engine clause. */
export function clickHouseTableSql(table: TableName, engine = 'Memory'): string {
  const columns = TABLES[table].map((c) => {
    const type = clickHouseType(c.type);
    return `${c.name} ${c.notNull ? type : `Nullable(${type})`}`;
  });
  return `CREATE OR REPLACE TABLE ${table} (${[...columns, '_rowid UInt64'].join(', ')})
    ENGINE = ${engine}`;
}
