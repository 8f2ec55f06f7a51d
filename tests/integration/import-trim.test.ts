/**
 * The import trims every text field. `trimSql` skips DuckDB's trim where it would change
 * nothing; it must give exactly what trim gives, for every character trim removes (the
 * Unicode space separators) and every one it keeps (tabs, line breaks, zero-width space).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { trimSql } from '../../src/lib/data/import/convert-sql';

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
});
afterAll(() => conn.close());

/** The space separators (Zs) of Unicode 15: what DuckDB's trim removes. */
const ZS = [
  0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
  0x2009, 0x200a, 0x202f, 0x205f, 0x3000,
].map((c) => String.fromCodePoint(c));
const KEPT = ['\t', '\n', '\r', '\u0085', '\u200b', '\ufeff', '\u00ad', 'é', '€', '😀'];
// Every ASCII character but NUL, which a text value cannot hold.
const ASCII = Array.from({ length: 127 }, (_, c) => String.fromCharCode(c + 1));

function cases(): (string | null)[] {
  const values: (string | null)[] = [null, '', ' ', '   ', 'a', 'Overlast café', 'Wijk 12'];
  for (const c of [...ASCII, ...ZS, ...KEPT]) {
    values.push(`${c}x`, `x${c}`, `${c}x${c}`, c, `${c}${c}`, `x${c}y`);
  }
  for (const z of ZS) values.push(`${z}café${z}`, ` ${z} straat ${z} `);
  return values;
}

it('gives what DuckDB trim gives, with and without spaces to remove', async () => {
  const values = cases();
  await conn.exec('CREATE TABLE trim_cases (n INTEGER, v VARCHAR)');
  const literal = (v: string | null) => (v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`);
  await conn.exec(
    `INSERT INTO trim_cases VALUES ${values.map((v, n) => `(${n}, ${literal(v)})`).join(', ')}`,
  );
  const rows = await conn.query<{ n: number; fast: string | null; trimmed: string | null }>({
    sql: `SELECT n, ${trimSql('v')} AS fast, trim(v) AS trimmed FROM trim_cases ORDER BY n`,
  });
  expect(rows).toHaveLength(values.length);
  const differing = rows.filter((r) => r.fast !== r.trimmed);
  expect(differing).toEqual([]);
  // The cases do exercise trim: the space separators are removed, the others kept.
  const byValue = new Map(rows.map((r) => [values[r.n], r.fast]));
  expect(byValue.get('\u3000x\u3000')).toBe('x');
  expect(byValue.get('\u00a0café\u00a0')).toBe('café');
  expect(byValue.get('x ')).toBe('x');
  expect(byValue.get('\tx\t')).toBe('\tx\t');
  expect(byValue.get('\u200bx')).toBe('\u200bx');
});
