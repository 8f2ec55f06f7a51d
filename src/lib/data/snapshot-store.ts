/**
 * Where the browser keeps the database between sessions. IndexedDB writes the manifest and
 * every table in one transaction, so a crash mid-save keeps the previous snapshot whole.
 */
import type { Snapshot, SnapshotManifest } from './snapshot';
import type { TableName } from './schema';

export interface SnapshotStore {
  load(): Promise<Snapshot | null>;
  save(snapshot: Snapshot): Promise<void>;
  clear(): Promise<void>;
}

/** In memory: for Node tests and scripts. */
export function createMemorySnapshotStore(): SnapshotStore {
  let stored: Snapshot | null = null;
  return {
    load: async () => stored,
    save: async (snapshot) => {
      stored = { manifest: structuredClone(snapshot.manifest), tables: new Map(snapshot.tables) };
    },
    clear: async () => {
      stored = null;
    },
  };
}

const DB_NAME = 'wijkradar';
const STORE = 'snapshot';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDatabase(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

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

/**
 * IndexedDB in the browser (survives reloads and browser restarts). `prefix` keeps several
 * snapshots apart in one database: '' is the user's own workspace, 'published:' the last
 * published dataset that loaded correctly (the fallback when a newer one is damaged).
 */
export function createIndexedDbSnapshotStore(prefix = ''): SnapshotStore {
  return {
    async load() {
      const db = await openDatabase();
      try {
        const tx = db.transaction(STORE, 'readonly');
        const store = tx.objectStore(STORE);
        const manifest = (await request(store.get(`${prefix}manifest`))) as
          SnapshotManifest | undefined;
        if (!manifest) return null;
        // First every Blob (IDB requests only: awaiting anything else would end the
        // transaction), then their bytes.
        const blobs: [TableName, Blob | undefined][] = [];
        for (const table of Object.keys(manifest.tables) as TableName[]) {
          blobs.push([
            table,
            (await request(store.get(`${prefix}table:${table}`))) as Blob | undefined,
          ]);
        }
        const tables = new Map<TableName, Uint8Array>();
        for (const [table, blob] of blobs) {
          if (blob) tables.set(table, new Uint8Array(await blob.arrayBuffer()));
        }
        return { manifest, tables };
      } finally {
        db.close();
      }
    },
    async save(snapshot) {
      const db = await openDatabase();
      try {
        const tx = db.transaction(STORE, 'readwrite');
        const store = tx.objectStore(STORE);
        deleteKeys(store, prefix);
        for (const [table, bytes] of snapshot.tables) {
          // As Blobs: Chrome refuses single values over ~127 MB, and a million records
          // are more than that; Blobs are stored as files beside the database.
          store.put(new Blob([bytes as Uint8Array<ArrayBuffer>]), `${prefix}table:${table}`);
        }
        store.put(snapshot.manifest, `${prefix}manifest`);
        await done(tx);
      } finally {
        db.close();
      }
    },
    async clear() {
      const db = await openDatabase();
      try {
        const tx = db.transaction(STORE, 'readwrite');
        deleteKeys(tx.objectStore(STORE), prefix);
        await done(tx);
      } finally {
        db.close();
      }
    },
  };
}
