/**
 * Builds Arrow tables from JS values for DuckDB's insertArrowTable. Strings are plain
 * Utf8 (tableFromArrays would dictionary-encode them), numbers Float64 or Int32; dates and
 * timestamps travel as text and are cast in SQL, where DuckDB validates them.
 */
import { Float64, Int32, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';

export type StagingKind = 'text' | 'float' | 'int';
export interface StagingColumn {
  name: string;
  kind: StagingKind;
  values: readonly (string | number | null | undefined)[] | Float64Array | Int32Array;
}

export function buildArrowTable(columns: readonly StagingColumn[]): Table {
  const vectors: Record<string, Vector> = {};
  for (const column of columns) {
    if (column.kind === 'float') {
      vectors[column.name] = vectorFromArray(
        Array.from(column.values as ArrayLike<number | null>, (v) => v ?? null),
        new Float64(),
      );
    } else if (column.kind === 'int') {
      vectors[column.name] = vectorFromArray(
        Array.from(column.values as ArrayLike<number | null>, (v) => v ?? null),
        new Int32(),
      );
    } else {
      vectors[column.name] = vectorFromArray(
        Array.from(column.values as ArrayLike<string | null>, (v) => v ?? null),
        new Utf8(),
      );
    }
  }
  return new Table(vectors);
}
