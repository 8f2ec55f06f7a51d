/**
 * Issue 27: files written to attack the analyst's own tools. The inputs are fixtures in
 * tests/fixtures/import/hostile (README there).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import { rejectedRowsCsv } from '../../src/lib/data/import/rejected-rows';
import { loadDemoInNode } from '../helpers/demo-node';

const HOSTILE = path.resolve(import.meta.dirname, '../fixtures/import/hostile');
const fixture = async (name: string) => new Uint8Array(await readFile(path.join(HOSTILE, name)));

let conn: Connector;
beforeAll(async () => {
  conn = await loadDemoInNode();
});
afterAll(() => conn.close());

describe('formulas in an export come back as text in the rejected-rows download (item 5)', () => {
  it('prefixes every formula with an apostrophe and keeps numbers as they were', async () => {
    const prepared = await prepareImport(
      conn,
      'incidents',
      'formules.csv',
      await fixture('formules.csv'),
    );
    const report = await runImport(conn, prepared, { dataset: 'formules', commit: false });
    expect(report.rows).toEqual({ total: 5, accepted: 0, rejected: 5 });
    const csv = await rejectedRowsCsv(conn, prepared.staged, prepared.plan);
    const fields = csv
      .replace('\ufeff', '')
      .trim()
      .split('\r\n')
      .flatMap((line) => line.match(/("([^"]|"")*"|[^;]*)(?=;|$)/g) ?? [])
      .map((f) => (f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f))
      .filter((f) => f !== '');
    const formulas = fields.filter((f) => /^[=+@-]/.test(f) && !/^-?\d+(,\d+)?$/.test(f));
    expect(formulas).toEqual([]);
    expect(fields).toContain(`'=HYPERLINK("http://voorbeeld.invalid";"klik")`);
    expect(fields).toContain("'=1+1");
    expect(fields).toContain("'+cmd|' /C calc'!A0");
    expect(fields).toContain("'@SUM(A1:A2)");
    expect(fields).toContain("'-1+1");
    expect(fields).toContain('-1,5');
  });
});
