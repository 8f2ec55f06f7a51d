/**
 * What the coordinator prepares for one briefing (free notes, chosen focus themes), kept in
 * this browser per date and dagdeel so it survives reloads. A small IndexedDB database of
 * its own: the workspace snapshot (snapshot-store.ts) rewrites every table on save, far too
 * heavy for text typed a few keys at a time.
 */
import { idbRequest, withIdbStore } from './indexed-db';

export interface BriefingPrep {
  notes: string;
  focusThemes: string[];
  savedAt: string;
}

export interface BriefingPrepStore {
  load(key: string): Promise<BriefingPrep | null>;
  save(key: string, prep: BriefingPrep): Promise<void>;
}

/** The key of one briefing: date and dagdeel id. */
export function briefingKey(date: string, dagdeelId: string): string {
  return `${date}|${dagdeelId}`;
}

/** Tolerates older or foreign shapes. */
export function readBriefingPrep(raw: unknown): BriefingPrep | null {
  if (!raw || typeof raw !== 'object') return null;
  const value = raw as Record<string, unknown>;
  return {
    notes: typeof value.notes === 'string' ? value.notes : '',
    focusThemes: Array.isArray(value.focusThemes)
      ? value.focusThemes.filter((t): t is string => typeof t === 'string')
      : [],
    savedAt: typeof value.savedAt === 'string' ? value.savedAt : '',
  };
}

export function createMemoryBriefingPrepStore(): BriefingPrepStore {
  const stored = new Map<string, BriefingPrep>();
  return {
    load: async (key) => structuredClone(stored.get(key) ?? null),
    save: async (key, prep) => void stored.set(key, structuredClone(prep)),
  };
}

const DB_NAME = 'wijkradar-briefing';
const STORE = 'prep';

const withDatabase = <T>(work: (db: IDBDatabase) => Promise<T>) =>
  withIdbStore(DB_NAME, STORE, work);

export function createIndexedDbBriefingPrepStore(): BriefingPrepStore {
  return {
    load: (key) =>
      withDatabase(async (db) => {
        const tx = db.transaction(STORE, 'readonly');
        return readBriefingPrep(await idbRequest(tx.objectStore(STORE).get(key)));
      }),
    save: (key, prep) =>
      withDatabase(async (db) => {
        const tx = db.transaction(STORE, 'readwrite');
        await idbRequest(tx.objectStore(STORE).put(prep, key));
      }),
  };
}
