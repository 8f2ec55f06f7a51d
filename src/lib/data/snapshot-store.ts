/**
 * Where the browser keeps the database between sessions. IndexedDB writes the manifest and
 * every table in one transaction, so a crash mid-save keeps the previous snapshot whole.
 *
 * Every save and clear also counts up a generation, in the same transaction. Tabs of one
 * browser share the store but not their data: a tab compares the generation its data came
 * from with the stored one to learn that another tab saved since (workspace-writer.ts).
 */
import { idbRequest, withIdbStore } from './indexed-db';
import type { Snapshot, SnapshotManifest } from './snapshot';
import type { TableName } from './schema';
import { UserError } from './user-error';

/** A stored snapshot with the generation it was saved as. */
export interface StoredSnapshot extends Snapshot {
  generation: number;
}

export interface SnapshotStore {
  load(): Promise<StoredSnapshot | null>;
  /** The generation of the stored snapshot (0 before the first save). */
  generation(): Promise<number>;
  /**
   * Saves and returns the new generation. With `expected`, only when the stored generation
   * is still that one; otherwise nothing is written and StaleSnapshotError is thrown.
   */
  save(snapshot: Snapshot, expected?: number): Promise<number>;
  clear(): Promise<void>;
}

/** Another tab saved after the generation a save expected. */
export class StaleSnapshotError extends UserError {
  constructor(readonly stored: number) {
    super('Een ander tabblad heeft intussen gegevens opgeslagen.');
  }
}

/** In memory: for Node tests and scripts. */
export function createMemorySnapshotStore(): SnapshotStore {
  let stored: Snapshot | null = null;
  let generation = 0;
  return {
    load: async () => stored && { ...stored, tables: new Map(stored.tables), generation },
    generation: async () => generation,
    save: async (snapshot, expected) => {
      if (expected !== undefined && expected !== generation) {
        throw new StaleSnapshotError(generation);
      }
      stored = { manifest: structuredClone(snapshot.manifest), tables: new Map(snapshot.tables) };
      return ++generation;
    },
    clear: async () => {
      stored = null;
      generation++;
    },
  };
}

const DB_NAME = 'wijkradar';
const STORE = 'snapshot';

const withDatabase = <T>(work: (db: IDBDatabase) => Promise<T>) =>
  withIdbStore(DB_NAME, STORE, work);

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('Opslaan afgebroken.'));
  });
}

/** Removes one store's keys: `${prefix}manifest` and `${prefix}table:*`. */
function deleteKeys(store: IDBObjectStore, prefix: string): void {
  store.delete(`${prefix}manifest`);
  store.delete(IDBKeyRange.bound(`${prefix}table:`, `${prefix}table:\uffff`));
}

async function readGeneration(store: IDBObjectStore, prefix: string): Promise<number> {
  return ((await idbRequest(store.get(`${prefix}generation`))) as number | undefined) ?? 0;
}

/**
 * A write transaction that reports completion only once the data is on disk ('strict'):
 * the app says "opgeslagen" after it, and closing the tab then must not lose the save.
 */
function writeTransaction(db: IDBDatabase): IDBTransaction {
  return db.transaction(STORE, 'readwrite', { durability: 'strict' });
}

/** Runs `work` in a write transaction with the store's current generation; `finished`
 * settles when the transaction has been committed (or aborted). */
const writing = <T>(
  prefix: string,
  work: (
    store: IDBObjectStore,
    generation: number,
    tx: IDBTransaction,
    finished: Promise<void>,
  ) => Promise<T>,
) =>
  withDatabase(async (db) => {
    const tx = writeTransaction(db);
    const finished = done(tx);
    const store = tx.objectStore(STORE);
    return work(store, await readGeneration(store, prefix), tx, finished);
  });

/**
 * IndexedDB in the browser (survives reloads and browser restarts). `prefix` keeps several
 * snapshots apart in one database: '' is the user's own workspace, 'published:' the last
 * published dataset that loaded correctly (the fallback when a newer one is damaged).
 */
export function createIndexedDbSnapshotStore(prefix = ''): SnapshotStore {
  return {
    load: () =>
      withDatabase(async (db) => {
        const tx = db.transaction(STORE, 'readonly');
        const store = tx.objectStore(STORE);
        const manifest = (await idbRequest(store.get(`${prefix}manifest`))) as
          SnapshotManifest | undefined;
        if (!manifest) return null;
        const generation = await readGeneration(store, prefix);
        // First every Blob (IDB requests only: awaiting anything else would end the
        // transaction), then their bytes.
        const blobs: [TableName, Blob | undefined][] = [];
        for (const table of Object.keys(manifest.tables) as TableName[]) {
          blobs.push([
            table,
            (await idbRequest(store.get(`${prefix}table:${table}`))) as Blob | undefined,
          ]);
        }
        const tables = new Map<TableName, Uint8Array>();
        for (const [table, blob] of blobs) {
          if (blob) tables.set(table, new Uint8Array(await blob.arrayBuffer()));
        }
        return { manifest, tables, generation };
      }),
    generation: () =>
      withDatabase((db) =>
        readGeneration(db.transaction(STORE, 'readonly').objectStore(STORE), prefix),
      ),
    // Read and written in one read-write transaction, which IndexedDB runs alone across
    // tabs: no other tab can save between the check and the write.
    save: (snapshot, expected) =>
      writing(prefix, async (store, generation, tx, finished) => {
        if (expected !== undefined && generation !== expected) {
          tx.abort();
          await finished.catch(() => undefined);
          throw new StaleSnapshotError(generation);
        }
        deleteKeys(store, prefix);
        for (const [table, bytes] of snapshot.tables) {
          // As Blobs: Chrome refuses single values over ~127 MB, and a million records
          // are more than that; Blobs are stored as files beside the database.
          store.put(new Blob([bytes as Uint8Array<ArrayBuffer>]), `${prefix}table:${table}`);
        }
        store.put(snapshot.manifest, `${prefix}manifest`);
        store.put(generation + 1, `${prefix}generation`);
        await finished;
        return generation + 1;
      }),
    clear: () =>
      writing(prefix, async (store, generation, _tx, finished) => {
        deleteKeys(store, prefix);
        store.put(generation + 1, `${prefix}generation`);
        await finished;
      }),
  };
}
