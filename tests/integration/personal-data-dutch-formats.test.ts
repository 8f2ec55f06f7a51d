/**
 * Issue 27, items 7 and 11, through the import: the hostile fixtures
 * (tests/fixtures/import/hostile/README.md) hold printed BSNs, phone numbers with dots,
 * names without tussenvoegsel and short notes under innocent headers, and vacancy dates
 * from 1988–2007 under `leeg_sinds`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import { loadDemoInNode } from '../helpers/demo-node';

const HOSTILE = path.resolve(import.meta.dirname, '../fixtures/import/hostile');
const fixture = async (name: string) => new Uint8Array(await readFile(path.join(HOSTILE, name)));

let conn: Connector;
beforeAll(async () => {
  conn = await loadDemoInNode();
});
afterAll(() => conn.close());

describe('Dutch formats of personal data (item 7)', () => {
  it('refuses each column, keeps categories and outcomes, and stores no personal value', async () => {
    const bytes = await fixture('persoonsgegevens-nederlandse-vormen.csv');
    const prepared = await prepareImport(conn, 'incidents', 'vormen.csv', bytes);
    const refused = Object.fromEntries(prepared.plan.refused.map((r) => [r.column, r.kind]));
    expect(refused).toEqual({
      kenmerk: 'bsn',
      bereikbaar: 'telefoonnummer',
      wie: 'naam',
      contact: 'vrije tekst',
      aantekening: 'vrije tekst',
    });
    const report = await runImport(conn, prepared, { dataset: 'vormen' });
    expect(report.rows.accepted).toBe(300);
    const stored = await conn.query<{ category: string; n: number }>({
      sql: `SELECT category, count(*) AS n FROM incidents WHERE dataset = 'vormen'
            GROUP BY category ORDER BY category`,
    });
    expect(stored.map((s) => s.category)).toContain('Overlast Bedrijven');
    const [{ personal }] = await conn.query<{ personal: number }>({
      sql: `SELECT count(*) AS personal FROM incidents WHERE dataset = 'vormen' AND (
              regexp_matches(concat_ws('|', id, category, outcome, source), '[0-9]{3}[ .-][0-9]{3}|06\\.|Dhr|Mevr|Jansen|Bakker'))`,
    });
    expect(personal).toBe(0);
  });
});

describe('vacancy dates (item 11)', () => {
  it('imports leeg_sinds from 1990–2007 as vacant_since, not refused as birth dates', async () => {
    const prepared = await prepareImport(
      conn,
      'buildings',
      'panden.csv',
      await fixture('panden-leeg-sinds.csv'),
    );
    expect(prepared.plan.refused).toEqual([]);
    const report = await runImport(conn, prepared, { dataset: 'leeg-sinds' });
    expect(report.reasons).toEqual([]);
    expect(report.rows.accepted).toBe(60);
    const [{ first, last }] = await conn.query<{ first: number; last: number }>({
      sql: `SELECT min(year(vacant_since)) AS first, max(year(vacant_since)) AS last
            FROM buildings WHERE dataset = 'leeg-sinds'`,
    });
    expect([first, last]).toEqual([1990, 2007]);
  });
});
