/**
 * The import's per-value SQL skips work where it would change nothing; the result must be
 * exactly what the full work gives.
 * - `trimSql` against DuckDB's trim, for every character trim removes (the Unicode space
 *   separators) and every one it keeps (tabs, line breaks, zero-width space).
 * - `parseNumberSql` against removing every group space first, for numbers with and
 *   without spaces, no-break spaces and narrow no-break spaces, in each number plan.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { parseNumberSql, trimSql } from '../../src/lib/data/import/convert-sql';
import type { NumberPlan } from '../../src/lib/data/import/sniff-values';

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

const NUMBERS = [
  '155000',
  '155 000',
  '155\u00a0000',
  '155\u202f000',
  '155.000,25',
  '155,000.25',
  '155 000,25',
  '52,0871',
  '52.0871',
  '-4,5',
  '1e3',
  ' 7 ',
  '',
  'abc',
  '1 2 3',
  '12\u00a0345,6',
  'é1',
  '1€',
  '\u3000',
  '1\u2009000',
];
const PLANS: NumberPlan[] = [
  { decimal: '.', thousands: null },
  { decimal: ',', thousands: null },
  { decimal: ',', thousands: '.' },
  { decimal: '.', thousands: ',' },
  { decimal: ',', thousands: ' ' },
];

/** The full expression: every group space removed from every value. */
function allReplaced(value: string, plan: NumberPlan): string {
  let text = `replace(replace(replace(${value}, ' ', ''), chr(160), ''), chr(8239), '')`;
  if (plan.thousands === '.' || plan.thousands === ',')
    text = `replace(${text}, '${plan.thousands}', '')`;
  if (plan.decimal === ',') text = `replace(${text}, ',', '.')`;
  return `TRY_CAST(${text} AS DOUBLE)`;
}

it('reads numbers as removing every group space first does, in every number plan', async () => {
  await conn.exec('CREATE TABLE number_cases (n INTEGER, v VARCHAR)');
  await conn.exec(
    `INSERT INTO number_cases VALUES ${NUMBERS.map((v, n) => `(${n}, '${v}')`).join(', ')}`,
  );
  for (const plan of PLANS) {
    const rows = await conn.query<{ n: number; fast: number | null; full: number | null }>({
      sql: `SELECT n, ${parseNumberSql('v', plan)} AS fast, ${allReplaced('v', plan)} AS full
        FROM number_cases ORDER BY n`,
    });
    expect(rows.filter((r) => r.fast !== r.full)).toEqual([]);
    const read = new Map(rows.map((r) => [NUMBERS[r.n], r.fast]));
    expect(read.get('155\u00a0000')).toBe(155000);
    expect(read.get('155\u202f000')).toBe(155000);
    expect(read.get('abc')).toBeNull();
    if (plan.decimal === ',') expect(read.get('52,0871')).toBeCloseTo(52.0871, 10);
  }
});
