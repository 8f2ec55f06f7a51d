/**
 * The engine survives a bad Arrow file: a truncated or damaged stream is refused in Dutch,
 * and the next import or load works with all its rows while the stored data stays as it
 * was. A publication whose checksum matches a truncated file names that file and falls
 * back to the last good version cached in the browser, else to the demo. Files:
 * tests/fixtures/import/hostile/ (README.md there says how each was made).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { ImportError } from '../../src/lib/data/import/stage';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import { loadDemoInNode } from '../helpers/demo-node';
import { tableHashes } from '../helpers/table-hashes';

const HOSTILE = path.resolve(import.meta.dirname, '../fixtures/import/hostile');
const fixture = async (name: string) => new Uint8Array(await readFile(path.join(HOSTILE, name)));

let conn: Connector;
beforeAll(async () => {
  conn = await loadDemoInNode();
});
afterAll(() => conn.close());

/** Imports a fixture of three visits as dataset `dataset`, replacing earlier ones. */
async function importVisits(file: string, dataset: string) {
  const prepared = await prepareImport(conn, 'visits', file, await fixture(file), {
    duplicates: 'replace',
  });
  expect(prepared.staged.rowCount).toBe(3);
  return runImport(conn, prepared, { dataset });
}

describe('an Arrow import that fails', () => {
  it('refuses a truncated file in Dutch; the next import stores every row, the rest stays', async () => {
    const before = await tableHashes(conn);
    const attempt = prepareImport(conn, 'visits', 'kapot.arrow', await fixture('truncated.arrow'));
    await expect(attempt).rejects.toBeInstanceOf(ImportError);
    await expect(attempt).rejects.toThrow(
      'Het Arrow-bestand is onvolledig: de gegevens houden halverwege op.',
    );
    expect(await tableHashes(conn)).toEqual(before);

    const report = await importVisits('visits.arrow', 'na-kapot');
    expect(report.rows).toEqual({ total: 3, accepted: 3, rejected: 0 });
    const stored = await conn.query<{ id: string }>({
      sql: "SELECT id FROM visits WHERE dataset = 'na-kapot' ORDER BY id",
    });
    expect(stored.map((r) => r.id)).toEqual(['B-1', 'B-2', 'B-3']);
    const after = await tableHashes(conn);
    const [visitsBefore] = before.visits as { n: number }[];
    expect(after.visits).toEqual([expect.objectContaining({ n: visitsBefore.n + 3 })]);
    expect({ ...after, visits: null }).toEqual({ ...before, visits: null });
  });

  it('refuses a file the engine cannot decode; the connection it poisoned is replaced', async () => {
    const attempt = prepareImport(
      conn,
      'visits',
      'kapot.arrow',
      await fixture('damaged-header.arrow'),
    );
    await expect(attempt).rejects.toThrow('Het Arrow-bestand is onleesbaar.');
    const report = await importVisits('visits.arrow', 'na-beschadigd');
    expect(report.rows).toEqual({ total: 3, accepted: 3, rejected: 0 });
  });

  it('imports a whole stream whose writer left the end marker out', async () => {
    const report = await importVisits('no-end-marker.arrow', 'zonder-einde');
    expect(report.rows).toEqual({ total: 3, accepted: 3, rejected: 0 });
  });
});
