/**
 * The steps of a long operation (an import, a restore, a publication) and its cancellation,
 * as one pure model: the pipeline reports to it (`step`, `advance`, `finish`) and checks it
 * between steps and inside long loops; the screen renders its `view` and calls `cancel`.
 *
 * Cancelling aborts `signal`; the next checkpoint throws CancelledError. Every operation
 * changes the stored data only in its final step (one transaction, then the save in the
 * browser), so a cancel before that leaves everything as it was. From the final step on
 * (`finish`, the point of no return) a cancel is refused: the step is finishing.
 */
import { UserError } from './user-error';

export interface StepDef {
  id: string;
  /** Dutch, shown and announced. */
  label: string;
  /** The point of no return: entered with `finish()`, after which cancel is refused. */
  final?: boolean;
}

export type StepState = 'klaar' | 'bezig' | 'wacht';

export interface ProgressView {
  steps: { id: string; label: string; state: StepState }[];
  /** The running step's index (-1 before the first). */
  current: number;
  /** Share of the running step done (0..1), where the step can measure it; else null. */
  fraction: number | null;
  /** Cancel was asked and will take effect at the next checkpoint. */
  cancelling: boolean;
  /** The final step runs: cancel is refused. */
  finishing: boolean;
  cancellable: boolean;
}

/** Thrown at the first checkpoint after a cancel. */
export class CancelledError extends UserError {
  constructor() {
    super('De bewerking is geannuleerd; er is niets gewijzigd.');
    this.name = 'AbortError';
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof CancelledError;
}

/**
 * Waits at the start of a step (browser tests: hold the operation at a named step, then
 * cancel or release it); resolves at once for other steps.
 */
export type StepHold = (step: string, signal: AbortSignal) => Promise<void> | void;

export interface ProgressOptions {
  onChange?: (view: ProgressView) => void;
  hold?: StepHold;
  /** False for an operation that cannot be cancelled (the app's start). */
  cancellable?: boolean;
}

export class StepProgress {
  readonly steps: readonly StepDef[];
  #controller = new AbortController();
  #options: ProgressOptions;
  #current = -1;
  #fraction: number | null = null;
  #finishing = false;

  constructor(steps: readonly StepDef[], options: ProgressOptions = {}) {
    this.steps = steps;
    this.#options = options;
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get view(): ProgressView {
    return {
      steps: this.steps.map((s, i) => ({
        id: s.id,
        label: s.label,
        state: i < this.#current ? 'klaar' : i === this.#current ? 'bezig' : 'wacht',
      })),
      current: this.#current,
      fraction: this.#fraction,
      cancelling: this.signal.aborted && !this.#finishing,
      finishing: this.#finishing,
      cancellable: this.#options.cancellable ?? true,
    };
  }

  /** Throws CancelledError when cancelled (never once the final step runs). */
  checkpoint(): void {
    if (this.signal.aborted && !this.#finishing) throw new CancelledError();
  }

  /** Enters a step (later steps may be skipped); a checkpoint before and after any hold. */
  async step(id: string): Promise<void> {
    this.checkpoint();
    const index = this.steps.findIndex((s) => s.id === id);
    if (index < 0) throw new Error(`Onbekende stap: ${id}`);
    this.#current = index;
    this.#fraction = null;
    this.#changed();
    await this.#options.hold?.(id, this.signal);
    this.checkpoint();
  }

  /** `done` of `total` of the running step; a checkpoint inside long loops. */
  advance(done: number, total: number): void {
    this.checkpoint();
    this.#fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : null;
    this.#changed();
  }

  /**
   * The point of no return: a last checkpoint, then the final step; from here on cancel is
   * refused and checkpoints pass, so the final transaction and the save always complete.
   */
  async finish(): Promise<void> {
    this.checkpoint();
    const final = this.steps.find((s) => s.final);
    if (!final) throw new Error('Geen laatste stap');
    this.#finishing = true;
    await this.step(final.id);
  }

  /** Asks the operation to stop at its next checkpoint; false when refused (finishing). */
  cancel(): boolean {
    if (this.#finishing || !(this.#options.cancellable ?? true)) return false;
    if (!this.signal.aborted) {
      // The reason is what `signal.throwIfAborted()` throws: code that checks the signal
      // itself (a loop over chunks, stage-csv.ts) stops with the same CancelledError.
      this.#controller.abort(new CancelledError());
      this.#changed();
    }
    return true;
  }

  #changed(): void {
    this.#options.onChange?.(this.view);
  }
}

/**
 * The whole operation's share done (the running step counted by its own fraction) and the
 * text a screen reader reads for it: "Stap 2 van 5: Omzetten, 40%".
 */
export function describeProgress(view: ProgressView): { percent: number; text: string } {
  const total = view.steps.length;
  const running = view.current >= 0 ? view.steps[view.current] : null;
  const within = view.fraction ?? 0;
  const percent = total ? Math.round((100 * (Math.max(0, view.current) + within)) / total) : 0;
  if (!running) return { percent: 0, text: 'Wordt voorbereid' };
  const share = view.fraction === null ? '' : `, ${Math.round(view.fraction * 100)}%`;
  return { percent, text: `Stap ${view.current + 1} van ${total}: ${running.label}${share}` };
}
