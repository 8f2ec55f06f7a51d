/**
 * One writer at a time across the browser's tabs. Each tab holds the whole database in its
 * own memory and saves all of it, so without coordination the last tab to save wins and
 * drops what the others saved in the meantime (issue 27, item 4).
 *
 * A change therefore runs under a lock the tabs share (Web Locks): first the stored
 * generation is compared with the one this tab's data came from; when another tab saved
 * since, its snapshot is read in first ("caught up"), then the change is applied on top and
 * everything is saved. The store checks the generation once more inside its write
 * transaction, so where there is no lock (Web Locks need a secure context; an intranet over
 * plain http has none) a concurrent save is detected, read in, and the change applied again.
 */
import type { Connector } from './connector';
import { restoreSnapshot, takeSnapshot, type Snapshot } from './snapshot';
import { StaleSnapshotError, type SnapshotStore } from './snapshot-store';

/** Runs `work` while holding a lock; the same lock for every tab of the app. */
export type SaveLock = <T>(work: () => Promise<T>) => Promise<T>;

export const SAVE_LOCK_NAME = 'wijkradar-save';

/** How often a change is applied again after a save raced with another tab's (no lock). */
const MAX_ATTEMPTS = 3;

/** Web Locks where the browser offers them; elsewhere the store's generation check. */
export function browserSaveLock(): SaveLock {
  return <T>(work: () => Promise<T>) =>
    typeof navigator !== 'undefined' && navigator.locks
      ? (navigator.locks.request(SAVE_LOCK_NAME, work) as Promise<T>)
      : work();
}

export interface ChangeHooks {
  /** The settings saved with the data; read after the change. */
  settings(): Record<string, unknown>;
  /** The stored snapshot replaced this tab's data: take over its settings. */
  adopted(snapshot: Snapshot): void;
}

export interface SavedChange<T> {
  value: T;
  /** Another tab had saved since this tab's data was read: that was read in first. */
  caughtUp: boolean;
  /** Why the save failed (the change is applied in this tab only), or null. */
  saveError: unknown;
}

export interface WriterOptions {
  store: SnapshotStore;
  lock: SaveLock;
  /** The tab's own queue for database work (db-queue.ts); the writer never nests it. */
  queue?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** What to do before a change, given this tab's and the store's generation. */
export function needsCatchUp(known: number, stored: number): boolean {
  return known !== stored;
}

export class WorkspaceWriter {
  #store: SnapshotStore;
  #lock: SaveLock;
  #queue: <T>(work: () => Promise<T>) => Promise<T>;
  #known = 0;

  constructor(options: WriterOptions) {
    this.#store = options.store;
    this.#lock = options.lock;
    this.#queue = options.queue ?? ((work) => work());
  }

  /** The stored generation this tab's data matches. */
  get generation(): number {
    return this.#known;
  }

  /** Records which stored generation the tab's data came from (at start). */
  adopt(generation: number): void {
    this.#known = generation;
  }

  /**
   * Applies `apply` to data that includes every other tab's saves, then saves. `apply` must
   * work from the database and settings as they are when it runs: it may run again after
   * a lost race. An error of `apply` is thrown; one of the save is returned.
   */
  commit<T>(conn: Connector, apply: () => Promise<T>, hooks: ChangeHooks): Promise<SavedChange<T>> {
    return this.#lock(() =>
      this.#queue(async () => {
        let caughtUp = await this.#catchUp(conn, hooks);
        let value = await apply();
        for (let attempt = 1; ; attempt++) {
          try {
            const snapshot = await takeSnapshot(conn, hooks.settings());
            this.#known = await this.#store.save(snapshot, this.#known);
            return { value, caughtUp, saveError: null };
          } catch (error) {
            if (!(error instanceof StaleSnapshotError) || attempt === MAX_ATTEMPTS) {
              return { value, caughtUp, saveError: error };
            }
            // Another tab saved meanwhile (no lock): its data replaces this change, which
            // is then applied again on top of it.
            if (await this.#catchUp(conn, hooks)) {
              caughtUp = true;
              value = await apply();
            }
          }
        }
      }),
    );
  }

  /** Reads in what another tab saved, if anything; true when this tab's data changed. */
  refresh(conn: Connector, hooks: ChangeHooks): Promise<boolean> {
    return this.#lock(() => this.#queue(() => this.#catchUp(conn, hooks)));
  }

  async #catchUp(conn: Connector, hooks: ChangeHooks): Promise<boolean> {
    if (!needsCatchUp(this.#known, await this.#store.generation())) return false;
    const stored = await this.#store.load();
    if (!stored) {
      // Cleared by another tab: nothing to read in; this tab's data stays as it is.
      this.#known = await this.#store.generation();
      return false;
    }
    await restoreSnapshot(conn, stored, { ownSave: true });
    hooks.adopted(stored);
    this.#known = stored.generation;
    return true;
  }
}
