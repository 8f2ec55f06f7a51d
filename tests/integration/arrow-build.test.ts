/**
 * Staging tables built from JS values (arrow-build.ts) arrive in DuckDB exactly: nulls,
 * empty strings, non-ASCII text, NaN and typed arrays — without Arrow's builders, which
 * need `Function()` and so break under the deployment's Content-Security-Policy.
 */
import { describe, expect, it } from 'vitest';
import { buildArrowTable } from '../../src/lib/data/arrow-build';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';

describe('buildArrowTable', () => {
  it('stores text, floats and integers with their nulls as given', async () => {
    const conn = await createNodeConnector();
    try {
      const table = buildArrowTable([
        { name: 'id', kind: 'int', values: Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]) },
        {
          name: 'naam',
          kind: 'text',
          values: ['Perenpad', null, '', 'Ëikenstraat 🏠', undefined, 'a', 'b', 'c', null],
        },
        { name: 'x', kind: 'float', values: [1.5, null, -0.25, 1e-9, 6.2, undefined, 0, 52.1, 3] },
        { name: 'n', kind: 'int', values: [7, 8, null, -3, 0, 1, 2, 3, undefined] },
        {
          name: 'rd',
          kind: 'float',
          values: Float64Array.from([155000, NaN, 1, 2, 3, 4, 5, 6, 7]),
        },
      ]);
      await conn.insertArrow(table, 'staged', { create: true });
      const rows = await conn.query<Record<string, unknown>>({
        sql: `SELECT id, naam, x, n, isnan(rd) AS rd_nan, rd FROM staged ORDER BY id`,
      });
      expect(rows.map((r) => r.naam)).toEqual([
        'Perenpad',
        null,
        '',
        'Ëikenstraat 🏠',
        null,
        'a',
        'b',
        'c',
        null,
      ]);
      expect(rows.map((r) => r.x)).toEqual([1.5, null, -0.25, 1e-9, 6.2, null, 0, 52.1, 3]);
      expect(rows.map((r) => r.n)).toEqual([7, 8, null, -3, 0, 1, 2, 3, null]);
      expect(rows.map((r) => r.rd_nan)).toEqual([
        false,
        true,
        false,
        false,
        false,
        false,
        false,
        false,
        false,
      ]);
      expect(rows[0].rd).toBe(155000);
    } finally {
      await conn.close();
    }
  });
});
