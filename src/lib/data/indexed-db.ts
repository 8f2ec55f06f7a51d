/** The few IndexedDB steps the browser stores (snapshot-store.ts, briefing-notes-store.ts) share. */

/** The result of an IndexedDB request, as a promise. */
export function idbRequest<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Opens database `name` (version 1) with its one object store `store`. */
export function openIdbStore(name: string, store: string): Promise<IDBDatabase> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(store);
  return idbRequest(open);
}

/** Runs `work` on database `name` (store `store`), closing it afterwards. */
export async function withIdbStore<T>(
  name: string,
  store: string,
  work: (db: IDBDatabase) => Promise<T>,
): Promise<T> {
  const db = await openIdbStore(name, store);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}
