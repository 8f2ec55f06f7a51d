/**
 * Annuleren in the real engine: an import of records or boundaries, a workspace restore and
 * a publication cancelled at each of their steps leave every stored table exactly as it
 * was, and the same operation runs fine straight after. From the final step on a cancel is
 * refused and the operation completes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { importAreas } from '../../src/lib/data/import/areas';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import { CancelledError, StepProgress, type StepDef } from '../../src/lib/data/progress';
import {
  AREA_STEPS,
  IMPORT_STEPS,
  PREPARE_STEPS,
  PUBLISH_STEPS,
  RESTORE_STEPS,
} from '../../src/lib/data/progress-steps';
import { buildPublication } from '../../src/lib/data/publish';
import { restoreSnapshot, takeSnapshot } from '../../src/lib/data/snapshot';
import { decodeWorkspace, encodeWorkspace } from '../../src/lib/data/workspace-file';
import { tableHashes } from '../helpers/table-hashes';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/import');
const read = async (file: string) => new Uint8Array(await readFile(file));
const MELDINGEN = 'meldingen-xy-verwisseld.csv';

let conn: Connector;

/**
 * A progress that cancels when `at` starts; `accepted` tells whether the cancel was taken.
 * With `within`, the cancel comes at the step's first measured part instead (a loop).
 */
function cancelAt(steps: readonly StepDef[], at: string, within = false) {
  const result = { accepted: null as boolean | null, progress: null as unknown as StepProgress };
  result.progress = new StepProgress(steps, {
    hold: (step) => {
      if (step === at && !within) result.accepted = result.progress.cancel();
    },
    onChange: (view) => {
      const running = view.steps[view.current];
      if (within && running?.id === at && view.fraction !== null && result.accepted === null) {
        result.accepted = result.progress.cancel();
      }
    },
  });
  return result;
}

beforeAll(async () => {
  conn = await createNodeConnector();
  await initDatabase(conn);
  for (const file of ['gemeente.geojson', 'wijken.geojson', 'buurten.geojson']) {
    await importAreas(conn, file, await read(path.join(ROOT, 'data', file)), 'gebieden');
  }
  // The earlier data a cancelled import must leave alone.
  const earlier = await prepareImport(
    conn,
    'incidents',
    'rd.csv',
    await read(path.join(FIXTURES, 'incidenten-rd-1252.csv')),
  );
  await runImport(conn, earlier, { dataset: 'eerder' });
});
afterAll(() => conn.close());

describe('a record import', () => {
  it('cancelled while the file is read, at each step, changes nothing; reading again works', async () => {
    const before = await tableHashes(conn);
    const bytes = await read(path.join(FIXTURES, MELDINGEN));
    for (const { id } of PREPARE_STEPS) {
      const { progress, accepted } = cancelAt(PREPARE_STEPS, id);
      await expect(
        prepareImport(conn, 'meldingen', MELDINGEN, bytes, { progress }),
        id,
      ).rejects.toBeInstanceOf(CancelledError);
      expect(accepted).not.toBe(false);
      expect(await tableHashes(conn)).toEqual(before);
    }
    const prepared = await prepareImport(conn, 'meldingen', MELDINGEN, bytes);
    expect(prepared.staged.rowCount).toBe(7);
  });

  it('cancelled at each step before the save leaves the tables unchanged; then it imports', async () => {
    const bytes = await read(path.join(FIXTURES, MELDINGEN));
    const prepared = await prepareImport(conn, 'meldingen', MELDINGEN, bytes);
    const expected = await runImport(conn, prepared, { dataset: 'xy', commit: false });
    expect(expected.rows).toEqual({ total: 7, accepted: 6, rejected: 1 });
    const before = await tableHashes(conn);
    for (const { id } of IMPORT_STEPS.filter((s) => !s.final)) {
      const { progress } = cancelAt(IMPORT_STEPS, id);
      await expect(runImport(conn, prepared, { dataset: 'xy', progress }), id).rejects.toThrow(
        CancelledError,
      );
      expect(await tableHashes(conn), id).toEqual(before);
    }
    const report = await runImport(conn, prepared, { dataset: 'xy' });
    expect(report.rows).toEqual(expected.rows);
    const [{ n }] = await conn.query<{ n: number }>({
      sql: "SELECT count(*)::INTEGER AS n FROM meldingen WHERE dataset = 'xy'",
    });
    expect(n).toBe(6);
  });

  it('refuses a cancel at the save: the rows land', async () => {
    const bytes = await read(path.join(FIXTURES, MELDINGEN));
    const prepared = await prepareImport(conn, 'meldingen', MELDINGEN, bytes);
    prepared.plan = { ...prepared.plan, duplicates: 'replace' };
    const cancel = cancelAt(IMPORT_STEPS, 'save');
    const report = await runImport(conn, prepared, { dataset: 'xy2', progress: cancel.progress });
    expect(cancel.accepted).toBe(false);
    expect(report.committed).toBe(true);
    const [{ n }] = await conn.query<{ n: number }>({
      sql: "SELECT count(*)::INTEGER AS n FROM meldingen WHERE dataset = 'xy2'",
    });
    expect(n).toBe(6);
  });
});

