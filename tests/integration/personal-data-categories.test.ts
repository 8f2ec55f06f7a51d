/**
 * Columns whose sample looks like categories are listed by their distinct values, all of
 * them in one pass (issue 27, item 2, at the speed of a million rows): each column is still
 * judged on its own, and a column with more distinct values than can be listed is tested
 * row by row, so personal data after a clean start is found either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
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
