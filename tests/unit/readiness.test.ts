/**
 * The readiness signal's "when idle" queue: the filter writes the URL only after the views
 * have drawn (state/shared/filters.svelte.ts), so bookkeeping never delays a result on screen.
 */
import { describe, expect, it } from 'vitest';
import { readiness } from '../../src/lib/state/shared/readiness.svelte';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('readiness.whenIdle', () => {
  it('waits for the work in progress, then runs once', async () => {
    const done = readiness.begin();
    let runs = 0;
    readiness.whenIdle(() => runs++);
    await nextTask();
    expect(runs).toBe(0);
    done();
    expect(runs).toBe(0); // not in the task that finished the work
    await nextTask();
    expect(runs).toBe(1);
    done(); // a second call of the same done changes nothing
    await nextTask();
    expect(runs).toBe(1);
  });

  it('keeps waiting when new work starts before it ran', async () => {
    const first = readiness.begin();
    const order: string[] = [];
    readiness.whenIdle(() => order.push('url'));
    first();
    const second = readiness.begin();
    await nextTask();
    expect(order).toEqual([]);
    second();
    await nextTask();
    expect(order).toEqual(['url']);
  });

  it('runs at once (next task) when nothing is pending, and when the view is left', async () => {
    let runs = 0;
    readiness.whenIdle(() => runs++);
    await nextTask();
    expect(runs).toBe(1);
    readiness.begin();
    readiness.whenIdle(() => runs++);
    readiness.leaveView();
    await nextTask();
    expect(runs).toBe(2);
    expect(readiness.pending).toBe(0);
  });
});
