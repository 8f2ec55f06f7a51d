/**
 * The progress model of long operations: steps move on, a fraction is measured within a
 * step, a cancel stops at the next checkpoint, and from the final step on it is refused.
 */
import { describe, expect, it } from 'vitest';
import {
  CancelledError,
  describeProgress,
  isCancelled,
  StepProgress,
  type ProgressView,
  type StepDef,
} from '../../src/lib/data/progress';
import { IMPORT_STEPS, RESTORE_STEPS } from '../../src/lib/data/progress-steps';

const STEPS: StepDef[] = [
  { id: 'read', label: 'Bestand lezen' },
  { id: 'convert', label: 'Omzetten' },
  { id: 'save', label: 'Opslaan', final: true },
];

const states = (view: ProgressView) => view.steps.map((s) => s.state);

describe('StepProgress', () => {
  it('shows which steps are done, which runs and which wait, with the running step’s fraction', async () => {
    const seen: ProgressView[] = [];
    const progress = new StepProgress(STEPS, { onChange: (view) => seen.push(view) });
    expect(progress.view.current).toBe(-1);
    expect(states(progress.view)).toEqual(['wacht', 'wacht', 'wacht']);
    await progress.step('read');
    progress.advance(1, 4);
    expect(progress.view).toMatchObject({ current: 0, fraction: 0.25 });
    await progress.step('convert');
    expect(states(progress.view)).toEqual(['klaar', 'bezig', 'wacht']);
    // A new step starts without a measured fraction.
    expect(progress.view.fraction).toBeNull();
    expect(seen.map((v) => [v.current, v.fraction])).toEqual([
      [0, null],
      [0, 0.25],
      [1, null],
    ]);
  });

  it('describes the whole operation for the progress bar and screen readers', async () => {
    const progress = new StepProgress(STEPS);
    expect(describeProgress(progress.view)).toEqual({ percent: 0, text: 'Wordt voorbereid' });
    await progress.step('convert');
    progress.advance(1, 2);
    expect(describeProgress(progress.view)).toEqual({
      percent: 50,
      text: 'Stap 2 van 3: Omzetten, 50%',
    });
  });

  it('stops at the next checkpoint after a cancel: a step or a measured part of one', async () => {
    const progress = new StepProgress(STEPS);
    await progress.step('read');
    expect(progress.cancel()).toBe(true);
    expect(progress.signal.aborted).toBe(true);
    expect(progress.view.cancelling).toBe(true);
    expect(() => progress.advance(2, 4)).toThrow(CancelledError);
    await expect(progress.step('convert')).rejects.toBeInstanceOf(CancelledError);
    await expect(progress.finish()).rejects.toSatisfy(isCancelled);
    // Code that checks the signal itself (a loop over a file's chunks) stops the same way.
    expect(() => progress.signal.throwIfAborted()).toThrow(CancelledError);
  });

  it('stops a step held at its start when cancelled there', async () => {
    const progress: StepProgress = new StepProgress(STEPS, {
      hold: (step) => {
        if (step === 'convert') progress.cancel();
      },
    });
    await progress.step('read');
    await expect(progress.step('convert')).rejects.toBeInstanceOf(CancelledError);
  });

  it('refuses a cancel from the final step on: the save completes', async () => {
    const progress = new StepProgress(STEPS);
    await progress.step('convert');
    await progress.finish();
    expect(progress.view).toMatchObject({ current: 2, finishing: true });
    expect(progress.cancel()).toBe(false);
    expect(progress.signal.aborted).toBe(false);
    expect(() => progress.checkpoint()).not.toThrow();
  });

  it('refuses every cancel of an operation that cannot be cancelled', async () => {
    const progress = new StepProgress(STEPS, { cancellable: false });
    await progress.step('read');
    expect(progress.cancel()).toBe(false);
    expect(progress.view.cancellable).toBe(false);
    await expect(progress.step('convert')).resolves.toBeUndefined();
  });

  it('names unknown steps, and has a final step in every list that saves', async () => {
    await expect(new StepProgress(STEPS).step('elders')).rejects.toThrow('Onbekende stap');
    for (const steps of [IMPORT_STEPS, RESTORE_STEPS]) {
      expect(steps.filter((s) => s.final).map((s) => s.id)).toEqual(['save']);
      expect(steps.at(-1)?.final).toBe(true);
    }
  });
});
