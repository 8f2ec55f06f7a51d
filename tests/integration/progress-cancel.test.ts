/**
 * Annuleren in the real engine: an import of records or boundaries, a workspace restore,
 * making a publication and opening one at the start, cancelled at each of their steps,
 * leave every stored table (and the catalog) exactly as it was, and the same operation runs
 * fine straight after. From the final step on a cancel is refused and the operation
 * completes. A cancelled opening falls back to the last good version, else the demo.
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
  PUBLISHED_LOAD_STEPS,
  RESTORE_STEPS,
} from '../../src/lib/data/progress-steps';
import { buildPublication, type Publication } from '../../src/lib/data/publish';
import type { DatasetReader } from '../../src/lib/data/published';
import { loadDemo } from '../../src/lib/data/load-demo';
import { createMemorySnapshotStore, type SnapshotStore } from '../../src/lib/data/snapshot-store';
import {
  CANCELLED_OPENING,
  openPublished,
  PUBLISHED_SETTING,
  type PublishedOpening,
} from '../../src/lib/state/app/published-fallback';
import { datasetInfo, downloadPublished } from '../../src/lib/state/app/published-start';
import { DATA_DIR, directorySource, loadDemoInNode } from '../helpers/demo-node';
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

describe('opening a publication at the start', () => {
  const catalog = (db: Connector) =>
    db.query<{ name: string }>({
      sql: 'SELECT table_name AS name FROM information_schema.tables ORDER BY 1',
    });
  let publication: Publication;
  let manifestBytes: Uint8Array;
  const reader: DatasetReader = { read: async (p) => publication.files.get(p) ?? null };
  beforeAll(async () => {
    publication = await buildPublication(conn, { version: '2026-11 (1)' });
    manifestBytes = publication.files.get('manifest.json')!;
  });

  /** The app's start on the publication, cancelled at `at`, with `cache` as this browser's. */
  async function openCancelled(
    target: Connector,
    cache: SnapshotStore,
    at: string,
    within = false,
  ): Promise<PublishedOpening> {
    const cancel = cancelAt(PUBLISHED_LOAD_STEPS, at, within);
    const download = await downloadPublished(manifestBytes, false, cancel.progress, reader);
    const opening = await openPublished(target, download, cache, cancel.progress);
    expect(cancel.accepted, `${at} ${within}`).toBe(true);
    return opening;
  }

  it('cancelled at each step, leaves the open data and the catalog as they were', async () => {
    const target = await createNodeConnector();
    try {
      const loaded = await downloadPublished(manifestBytes, false, undefined, reader);
      expect(await openPublished(target, loaded, createMemorySnapshotStore())).toMatchObject({
        opened: 'published',
      });
      const before = { data: await tableHashes(target), tables: await catalog(target) };
      for (const [at, within] of [
        ['download', false],
        ['download', true],
        ['engine', false],
        ['load', false],
        ['load', true],
      ] as const) {
        const opening = await openCancelled(target, createMemorySnapshotStore(), at, within);
        expect(opening, `${at} ${within}`).toEqual({
          opened: 'none',
          warning: `${CANCELLED_OPENING} Er is in deze browser geen eerdere versie; de demogemeente Donderdeel is geladen.`,
        });
        expect({ data: await tableHashes(target), tables: await catalog(target) }).toEqual(before);
      }
      // The check for personal data is the final step: a cancel there is refused.
      const late = cancelAt(PUBLISHED_LOAD_STEPS, 'personal_data');
      const download = await downloadPublished(manifestBytes, false, late.progress, reader);
      const opening = await openPublished(
        target,
        download,
        createMemorySnapshotStore(),
        late.progress,
      );
      expect(late.accepted).toBe(false);
      expect(opening.opened).toBe('published');
      expect(await tableHashes(target)).toEqual(before.data);
    } finally {
      await target.close();
    }
  });

  it('cancelled in a fresh tab, opens the last good version cached in this browser and says so', async () => {
    const cached = await createNodeConnector();
    const fresh = await createNodeConnector();
    try {
      await initDatabase(cached);
      const cache = createMemorySnapshotStore();
      await cache.save(
        await takeSnapshot(cached, { [PUBLISHED_SETTING]: datasetInfo(publication.manifest) }),
      );
      const opening = await openCancelled(fresh, cache, 'load', true);
      expect(opening).toEqual({
        opened: 'cached',
        info: datasetInfo(publication.manifest),
        warning: `${CANCELLED_OPENING} De laatst goed geladen versie (2026-11 (1)) is geopend.`,
      });
      expect(await tableHashes(fresh)).toEqual(await tableHashes(cached));
      expect(await catalog(fresh)).toEqual(await catalog(cached));
    } finally {
      await cached.close();
      await fresh.close();
    }
  });

  it('cancelled in a fresh tab without a cached version, leaves an engine that loads the demo', async () => {
    const fresh = await createNodeConnector();
    try {
      const opening = await openCancelled(fresh, createMemorySnapshotStore(), 'load', true);
      expect(opening.opened).toBe('none');
      await loadDemo(fresh, directorySource(DATA_DIR));
      const demo = await loadDemoInNode();
      try {
        expect(await tableHashes(fresh)).toEqual(await tableHashes(demo));
        expect(await catalog(fresh)).toEqual(await catalog(demo));
      } finally {
        await demo.close();
      }
    } finally {
      await fresh.close();
    }
  });
});
