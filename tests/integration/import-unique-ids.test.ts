/**
 * A file whose ids never repeat (the id check counted none) is decided without grouping
 * its rows by id again: only the ids stored already are looked up. What the analyst sees
 * stays the same: rows stored before are skipped or replaced, new ones stored, and a
 * rejected row does not count as stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import type { ImportReport } from '../../src/lib/data/import/report';
import { loadDemoInNode } from '../helpers/demo-node';

let conn: Connector;
beforeAll(async () => {
  conn = await loadDemoInNode();
});
afterAll(() => conn.close());

/** Incidents in Donderdeel, one per `[id, category]`; `bad` gets unreadable coordinates. */
function csv(rows: [string, string][], bad?: string): Uint8Array {
  const lines = ['registratienummer,datum,thema,feit,lengtegraad,breedtegraad'];
  for (const [i, [id, category]] of rows.entries()) {
    const lon = id === bad ? 'abc' : (6.2 + i * 0.005).toFixed(6);
    lines.push(`${id},2025-03-0${1 + (i % 9)} 10:15,jeugd,${category},${lon},52.055${i}`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

const reasonCounts = (report: ImportReport) =>
  Object.fromEntries(report.reasons.map((r) => [r.reason, r.count]));

const stored = (ids: string[]) =>
  conn.query<{ id: string; category: string; dataset: string }>({
    sql: `SELECT id, category, dataset FROM incidents WHERE id IN (SELECT unnest(?::VARCHAR[]))
          ORDER BY id`,
    params: [JSON.stringify(ids)],
  });

describe('a file without repeated ids, imported again with some new rows', () => {
  const first: [string, string][] = [
    ['UQ-1', 'drugsoverlast'],
    ['UQ-2', 'drugsoverlast'],
    ['UQ-3', 'vernieling'],
    ['UQ-4', 'vernieling'],
  ];
  const second: [string, string][] = [
    ['UQ-2', 'samenscholing'],
    ['UQ-3', 'samenscholing'],
    ['UQ-5', 'samenscholing'],
    ['UQ-6', 'samenscholing'],
  ];

  it('stores every readable row the first time, the rejected one not', async () => {
    const prepared = await prepareImport(conn, 'incidents', 'uniek.csv', csv(first, 'UQ-4'));
    expect(prepared.idCheck.repeatedRows).toBe(0);
    const report = await runImport(conn, prepared, { dataset: 'uniek-1' });
    expect(report.rows).toEqual({ total: 4, accepted: 3, rejected: 1 });
    expect(report.duplicates).toMatchObject({ inFile: 0, existing: 0 });
    expect((await stored(['UQ-1', 'UQ-2', 'UQ-3', 'UQ-4'])).map((r) => r.id)).toEqual([
      'UQ-1',
      'UQ-2',
      'UQ-3',
    ]);
  });

  it('skips the rows stored already and stores the new ones', async () => {
    const prepared = await prepareImport(conn, 'incidents', 'uniek.csv', csv(second));
    const report = await runImport(conn, prepared, { dataset: 'uniek-2' });
    expect(report.rows).toEqual({ total: 4, accepted: 2, rejected: 2 });
    expect(report.duplicates).toMatchObject({ inFile: 0, existing: 2 });
    expect(reasonCounts(report)).toEqual({ 'Registratienummer bestaat al (overgeslagen)': 2 });
    expect(await stored(['UQ-2', 'UQ-3', 'UQ-5', 'UQ-6'])).toEqual([
      { id: 'UQ-2', category: 'drugsoverlast', dataset: 'uniek-1' },
      { id: 'UQ-3', category: 'vernieling', dataset: 'uniek-1' },
      { id: 'UQ-5', category: 'samenscholing', dataset: 'uniek-2' },
      { id: 'UQ-6', category: 'samenscholing', dataset: 'uniek-2' },
    ]);
  });

  it('replaces the rows stored already when asked, leaving one row per id', async () => {
    const prepared = await prepareImport(conn, 'incidents', 'uniek.csv', csv(second), {
      duplicates: 'replace',
    });
    const report = await runImport(conn, prepared, { dataset: 'uniek-3' });
    expect(report.rows).toEqual({ total: 4, accepted: 4, rejected: 0 });
    expect(report.duplicates).toMatchObject({ inFile: 0, existing: 4 });
    const rows = await stored(['UQ-1', 'UQ-2', 'UQ-3', 'UQ-5', 'UQ-6']);
    expect(rows.map((r) => [r.id, r.category])).toEqual([
      ['UQ-1', 'drugsoverlast'],
      ['UQ-2', 'samenscholing'],
      ['UQ-3', 'samenscholing'],
      ['UQ-5', 'samenscholing'],
      ['UQ-6', 'samenscholing'],
    ]);
    expect(new Set(rows.map((r) => r.dataset))).toEqual(new Set(['uniek-1', 'uniek-3']));
  });
});

/**
 * Sorted exports are proven unique by comparing each id with the previous row's; any row
 * out of order, an empty id or a repeat sends the file to the full count, so a repeat is
 * never missed — also not one that an empty id or a blank around the id hides.
 */
describe('the id check on sorted and unsorted files', () => {
  const check = async (ids: string[]) => {
    const rows = ids.map((id, i): [string, string] => [id, `soort${i}`]);
    const prepared = await prepareImport(conn, 'incidents', 'volgorde.csv', csv(rows));
    return prepared.idCheck;
  };

  it('finds no repeat in ids sorted as text', async () => {
    expect(await check(['S-001', 'S-002', 'S-010', 'S-011'])).toMatchObject({ repeatedRows: 0 });
  });

  it('finds the repeat where a sorted file repeats its last id', async () => {
    expect(await check(['S-001', 'S-002', 'S-003', 'S-003'])).toMatchObject({ repeatedRows: 1 });
  });

  it('finds a repeat separated by an empty id', async () => {
    expect(await check(['S-001', 'S-002', '', 'S-002', 'S-004'])).toMatchObject({
      repeatedRows: 1,
    });
  });

  it('finds a repeat of an id written with a blank before it', async () => {
    expect(await check(['"  S-002"', 'S-002', 'S-003'])).toMatchObject({ repeatedRows: 1 });
  });

  it('finds the repeats in an unsorted file', async () => {
    expect(await check(['S-009', 'S-001', 'S-005', 'S-001', 'S-009'])).toMatchObject({
      repeatedRows: 2,
    });
  });
});
