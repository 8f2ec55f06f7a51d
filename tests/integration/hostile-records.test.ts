/**
 * Issue 27, item 12: record files whose coordinates, quotes or bytes are broken. Every line
 * of a file is either stored or listed as rejected with a Dutch reason (accepted +
 * rejected = records in the file). Fixtures: tests/fixtures/import/hostile (README there).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import { rejectedRowsCsv } from '../../src/lib/data/import/rejected-rows';
import { ImportError } from '../../src/lib/data/import/stage';

const HOSTILE = path.resolve(import.meta.dirname, '../fixtures/import/hostile');
const fixture = async (name: string) => new Uint8Array(await readFile(path.join(HOSTILE, name)));

let conn: Connector;
beforeAll(async () => {
  const { loadDemoInNode } = await import('../helpers/demo-node');
  conn = await loadDemoInNode();
});
afterAll(() => conn.close());

async function importFixture(name: string) {
  const prepared = await prepareImport(conn, 'incidents', name, await fixture(name));
  const report = await runImport(conn, prepared, { dataset: name, commit: false });
  return { prepared, report };
}

/** The ids of the rows the import would store. */
async function acceptedIds(): Promise<string[]> {
  const rows = await conn.query<{ id: string }>({
    sql: 'SELECT id FROM import_final WHERE reason_final IS NULL ORDER BY rn',
  });
  return rows.map((r) => r.id);
}

describe('unreadable coordinates are "onleesbaar", never "buiten de gemeente"', () => {
  it('rejects NaN, Infinity, -Infinity and 1e999 in a CSV', async () => {
    const { report } = await importFixture('coordinaten-onleesbaar.csv');
    expect(report.rows).toEqual({ total: 20, accepted: 13, rejected: 7 });
    expect(report.reasons).toEqual([{ reason: 'Coördinaten onleesbaar', count: 7 }]);
  });

  it('rejects strings, null, a missing element and 1e999 in GeoJSON points', async () => {
    const { report } = await importFixture('punten-onleesbaar.geojson');
    expect(report.rows).toEqual({ total: 8, accepted: 3, rejected: 5 });
    expect(report.reasons).toEqual([{ reason: 'Coördinaten onleesbaar', count: 5 }]);
    expect(await acceptedIds()).toEqual(['G0001', 'G0007', 'G0008']);
  });
});

describe('an unclosed quote rejects its own line only', () => {
  it('reads the lines after it as records and counts every line of the file', async () => {
    const { prepared, report } = await importFixture('aanhalingsteken-open.csv');
    expect(report.rows).toEqual({ total: 10, accepted: 9, rejected: 1 });
    expect(report.reasons).toEqual([{ reason: 'Aanhalingsteken niet afgesloten', count: 1 }]);
    expect(prepared.staged.structureRejects).toEqual([
      {
        record: 4,
        reason: 'Aanhalingsteken niet afgesloten',
        raw: 'R0004,2026-05-05 04:04,"vernieling,waarschuwing,6.21808,52.05468',
      },
    ]);
    expect(await acceptedIds()).toEqual(
      [1, 2, 3, 5, 6, 7, 8, 9, 10].map((i) => `R${String(i).padStart(4, '0')}`),
    );
    const [{ category }] = await conn.query<{ category: string }>({
      sql: `SELECT category FROM import_final WHERE id = 'R0008'`,
    });
    expect(category).toBe('vernieling, graffiti');
  });
});

describe('a NUL byte rejects its line, early in the file or late', () => {
  it.each([
    ['nul-vroeg.csv', 2],
    ['nul-laat.csv', 299],
  ])('%s: record %i rejected, the other 299 stored', async (name, record) => {
    const { prepared, report } = await importFixture(name);
    expect(report.rows).toEqual({ total: 300, accepted: 299, rejected: 1 });
    expect(report.reasons).toEqual([{ reason: 'Ongeldige tekens (NUL) in de regel', count: 1 }]);
    expect(prepared.staged.structureRejects.map((r) => r.record)).toEqual([record]);
    const ids = await acceptedIds();
    expect(ids).toHaveLength(299);
    expect(ids).not.toContain(`R${String(record).padStart(4, '0')}`);
  });
});

describe('several broken lines in one file keep their own line numbers', () => {
  it('rejects two unclosed quotes, a NUL and a short line, and stores the rest', async () => {
    const line = (i: number, feit = 'vernieling') =>
      `R${i},2026-03-0${(i % 9) + 1} 10:00,${feit},waarschuwing,6.19251,52.06491`;
    const lines = ['registratienummer,datum,feit,afdoening,lengtegraad,breedtegraad'];
    for (let i = 1; i <= 13; i++) {
      if (i === 3) lines.push(line(i, '"open'));
      else if (i === 6) lines.push(line(i, 'x"y'));
      else if (i === 7) lines.push(line(i, '"weer open'));
      else if (i === 9) lines.push(line(i, 'ver\0nieling'));
      else if (i === 11) lines.push('R11,2026-03-03 10:00');
      else if (i === 12) lines.push(line(i, 'vernieling').replace('6.19251', 'NaN'));
      else lines.push(line(i));
    }
    const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
    const prepared = await prepareImport(conn, 'incidents', 'gemengd.csv', bytes);
    const report = await runImport(conn, prepared, { dataset: 'gemengd', commit: false });
    expect(report.rows).toEqual({ total: 13, accepted: 8, rejected: 5 });
    expect(prepared.staged.structureRejects.map((r) => [r.record, r.reason])).toEqual([
      [3, 'Aanhalingsteken niet afgesloten'],
      [7, 'Aanhalingsteken niet afgesloten'],
      [9, 'Ongeldige tekens (NUL) in de regel'],
      [11, 'Te weinig kolommen in de regel'],
    ]);
    expect(await acceptedIds()).toEqual(['R1', 'R2', 'R4', 'R5', 'R6', 'R8', 'R10', 'R13']);
    // The download numbers the rejected records as the file does (record n: line n + 1).
    const csv = await rejectedRowsCsv(conn, prepared.staged, prepared.plan);
    const listed = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(';').slice(0, 2).join(' '));
    expect(listed).toEqual([
      '3 Aanhalingsteken niet afgesloten',
      '7 Aanhalingsteken niet afgesloten',
      '9 Ongeldige tekens (NUL) in de regel',
      '11 Te weinig kolommen in de regel',
      '12 Coördinaten onleesbaar',
    ]);
  });

  it('refuses a file whose header holds a NUL byte, with a Dutch message', async () => {
    const bytes = new TextEncoder().encode('registratie\0nummer,datum\nR1,2026-03-01\n');
    await expect(prepareImport(conn, 'incidents', 'kop.csv', bytes)).rejects.toThrow(ImportError);
    await expect(prepareImport(conn, 'incidents', 'kop.csv', bytes)).rejects.toThrow(/NUL/);
  });
});
