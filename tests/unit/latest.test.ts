/**
 * The lifecycle helpers of state/shared: Latest (newest request wins, equal requests skip,
 * the readiness signal is held while computing, a failure is retried) and perDataVersion
 * (one build per data version and engine, a failed build forgotten).
 */
import { describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { Latest } from '../../src/lib/state/shared/latest';
import { perDataVersion } from '../../src/lib/state/shared/per-data-version';

function signal() {
  const s = { pending: 0, begin: () => (s.pending++, () => void s.pending--) };
  return s;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Latest', () => {
  it('applies only the newest request and holds the signal until each has finished', async () => {
    const readiness = signal();
    const latest = new Latest(readiness);
    const shown: string[] = [];
    const slow = deferred();
    const first = latest.run(
      'a',
      async (current) => {
        await slow.promise;
        if (current()) shown.push('a');
      },
      () => {},
    );
    const second = latest.run(
      'b',
      async (current) => void (current() && shown.push('b')),
      () => {},
    );
    await second;
    expect(readiness.pending).toBe(1); // the first is still running
    slow.resolve();
    await first;
    expect(shown).toEqual(['b']);
    expect(readiness.pending).toBe(0);
  });

  it('skips a request equal to the last, but retries one that failed', async () => {
    const latest = new Latest(signal());
    let runs = 0;
    const errors: string[] = [];
    const failing = async () => {
      runs++;
      throw new Error('kapot');
    };
    await latest.run({ theme: 'jeugd' }, failing, (message) => errors.push(message));
    await latest.run({ theme: 'jeugd' }, failing, (message) => errors.push(message));
    expect([runs, errors.length]).toEqual([2, 2]);
    const ok = async () => void runs++;
    await latest.run({ theme: 'afval' }, ok, () => {});
    await latest.run({ theme: 'afval' }, ok, () => {});
    expect(runs).toBe(3);
  });
});

describe('perDataVersion', () => {
  it('builds once per data version and engine, and again after a failure', async () => {
    const conn = {} as Connector;
    let builds = 0;
    let fail = true;
    const get = perDataVersion(async () => {
      builds++;
      if (fail) throw new Error('geheugen vol');
      return builds;
    });
    await expect(get(conn, 1)).rejects.toThrow('geheugen vol');
    fail = false;
    expect(await Promise.all([get(conn, 1), get(conn, 1)])).toEqual([2, 2]);
    expect(await get(conn, 2)).toBe(3);
    expect(await get({} as Connector, 2)).toBe(4); // another engine
    get.clear();
    expect(await get({} as Connector, 2)).toBe(5);
  });
});