describe('a boundary import', () => {
  it('cancelled at each step inside its transaction leaves areas and records unchanged', async () => {
    const before = await tableHashes(conn);
    const bytes = await read(path.join(ROOT, 'data', 'buurten.geojson'));
    for (const { id } of AREA_STEPS.filter((s) => !s.final)) {
      const { progress } = cancelAt(AREA_STEPS, id);
      await expect(
        importAreas(conn, 'buurten.geojson', bytes, 'nieuw', { progress }),
        id,
      ).rejects.toThrow(CancelledError);
      expect(await tableHashes(conn), id).toEqual(before);
    }
    // Inside the loop over the record tables.
    const within = cancelAt(AREA_STEPS, 'assign', true);
    await expect(
      importAreas(conn, 'buurten.geojson', bytes, 'nieuw', { progress: within.progress }),
    ).rejects.toThrow(CancelledError);
    expect(within.accepted).toBe(true);
    expect(await tableHashes(conn)).toEqual(before);
  });
});

describe('a workspace restore', () => {
  it('cancelled while checking the file, replacing tables or scanning, changes nothing', async () => {
    const emptied = await createNodeConnector();
    try {
      await initDatabase(emptied);
      const file = await encodeWorkspace(await takeSnapshot(emptied));
      const before = await tableHashes(conn);
      const check = cancelAt(RESTORE_STEPS, 'check');
      await expect(decodeWorkspace(file, check.progress)).rejects.toThrow(CancelledError);
      const snapshot = await decodeWorkspace(file);
      for (const [at, within] of [
        ['tables', false],
        ['tables', true],
        ['personal_data', false],
        ['personal_data', true],
      ] as const) {
        const { progress, accepted } = cancelAt(RESTORE_STEPS, at, within);
        await expect(restoreSnapshot(conn, snapshot, { progress }), at).rejects.toThrow(
          CancelledError,
        );
        expect(accepted).not.toBe(false);
        expect(await tableHashes(conn), `${at} ${within}`).toEqual(before);
      }
      const late = cancelAt(RESTORE_STEPS, 'save');
      await restoreSnapshot(conn, snapshot, { progress: late.progress });
      expect(late.accepted).toBe(false);
      expect(await tableHashes(conn)).toEqual(await tableHashes(emptied));
    } finally {
      await emptied.close();
    }
  });
});

describe('making a publication', () => {
  it('stops when cancelled at a step or between tables', async () => {
    for (const [at, within] of [
      ['records', true],
      ['reference', false],
    ] as const) {
      const { progress } = cancelAt(PUBLISH_STEPS, at, within);
      await expect(buildPublication(conn, { progress }), at).rejects.toThrow(CancelledError);
    }
    const progress = new StepProgress(PUBLISH_STEPS);
    const publication = await buildPublication(conn, { progress });
    expect(publication.files.has('manifest.json')).toBe(true);
    expect(progress.view.steps.map((s) => s.state)).toEqual(['klaar', 'bezig', 'wacht', 'wacht']);
  });
});
