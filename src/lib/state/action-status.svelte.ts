/**
 * The busy flag, progress line and error of a screen's actions, shared by the Gegevens
 * models: every action marks the page not ready while it runs, and every error becomes a
 * Dutch message instead of an exception.
 */
import { tick } from 'svelte';
import { appData } from './app-data.svelte';
import { exclusive } from './db-queue';
import { errorMessage, IMPORT_MESSAGES } from './import-view';
import { readiness } from './readiness.svelte';

/**
 * Saves a change of the stored data in this browser and refreshes the views. The change
 * itself is done, so a failure to save is returned as a message, not thrown.
 */
export async function keepChange(): Promise<string | null> {
  try {
    await exclusive(() => appData.commitChange());
    return null;
  } catch (error) {
    return errorMessage(error, IMPORT_MESSAGES.NOT_KEPT);
  }
}

export class ActionStatus<Busy extends string> {
  busy = $state<Busy | null>(null);
  /** The latest progress or outcome, for a polite live region. */
  status = $state('');
  error = $state<string | null>(null);
  #generation = 0;

  /** Forgets the current action: its late outcome is ignored (a new file was chosen). */
  startOver(): void {
    this.#generation++;
    this.busy = null;
    this.status = '';
    this.error = null;
  }

  /**
   * Runs one action with `progress` shown; on failure the error's Dutch message, or
   * `failure` with the technical detail. `current()` is false once the action was overtaken.
   */
  async run(
    busy: Busy,
    progress: string,
    action: (current: () => boolean) => Promise<void>,
    failure: string,
  ): Promise<void> {
    const generation = this.#generation;
    const current = () => generation === this.#generation;
    const done = readiness.begin();
    this.busy = busy;
    this.error = null;
    this.status = progress;
    try {
      await action(current);
    } catch (error) {
      if (current()) {
        this.error = errorMessage(error, failure);
        this.status = '';
      }
    } finally {
      if (current()) this.busy = null;
      await tick();
      done();
    }
  }
}
