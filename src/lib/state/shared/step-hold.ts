/**
 * A seam for browser tests: `window.__wijkradarHold = { at: 'locate' }` holds the next
 * operation when it starts that step, until it is cancelled or `release()` is called. A test
 * thus cancels at a known step without racing the pipeline. Without the global nothing
 * waits; a hold is used once.
 */
import type { StepHold } from '$lib/data/progress';

interface Hold {
  at: string;
  /** Set when the step is reached: lets the operation go on. */
  release?: () => void;
  reached?: boolean;
}

export const testStepHold: StepHold = (step, signal) => {
  const hold = (globalThis as { __wijkradarHold?: Hold }).__wijkradarHold;
  if (!hold || hold.at !== step || hold.reached) return;
  return new Promise<void>((resolve) => {
    hold.release = resolve;
    hold.reached = true;
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
};
