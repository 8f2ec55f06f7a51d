/**
 * Two tabs, one stored workspace (issue 27, item 4): two engines stand for two tabs that
 * share one snapshot store. Whatever order they save in, with the shared lock or without
 * it, every row either tab imported is in the stored snapshot afterwards, and the tab that
 * was behind says it read the other's data in first.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import type { RecordKind } from '../../src/lib/data/import/column-mapping';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import { restoreSnapshot, takeSnapshot } from '../../src/lib/data/snapshot';
import {
  createMemorySnapshotStore,
  StaleSnapshotError,
  type SnapshotStore,
} from '../../src/lib/data/snapshot-store';
import {
  needsCatchUp,
  WorkspaceWriter,
  type ChangeHooks,
  type SaveLock,
} from '../../src/lib/data/workspace-writer';
import { loadDemoInNode } from '../helpers/demo-node';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

/** One browser tab: its own engine and settings, the shared store and lock. */
interface Tab {
  conn: Connector;
  writer: WorkspaceWriter;
  settings: Record<string, unknown>;
  hooks: ChangeHooks;
}

/** A lock shared by the tabs of one test, like navigator.locks in one browser profile. */
function createSharedLock(): SaveLock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

const withoutLock: SaveLock = (work) => work();

let demo: Connector;
let tabs: Connector[] = [];

beforeAll(async () => {
  demo = await loadDemoInNode();
  tabs = await Promise.all([createNodeConnector(), createNodeConnector()]);
});
afterAll(async () => {
  await demo?.close();
  for (const conn of tabs) await conn.close();
});

/** A store holding the demo as saved once, and two tabs that both started from it. */
async function twoTabs(lock: SaveLock): Promise<{ store: SnapshotStore; a: Tab; b: Tab }> {
  const store = createMemorySnapshotStore();
  await store.save(await takeSnapshot(demo, { profiles: [] }));
  const open = async (conn: Connector): Promise<Tab> => {
    const saved = (await store.load())!;
    await restoreSnapshot(conn, saved);
    const writer = new WorkspaceWriter({ store, lock });
    writer.adopt(saved.generation);
    const tab: Tab = {
      conn,
      writer,
      settings: saved.manifest.settings,
      hooks: {
        settings: () => tab.settings,
        adopted: (snapshot) => (tab.settings = snapshot.manifest.settings),
      },
    };
    return tab;
  };
  return { store, a: await open(tabs[0]), b: await open(tabs[1]) };
}

async function importFixture(tab: Tab, kind: RecordKind, file: string): Promise<number> {
  const bytes = new Uint8Array(await readFile(path.join(FIXTURES, file)));
  const prepared = await prepareImport(tab.conn, kind, file, bytes, { duplicates: 'skip' });
  const report = await runImport(tab.conn, prepared, { dataset: file });
  return report.rows.accepted;
}

/** A change as the app makes it: an import plus a profile named after the file. */
const importChange = (tab: Tab, kind: RecordKind, file: string) => async () => {
  const accepted = await importFixture(tab, kind, file);
  const profiles = (tab.settings.profiles as string[]) ?? [];
  tab.settings = { ...tab.settings, profiles: [...profiles, file] };
  return accepted;
};

async function storedCounts(store: SnapshotStore) {
  const saved = (await store.load())!;
  return { ...saved.manifest.tables, profiles: saved.manifest.settings.profiles };
}

const demoCount = async (table: string) =>
  (await demo.query<{ n: number }>({ sql: `SELECT count(*) AS n FROM ${table}` }))[0].n;

describe('the generation check', () => {
  it('asks for a catch-up only when the stored generation moved on', () => {
    expect(needsCatchUp(3, 3)).toBe(false);
    expect(needsCatchUp(3, 4)).toBe(true);
    expect(needsCatchUp(0, 2)).toBe(true);
  });

  it('refuses a save that expects an older generation, and counts clears', async () => {
    const store = createMemorySnapshotStore();
    const snapshot = await takeSnapshot(demo);
    expect(await store.save(snapshot, 0)).toBe(1);
    expect(await store.save(snapshot, 1)).toBe(2);
    await expect(store.save(snapshot, 1)).rejects.toBeInstanceOf(StaleSnapshotError);
    expect(await store.generation()).toBe(2);
    await store.clear();
    expect(await store.generation()).toBe(3);
    expect(await store.load()).toBeNull();
  });
});

describe.each([
  ['with the shared lock', createSharedLock],
  ['without a lock (insecure context)', () => withoutLock],
])('two tabs saving one after the other, %s', (_, lock) => {
  it('keeps the rows of both imports; the stale tab reads the other one in first', async () => {
    const { store, a, b } = await twoTabs(lock());
    const first = await a.writer.commit(
      a.conn,
      importChange(a, 'incidents', 'incidenten-rd-1252.csv'),
      a.hooks,
    );
    expect(first).toEqual({ value: 6, caughtUp: false, saveError: null });

    const second = await b.writer.commit(
      b.conn,
      importChange(b, 'meldingen', 'signalen-meldingen.csv'),
      b.hooks,
    );
    expect(second).toEqual({ value: 6, caughtUp: true, saveError: null });
    expect(await storedCounts(store)).toMatchObject({
      incidents: (await demoCount('incidents')) + 6,
      meldingen: (await demoCount('meldingen')) + 6,
      profiles: ['incidenten-rd-1252.csv', 'signalen-meldingen.csv'],
    });
    // The tab that was behind now holds exactly what is stored.
    const [{ n }] = await b.conn.query<{ n: number }>({
      sql: 'SELECT count(*) AS n FROM incidents',
    });
    expect(n).toBe((await demoCount('incidents')) + 6);
  });
});

describe('two tabs saving at the same time', () => {
  it('without a lock, the slower tab loses the race, reads in and applies its import again', async () => {
    const { store, a, b } = await twoTabs(withoutLock);
    let release!: () => void;
    const aSaved = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const slow = importChange(b, 'meldingen', 'signalen-meldingen.csv');
    // B checks the generation before A saves and writes after it.
    const bDone = b.writer.commit(
      b.conn,
      async () => {
        if (runs++ === 0) await aSaved;
        return slow();
      },
      b.hooks,
    );
    await a.writer.commit(a.conn, importChange(a, 'incidents', 'incidenten-rd-1252.csv'), a.hooks);
    release();
    expect(await bDone).toEqual({ value: 6, caughtUp: true, saveError: null });
    expect(runs).toBe(2);
    expect(await storedCounts(store)).toMatchObject({
      incidents: (await demoCount('incidents')) + 6,
      meldingen: (await demoCount('meldingen')) + 6,
      profiles: ['incidenten-rd-1252.csv', 'signalen-meldingen.csv'],
    });
  });

  it('with the lock, the second tab waits for the first and never races', async () => {
    const { store, a, b } = await twoTabs(createSharedLock());
    const [first, second] = await Promise.all([
      a.writer.commit(a.conn, importChange(a, 'incidents', 'incidenten-rd-1252.csv'), a.hooks),
      b.writer.commit(b.conn, importChange(b, 'meldingen', 'signalen-meldingen.csv'), b.hooks),
    ]);
    expect([first.caughtUp, second.caughtUp]).toEqual([false, true]);
    expect(await store.generation()).toBe(3);
    expect(await storedCounts(store)).toMatchObject({
      incidents: (await demoCount('incidents')) + 6,
      meldingen: (await demoCount('meldingen')) + 6,
    });
  });
});
