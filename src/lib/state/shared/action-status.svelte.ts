/**
 * The busy flag, progress line and error of a screen's actions, shared by the Gegevens
 * models: every action marks the page not ready while it runs, and every error becomes a
 * Dutch message instead of an exception.
 */
import { tick } from 'svelte';
import { describeProgress, isCancelled, type StepDef, type StepProgress } from '$lib/data/progress';
import { appData } from '../app/app-data.svelte';
import { errorMessage, IMPORT_MESSAGES } from '../import/import-view';
import { OperationProgress } from './operation-progress.svelte';
import { readiness } from './readiness.svelte';

export interface KeptChange<T> {
  value: T;
  /** Why the change is not saved (it holds in this tab until a reload), or null. */
  problem: string | null;
  /** Another tab had saved meanwhile: its data was read in before the change. */
  caughtUp: boolean;
}

/**
 * Makes a change of the stored data and saves it in this browser, after reading in what
 * other tabs saved (appData.commitChange; `apply` must not use the db-queue). An error of
 * the change is thrown; a failure to save, once the change is done, returned as a message.
 */
export async function keepChange<T>(apply: () => Promise<T>): Promise<KeptChange<T>> {
  const { value, caughtUp, saveError } = await appData.commitChange(apply);
  const problem = saveError === null ? null : errorMessage(saveError, IMPORT_MESSAGES.NOT_KEPT);
  return { value, problem, caughtUp };
}

export class ActionStatus<Busy extends string> {
  busy = $state<Busy | null>(null);
  /** The latest progress or outcome, for a polite live region. */
  status = $state('');
  error = $state<string | null>(null);
  /** The steps of the running action, where it has them (runSteps). */
  readonly progress = new OperationProgress();
  #generation = 0;

  /** Forgets the current action: its late outcome is ignored (a new file was chosen). */
  startOver(): void {
    this.#generation++;
    this.busy = null;
    this.status = '';
    this.error = null;
  }

  /**
   * Runs an action that reports its `steps` (data/progress.ts): each step is announced, and
   * Annuleren stops it at the next checkpoint with `cancelled` said instead of an error.
   */
  async runSteps(
    busy: Busy,
    steps: readonly StepDef[],
    action: (progress: StepProgress, current: () => boolean) => Promise<void>,
    messages: { failure: string; cancelled: string },
  ): Promise<void> {
    const progress = this.progress.start(steps, (view) => {
      if (view.current >= 0) this.status = `${describeProgress(view).text}…`;
    });
    try {
      await this.run(
        busy,
        `${steps[0].label}…`,
        (current) => action(progress, current),
        messages.failure,
        messages.cancelled,
      );
    } finally {
      this.progress.end(progress);
    }
  }

  /**
   * Runs one action with `progress` shown; on failure the error's Dutch message, or
   * `failure` with the technical detail; when cancelled (runSteps), `cancelled`.
   * `current()` is false once the action was overtaken.
   */
  async run(
    busy: Busy,
    progress: string,
    action: (current: () => boolean) => Promise<void>,
    failure: string,
    cancelled = failure,
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
      if (current() && isCancelled(error)) {
        this.status = cancelled;
      } else if (current()) {
        this.error = errorMessage(error, failure);
        this.status = '';
      }
    } finally {
      if (current()) this.busy = null;
      await tick();
      done();
    }
  }

  /** The outcome once a save is over: "Opgeslagen" only when the data is stored. */
  finishSave(kept: KeptChange<unknown>, outcome: string): void {
    if (kept.problem) {
      this.status = `${outcome[0].toUpperCase()}${outcome.slice(1)}; niet opgeslagen.`;
      this.error = kept.problem;
      return;
    }
    const other = kept.caughtUp ? ` ${IMPORT_MESSAGES.OTHER_TAB_KEPT}` : '';
    this.status = `Opgeslagen: ${outcome}.${other}`;
  }
}
