/**
 * The tabs of one browser share the saved workspace: every save goes through the one
 * writer (data/workspace-writer.ts: a shared lock, a generation check, a read-in of what
 * another tab saved), and after a save the other tabs hear of it on a BroadcastChannel and
 * read the new data in. Whatever is read in from another tab is said on screen.
 */
import type { Connector } from '$lib/data/connector';
import type { SnapshotStore } from '$lib/data/snapshot-store';
import {
  browserSaveLock,
  WorkspaceWriter,
  type ChangeHooks,
  type SavedChange,
} from '$lib/data/workspace-writer';
import { exclusive } from './db-queue';

const CHANNEL = 'wijkradar-data';

export const TAB_MESSAGES = {
  CAUGHT_UP_BEFORE_SAVE:
    'Een ander tabblad had intussen gegevens opgeslagen; die zijn eerst ingelezen en daarna is uw wijziging toegevoegd en opgeslagen.',
  READ_IN: 'Een ander tabblad heeft gegevens opgeslagen; die zijn hier ingelezen.',
} as const;

interface SavedMessage {
  generation: number;
}

export class TabSync {
  /** What this tab read in from another tab, for a polite status line; null when nothing. */
  notice = $state<string | null>(null);
  #writer: WorkspaceWriter;
  #channel: BroadcastChannel | null = null;

  constructor(store: SnapshotStore) {
    this.#writer = new WorkspaceWriter({ store, lock: browserSaveLock(), queue: exclusive });
  }

  /** The stored generation the tab's data came from (0: none stored at start). */
  adopt(generation: number): void {
    this.#writer.adopt(generation);
  }

  /**
   * Listens for other tabs' saves; `readIn` reads their data in and returns whether it
   * changed anything (it is called only when they saved a newer generation).
   */
  listen(readIn: () => Promise<boolean>): void {
    if (this.#channel || typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(CHANNEL);
    this.#channel.onmessage = async (event: MessageEvent<SavedMessage>) => {
      if (event.data.generation <= this.#writer.generation) return;
      if (await readIn()) this.notice = TAB_MESSAGES.READ_IN;
    };
  }

  /** Saves a change as WorkspaceWriter.commit does, then tells the other tabs. */
  async commit<T>(
    conn: Connector,
    apply: () => Promise<T>,
    hooks: ChangeHooks,
  ): Promise<SavedChange<T>> {
    const saved = await this.#writer.commit(conn, apply, hooks);
    if (saved.caughtUp) this.notice = TAB_MESSAGES.CAUGHT_UP_BEFORE_SAVE;
    if (saved.saveError === null) {
      this.#channel?.postMessage({ generation: this.#writer.generation } satisfies SavedMessage);
    }
    return saved;
  }

  /** Reads in another tab's newer save, if there is one. */
  refresh(conn: Connector, hooks: ChangeHooks): Promise<boolean> {
    return this.#writer.refresh(conn, hooks);
  }
}
