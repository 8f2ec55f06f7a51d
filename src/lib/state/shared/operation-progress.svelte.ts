/**
 * The steps of the operation a screen runs (data/progress.ts) as reactive state: the view
 * the progress component renders, and its cancel. The pipeline gets the StepProgress.
 */
import { StepProgress, type ProgressView, type StepDef } from '$lib/data/progress';
import { testStepHold } from './step-hold';

export class OperationProgress {
  view = $state.raw<ProgressView | null>(null);
  /** Said once when a cancel comes too late (the final step runs). */
  refused = $state(false);
  #running: StepProgress | null = null;

  /** A new operation's steps; `onStep` hears each step as it starts (for the live region). */
  start(
    steps: readonly StepDef[],
    onStep: (view: ProgressView) => void = () => undefined,
    cancellable = true,
  ): StepProgress {
    let current = -1;
    const progress = new StepProgress(steps, {
      cancellable,
      hold: testStepHold,
      onChange: (view) => {
        if (this.#running !== progress) return;
        this.view = view;
        if (view.current !== current) {
          current = view.current;
          onStep(view);
        }
      },
    });
    this.#running = progress;
    this.refused = false;
    this.view = progress.view;
    return progress;
  }

  /** Cancels the running operation; refused (and said so) once its final step runs. */
  cancel(): void {
    if (this.#running && !this.#running.cancel()) this.refused = true;
  }

  /** The operation is over (done, failed or cancelled): the steps go. */
  end(progress: StepProgress): void {
    if (this.#running !== progress) return;
    this.#running = null;
    this.view = null;
    this.refused = false;
  }
}
