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
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { ImportError } from '../../src/lib/data/import/stage';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import { loadDemo } from '../../src/lib/data/load-demo';
import { buildPublication, type Publication } from '../../src/lib/data/publish';
import { sha256Hex } from '../../src/lib/data/sha256';
import {
  readVerified,
  replaceWithPublication,
  selectFiles,
  type DatasetReader,
} from '../../src/lib/data/published';
import { restoreSnapshot, takeSnapshot } from '../../src/lib/data/snapshot';
import { createMemorySnapshotStore } from '../../src/lib/data/snapshot-store';
import { openPublished, PUBLISHED_SETTING } from '../../src/lib/state/app/published-fallback';
import { datasetInfo, type DownloadedDataset } from '../../src/lib/state/app/published-start';
import { DATA_DIR, directorySource, loadDemoInNode } from '../helpers/demo-node';
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

describe('a saved workspace with a truncated table', () => {
  it('is refused naming the table; the open data stays and a whole one restores', async () => {
    const saved = await takeSnapshot(conn);
    const before = await tableHashes(conn);
    const whole = saved.tables.get('incidents')!;
    const tables = new Map(saved.tables).set('incidents', whole.subarray(0, whole.length >> 1));
    await expect(restoreSnapshot(conn, { ...saved, tables })).rejects.toThrow(
      'De werkruimte is beschadigd: tabel incidents is onvolledig: de gegevens houden halverwege op.',
    );
    expect(await tableHashes(conn)).toEqual(before);
    await restoreSnapshot(conn, saved);
    expect(await tableHashes(conn)).toEqual(before);
  });

  it('a table the engine cannot decode: the replaced connection took the transaction back', async () => {
    const saved = await takeSnapshot(conn);
    const before = await tableHashes(conn);
    const tables = new Map(saved.tables).set('visits', await fixture('damaged-header.arrow'));
    await expect(restoreSnapshot(conn, { ...saved, tables })).rejects.toThrow(
      'De werkruimte is beschadigd: tabel visits is onleesbaar.',
    );
    expect(await tableHashes(conn)).toEqual(before);
    await restoreSnapshot(conn, saved);
    expect(await tableHashes(conn)).toEqual(before);
  });
});

/** The publication with `meldingen-2025.arrow` cut in half and the manifest's checksum fitting it. */
async function truncatedPublication(good: Publication): Promise<Publication> {
  const files = new Map(good.files);
  const cut = files
    .get('meldingen-2025.arrow')!
    .slice(0, good.files.get('meldingen-2025.arrow')!.length >> 1);
  files.set('meldingen-2025.arrow', cut);
  const manifest = {
    ...good.manifest,
    files: await Promise.all(
      good.manifest.files.map(async (f) =>
        f.path === 'meldingen-2025.arrow'
          ? { ...f, bytes: cut.length, sha256: await sha256Hex(cut) }
          : f,
      ),
    ),
  };
  return { manifest, files };
}

/** What the app downloads at its start: every file, checked against the manifest. */
async function download(
  publication: Publication,
): Promise<Exclude<DownloadedDataset, { error: unknown }>> {
  const reader: DatasetReader = { read: async (p) => publication.files.get(p) ?? null };
  const files = selectFiles(publication.manifest);
  return { manifest: publication.manifest, files, contents: await readVerified(reader, files) };
}

const TRUNCATED_MELDINGEN =
  'Het bestand meldingen-2025.arrow van de gepubliceerde gegevens is onvolledig: de gegevens houden halverwege op.';

describe('a publication with a truncated file whose checksum matches', () => {
  let good: Publication;
  let truncated: Publication;
  let target: Connector;
  beforeAll(async () => {
    good = await buildPublication(conn, {
      version: '2026-11 (1)',
      now: new Date('2026-11-23T10:00:00Z'),
    });
    truncated = await truncatedPublication(good);
    target = await createNodeConnector();
  });
  afterAll(() => target.close());

  it('names that file, keeps the open data, and the next load works', async () => {
    const loaded = await download(good);
    await replaceWithPublication(target, loaded.files, loaded.contents);
    const before = await tableHashes(target);
    const bad = await download(truncated);
    await expect(replaceWithPublication(target, bad.files, bad.contents)).rejects.toThrow(
      TRUNCATED_MELDINGEN,
    );
    expect(await tableHashes(target)).toEqual(before);
    await replaceWithPublication(target, loaded.files, loaded.contents);
    expect(await tableHashes(target)).toEqual(before);
  });

  it('opens the last good version cached in this browser and says so', async () => {
    const cache = createMemorySnapshotStore();
    await cache.save(
      await takeSnapshot(target, { [PUBLISHED_SETTING]: datasetInfo(good.manifest) }),
    );
    const cachedData = await tableHashes(target);
    const fresh = await createNodeConnector();
    try {
      const opening = await openPublished(fresh, await download(truncated), cache);
      expect(opening).toEqual({
        opened: 'cached',
        info: datasetInfo(good.manifest),
        warning: `${TRUNCATED_MELDINGEN} De laatst goed geladen versie (2026-11 (1)) is geopend.`,
      });
      expect(await tableHashes(fresh)).toEqual(cachedData);
    } finally {
      await fresh.close();
    }
  });

  it('without a cached version, says so and leaves the engine able to load the demo', async () => {
    const fresh = await createNodeConnector();
    try {
      const opening = await openPublished(
        fresh,
        await download(truncated),
        createMemorySnapshotStore(),
      );
      expect(opening).toEqual({
        opened: 'none',
        warning: `${TRUNCATED_MELDINGEN} Er is in deze browser geen eerdere versie; de demogemeente Donderdeel is geladen.`,
      });
      await loadDemo(fresh, directorySource(DATA_DIR));
      const demo = await loadDemoInNode();
      try {
        expect(await tableHashes(fresh)).toEqual(await tableHashes(demo));
      } finally {
        await demo.close();
      }
    } finally {
      await fresh.close();
    }
  });
});
