/**
 * Columns whose sample looks like categories are listed by their distinct values, all of
 * them in one pass (issue 27, item 2, at the speed of a million rows): each column is still
 * judged on its own, and a column with more distinct values than can be listed is tested
 * row by row, so personal data after a clean start is found either way. An id column
 * sets its codes aside first, which changes nothing about what is found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { couldCount } from '../../src/lib/data/import/personal-data-content';
import {
  candidateSql,
  CODE_SHAPE,
  columnCandidateSql,
} from '../../src/lib/data/import/personal-data-candidates';
import { scanPersonalData } from '../../src/lib/data/import/personal-data-scan';

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
  // 26,000 rows: categories in every column for the first 1,000 rows.
  await conn.exec(`CREATE TABLE probe AS SELECT CAST(i + 1 AS INTEGER) AS rn,
      ['afval', 'parkeren', 'jeugd'][i % 3 + 1] AS c0,
      CASE WHEN i < 1000 THEN ['BOA', 'Politie'][i % 2 + 1]
           ELSE 'persoon' || i || '@voorbeeld.nl' END AS c1,
      CASE WHEN i BETWEEN 3000 AND 3599 THEN '06-1234567' || (i % 10)
           ELSE ['waarschuwing', 'proces-verbaal'][i % 2 + 1] END AS c2,
      CASE WHEN i % 2 = 0 THEN '' ELSE 'Centrum' END AS c3
    FROM range(26000) t(i)`);
});
afterAll(() => conn.close());

const sampleOf = async (column: string) =>
  (
    await conn.query<{ v: string }>({
      sql: `SELECT ${column} AS v FROM probe WHERE rn <= 1000 ORDER BY rn`,
    })
  ).map((r) => r.v);

describe('the personal-data scan of columns that start as categories', () => {
  it('finds 25,000 distinct e-mail addresses and a block of phone numbers, leaves the rest', async () => {
    const columns = await Promise.all(
      ['soort', 'bron', 'afdoening', 'wijk'].map(async (header, index) => ({
        index,
        header,
        sample: await sampleOf(`c${index}`),
      })),
    );
    const findings = await scanPersonalData(conn, 'probe', columns, { judgedRows: 1000 });
    expect(findings.map((f) => [f.column, f.kind])).toEqual([
      ['bron', 'e-mailadres'],
      ['afdoening', 'telefoonnummer'],
    ]);
    const afdoening = findings.find((f) => f.column === 'afdoening')!;
    expect(afdoening.reason).toMatch(/rij (2501|3001)–/);
  });
});

describe('the same scan over typed rows (a Parquet or Arrow file)', () => {
  it('groups the typed columns and finds what the text view holds', async () => {
    // As stage.ts stages a typed file: the typed rows, and a view that casts them to text.
    await conn.exec(`CREATE TABLE probe_typed AS SELECT rn, c0,
        CASE WHEN rn <= 1000 THEN 7 ELSE 100000000 + rn * 11 END AS c1, c2 FROM probe`);
    await conn.exec(`CREATE VIEW probe_text AS SELECT rn, CAST(c0 AS VARCHAR) AS c0,
        CAST(c1 AS VARCHAR) AS c1, CAST(c2 AS VARCHAR) AS c2 FROM probe_typed`);
    const sample = async (column: string) =>
      (
        await conn.query<{ v: string }>({
          sql: `SELECT ${column} AS v FROM probe_text WHERE rn <= 1000 ORDER BY rn`,
        })
      ).map((r) => r.v);
    const columns = [
      { index: 0, header: 'soort', sample: await sample('c0') },
      { index: 1, header: 'kenmerk', sample: await sample('c1') },
      { index: 2, header: 'afdoening', sample: await sample('c2') },
    ];
    const typed = await scanPersonalData(conn, 'probe_text', columns, {
      judgedRows: 1000,
      typedSource: 'probe_typed',
    });
    const text = await scanPersonalData(conn, 'probe_text', columns, { judgedRows: 1000 });
    expect(typed).toEqual(text);
    expect(typed.map((f) => [f.column, f.kind])).toEqual([['afdoening', 'telefoonnummer']]);
  });
});

describe('the candidate test of a column of codes', () => {
  const judge = async (sql: string, values: string[]) =>
    conn.query<{ v: string; c: boolean }>({
      sql: `SELECT v, ${sql} AS c FROM (SELECT unnest(?::VARCHAR[]) AS v)`,
      params: [JSON.stringify(values)],
    });

  it('sets aside only codes that no test takes for a candidate', async () => {
    const codes = [
      'I0000001', 'A12345', 'AB12345', 'ABC12345678901', 'AB-12345', 'ABC-12345678901',
      'MLD_123456', 'xy99999', 'Q00000000001',
    ]; // prettier-ignore
    const rows = await judge(
      `regexp_full_match(v, '${CODE_SHAPE}') AS code, ${candidateSql('v')}`,
      codes,
    );
    expect(rows.map((r) => [r.v, (r as unknown as { code: boolean }).code, r.c])).toEqual(
      codes.map((v) => [v, true, false]),
    );
    expect(codes.filter(couldCount)).toEqual([]);
  });

  it('still admits every value couldCount admits in a column sampled as codes', async () => {
    const sample = Array.from({ length: 1000 }, (_, i) => `I${String(i).padStart(7, '0')}`);
    const values = [
      'AB1234', 'AB-12-CD', '12-ABC-3', 'NL91ABNA0417164300', '123456782', '123.456.782',
      '06-12345678', 'iemand@voorbeeld.nl', 'Piet Jansen', 'gesproken met Jansen',
      '2001-05-17', ' I0000001', 'I0000001 ', 'I00000001234567890123456789012345',
    ]; // prettier-ignore
    const rows = await judge(columnCandidateSql('v', sample), values);
    const missed = rows.filter((r) => couldCount(r.v) && !r.c).map((r) => r.v);
    expect(missed).toEqual([]);
    expect(rows.filter((r) => couldCount(r.v)).length).toBeGreaterThanOrEqual(10);
    expect(columnCandidateSql('v', sample)).not.toBe(candidateSql('v'));
  });
});
