/**
 * The dialect seam (data/sql/dialect.ts): the query builders write no engine-specific SQL
 * themselves. A source scan of every string and template literal in src/lib/data/queries/
 * for the DuckDB functions and syntax the dialect owns, so that a second engine needs only
 * a second dialect object.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BUILDERS, buildCall } from '../../src/lib/data/queries/registry';
import { dialect, duckdb, withDialect } from '../../src/lib/data/sql/dialect';
import { clickhouse, clickHouseQuery } from '../../src/lib/data/sql/dialect-clickhouse';

const QUERIES = path.resolve(import.meta.dirname, '../../src/lib/data/queries');

/** The engine-specific tokens, each with a pattern that finds it in SQL text. */
const TOKENS: [string, RegExp][] = [
  ['strftime', /\bstrftime\s*\(/i],
  ['epoch_ms', /\bepoch_ms\s*\(/i],
  ['date_trunc', /\bdate_trunc\s*\(/i],
  ['isodow', /\bisodow\s*\(/i],
  ['arg_max', /\barg_max\s*\(/i],
  ['quantile_cont', /\bquantile_cont\s*\(/i],
  ['GROUP BY ALL', /\bGROUP\s+BY\s+ALL\b/i],
  ['integer division //', /\/\//],
  ['typed NULL', /\bNULL\s*::/i],
  ['UTINYINT', /\bUTINYINT\b/i],
  ['USMALLINT', /\bUSMALLINT\b/i],
  ['ENUM', /\bENUM\b/],
  ['hash()', /\bhash\s*\(/i],
  ['rowid', /\browid\b/i],
  ['date_diff', /\bdate_?diff\s*\(/i],
  ['make_date', /\bmake_?date\s*\(/i],
  ['fdiv', /\bfdiv\s*\(/i],
  ['TEMP table or view', /\bCREATE\s+(OR\s+REPLACE\s+)?TEMP(ORARY)?\b/i],
  ['VALUES list', /\bVALUES\b/],
  ['list_contains', /\blist_contains\s*\(/i],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

/** The text of every string and template literal part in a TypeScript file. */
function literals(file: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard);
  scanner.setText(readFileSync(file, 'utf8'));
  const texts: string[] = [];
  const braces: ('code' | 'template')[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken;) {
    if (token === ts.SyntaxKind.OpenBraceToken) braces.push('code');
    if (token === ts.SyntaxKind.CloseBraceToken && braces.pop() === 'template') {
      token = scanner.reScanTemplateToken(false);
    }
    switch (token) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TemplateTail:
        texts.push(scanner.getTokenValue());
        break;
      case ts.SyntaxKind.TemplateHead:
      case ts.SyntaxKind.TemplateMiddle:
        texts.push(scanner.getTokenValue());
        braces.push('template');
        break;
    }
    token = scanner.scan();
  }
  return texts;
}

describe('the SQL dialect seam', () => {
  const files = sourceFiles(QUERIES);

  it('finds the query builders and their SQL', () => {
    expect(files.length).toBeGreaterThan(10);
    const all = files.flatMap(literals).join('\n');
    expect(all).toMatch(/SELECT/);
    expect(all).toMatch(/count\(\*\)/);
  });

  it('the scan sees the tokens where the dialect writes them', () => {
    const written = [
      duckdb.strftime('t', '%Y'),
      duckdb.epochMs('t'),
      duckdb.dateTrunc('day', 't'),
      duckdb.isoWeekday('t'),
      duckdb.argMax('a', 'b'),
      duckdb.quantileCont('x', 0.5),
      duckdb.groupByAll,
      duckdb.intDiv('a', 'b'),
      duckdb.nullOf('VARCHAR'),
      duckdb.uint8,
      duckdb.uint16,
      duckdb.createEnumType('e', 'SELECT 1'),
      duckdb.hash('x'),
      duckdb.rowId,
      duckdb.dateDiff('day', 'a', 'b'),
      duckdb.makeDate('y', 'm', 'd'),
      duckdb.floorDiv('a', 'b'),
      duckdb.createTempTable('t', 'SELECT 1'),
      duckdb.oneOf('x', "'a'"),
      // The dialect writes no VALUES list: builders write UNION ALL of SELECTs instead.
      'INSERT INTO t VALUES (1)',
    ].join('\n');
    for (const [name, pattern] of TOKENS) expect(written, name).toMatch(pattern);
  });

  it('the scan finds such tokens inside template literals (the test oracles write some)', () => {
    const oracle = literals(
      path.resolve(import.meta.dirname, '../helpers/oracles/base-table-queries.ts'),
    );
    const hits = TOKENS.filter(([, pattern]) => oracle.some((text) => pattern.test(text)));
    expect(hits.map(([name]) => name)).toEqual(['GROUP BY ALL', 'typed NULL', 'VALUES list']);
  });

  it.each(TOKENS)('no builder writes %s itself', (_name, pattern) => {
    const found = files.flatMap((file) =>
      literals(file)
        .filter((text) => pattern.test(text))
        .map((text) => `${path.relative(QUERIES, file)}: ${text.trim().slice(0, 80)}`),
    );
    expect(found).toEqual([]);
  });

  it('every registered builder writes ClickHouse SQL inside withDialect (none at module load)', () => {
    // Tokens ClickHouse itself accepts (GROUP BY ALL) are no sign of DuckDB SQL.
    const own = Object.values(clickhouse)
      .map((v) => (typeof v === 'function' ? v('a', 'b', 'c') : String(v)))
      .join('\n');
    const duckdbOnly = TOKENS.filter(([, pattern]) => !pattern.test(own));
    expect(duckdbOnly.map(([name]) => name)).toContain('epoch_ms');
    const found: string[] = [];
    for (const [name, entry] of Object.entries(BUILDERS)) {
      for (const args of entry.examples) {
        const { sql } = withDialect(clickhouse, () => buildCall({ builder: name, args }));
        for (const [token, pattern] of duckdbOnly)
          if (pattern.test(sql)) found.push(`${name}: ${token}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('withDialect is scoped: DuckDB again afterwards, also after a throw', () => {
    expect(withDialect(clickhouse, () => dialect.name)).toBe('clickhouse');
    expect(dialect.name).toBe('duckdb');
    expect(() =>
      withDialect(clickhouse, () => {
        throw new Error('x');
      }),
    ).toThrow('x');
    expect(dialect.epochMs('t')).toBe('epoch_ms(t)');
  });

  it('turns ? into typed ClickHouse query parameters, not inside quoted text', () => {
    const q = clickHouseQuery(
      `SELECT '?' AS q, "a?" FROM t WHERE x = ? AND y IN (?, ?) AND z = ?`,
      ["it's", 3, 2.5, null],
    );
    expect(q.sql).toBe(
      `SELECT '?' AS q, "a?" FROM t WHERE x = {p0:String} AND y IN ({p1:Int64}, {p2:Float64}) AND z = {p3:Nullable(String)}`,
    );
    expect(q.params).toEqual({ p0: "it's", p1: '3', p2: '2.5', p3: '\\N' });
    expect(() => clickHouseQuery('SELECT ?', [])).toThrow();
  });
});
