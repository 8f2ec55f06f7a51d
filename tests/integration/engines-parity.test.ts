/**
 * Engine parity on Donderdeel (issue 25): every builder the views use gives the same rows
 * on native DuckDB and on ClickHouse (chDB) as on DuckDB-WASM, the browser's engine. The
 * first run installs native DuckDB and chDB into the cache folder (network needed once);
 * `npm run -s engines:parity` adds the synthetic region of a million records.
 */
import { describe, expect, it } from 'vitest';
import { difference, parityOn, report } from '../../scripts/lib/engines-parity';
import { BUILDERS } from '../../src/lib/data/queries/registry';

const scale = Number(process.env.E2E_TIME_SCALE ?? 1);

describe('engine parity', () => {
  it('compares sorted rows: order aside, numbers within 1e-9 relative, nulls and texts exact', () => {
    expect(
      difference(
        [
          { a: 1, b: 'x' },
          { a: 2, b: null },
        ],
        [
          { b: null, a: 2 },
          { a: 1, b: 'x' },
        ],
      ),
    ).toBeNull();
    expect(difference([{ a: 0.1 + 0.2 }], [{ a: 0.3 }])).toBeNull();
    expect(difference([{ a: 1 }], [{ a: 1.000001 }])).toMatch(/row 0 a/);
    expect(difference([{ a: null }], [{ a: 0 }])).toMatch(/row 0 a/);
    expect(difference([{ a: 'x' }], [{ a: 'x' }, { a: 'x' }])).toMatch(/2 rows, expected 1/);
    expect(difference([{ a: 1 }], [{ b: 1 }])).toMatch(/columns/);
  });

  it(
    'every registered builder is identical on native DuckDB and ClickHouse (Donderdeel)',
    async () => {
      const run = await parityOn(0);
      const result = report(run.failures);
      expect(result.failed).toEqual([]);
      // The examples must show something: at most a few filters that match nothing.
      const examples = Object.values(BUILDERS).reduce((n, b) => n + b.examples.length, 0);
      expect(run.empty.length).toBeLessThan(examples / 20);
      const n = Object.keys(BUILDERS).length;
      expect(result).toEqual({
        builders: n,
        identical: { 'duckdb-native': n, clickhouse: n },
        failed: [],
      });
    },
    // The first run installs chDB (~540 MB) and native DuckDB into the cache folder.
    900_000 * scale,
  );
});
