/**
 * The tabs of one browser share the saved workspace: every save goes through the one
 * writer (data/workspace-writer.ts: a shared lock, a generation check, a read-in of what
 * another tab saved), and after a save the other tabs hear of it on a BroadcastChannel and
 * read the new data in. Whatever is read in from another tab is said on screen.
 */
import type { Connector } from '$lib/data/connector';
import { errorReason } from '$lib/data/engine-errors';
import type { SnapshotStore } from '$lib/data/snapshot-store';
import {
  browserSaveLock,
  WorkspaceWriter,
  type ChangeHooks,
  type SavedChange,
} from '$lib/data/workspace-writer';
import { exclusive } from '../shared/db-queue';
import { readiness } from '../shared/readiness.svelte';

const CHANNEL = 'wijkradar-data';

export const TAB_MESSAGES = {
  CAUGHT_UP_BEFORE_SAVE:
    'Een ander tabblad had intussen gegevens opgeslagen; die zijn eerst ingelezen en daarna is uw wijziging toegevoegd en opgeslagen.',
  READ_IN: 'Een ander tabblad heeft gegevens opgeslagen; die zijn hier ingelezen.',
  READ_IN_FAILED: 'De gegevens die een ander tabblad opsloeg, konden hier niet worden ingelezen.',
} as const;

interface SavedMessage {
  generation: number;
}

export interface TabHooks extends ChangeHooks {
  /** The tab's database (started). */
  connector(): Connector;
  /** After the data changed (a save or a read-in): refresh the overview and the views. */
  changed(): Promise<void>;
}

export class TabSync {
  /** What this tab read in from another tab, for a status line; null when nothing. */
  notice = $state<string | null>(null);
  #writer: WorkspaceWriter;
  #hooks: TabHooks;
  #channel: BroadcastChannel | null = null;
  #ready = false;
  #heard = false;

  constructor(store: SnapshotStore, hooks: TabHooks) {
    this.#writer = new WorkspaceWriter({ store, lock: browserSaveLock(), queue: exclusive });
    this.#hooks = hooks;
  }

  /** Listens for other tabs' saves from the start on; they are read in once `ready`. */
  listen(): void {
    if (this.#channel || typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(CHANNEL);
    this.#channel.onmessage = (event: MessageEvent<SavedMessage>) => {
      if (event.data.generation <= this.#writer.generation) return;
      if (this.#ready) void this.#readIn();
      else this.#heard = true;
    };
  }

  /**
   * The tab's data is loaded, from the stored `generation` (0: none stored at start). A
   * save another tab made while this one started is read in now.
   */
  ready(generation: number): void {
    this.#writer.adopt(generation);
    this.#ready = true;
    if (this.#heard) void this.#readIn();
  }

  /** Saves a change as WorkspaceWriter.commit does, then tells the other tabs. */
  async commit<T>(apply: () => Promise<T>): Promise<SavedChange<T>> {
    try {
      const saved = await this.#writer.commit(this.#hooks.connector(), apply, this.#hooks);
      if (saved.caughtUp) this.notice = TAB_MESSAGES.CAUGHT_UP_BEFORE_SAVE;
      if (saved.saveError === null) {
        this.#channel?.postMessage({ generation: this.#writer.generation } satisfies SavedMessage);
      }
      return saved;
    } finally {
      await this.#hooks.changed();
    }
  }

  /** Another tab saved: its data replaces this tab's (every change here is saved). */
  async #readIn(): Promise<void> {
    this.#heard = false;
    const done = readiness.begin();
    try {
      if (!(await this.#writer.refresh(this.#hooks.connector(), this.#hooks))) return;
      await this.#hooks.changed();
      this.notice = TAB_MESSAGES.READ_IN;
    } catch (error) {
      this.notice = `${TAB_MESSAGES.READ_IN_FAILED} ${errorReason(error)}`;
    } finally {
      done();
    }
  }
}
