/**
 * The readiness signal's "when idle" queue: the filter writes the URL only after the views
 * have drawn (state/shared/filters.svelte.ts), so bookkeeping never delays a result on screen;
 * and the own signal of a section that loads after its view (section-readiness.svelte.ts).
 */
import { describe, expect, it } from 'vitest';
import { readiness } from '../../src/lib/state/shared/readiness.svelte';
import { SectionReadiness } from '../../src/lib/state/shared/section-readiness.svelte';

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

describe('a section that loads after its view', () => {
  it('is ready when none of its work is pending, and a done counts once', () => {
    const section = new SectionReadiness();
    expect(section.ready).toBe(true);
    const held = section.begin();
    const work = section.begin();
    held();
    held(); // a second call of the same done changes nothing
    expect(section.ready).toBe(false);
    work();
    expect(section.ready).toBe(true);
  });
});
