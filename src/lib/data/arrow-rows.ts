/**
 * Arrow → plain rows at the connector boundary. DuckDB returns BIGINT (COUNT(*), hour(),
 * dayofweek()) as JS BigInt, which Chart.js, JSON and arithmetic reject, so every BigInt
 * becomes a number here. TIMESTAMP values arrive as epoch milliseconds of the wall-clock
 * reading (a TIMESTAMP has no zone), DATE as epoch milliseconds of midnight.
 */
import { DataType, type Table } from 'apache-arrow';
import type { Row } from './connector';

function convertValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value;
}

export function arrowToRows<T = Row>(table: Table): T[] {
  const fields = table.schema.fields;
  const columns = fields.map((field) => table.getChild(field.name));
  const decimalScale = fields.map((field) =>
    DataType.isDecimal(field.type) ? field.type.scale : -1,
  );
  const rows: T[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (let c = 0; c < fields.length; c++) {
      const raw = columns[c]?.get(r);
      row[fields[c].name] =
        decimalScale[c] >= 0 && raw !== null && raw !== undefined
          ? decimalToNumber(raw, decimalScale[c])
          : convertValue(raw);
    }
    rows[r] = row as T;
  }
  return rows;
}

function decimalToNumber(raw: unknown, scale: number): number {
  // Arrow JS returns decimals as a Uint32Array-backed big number; its string form is the
  // unscaled integer.
  const unscaled = Number(String(raw));
  return unscaled / 10 ** scale;
}
