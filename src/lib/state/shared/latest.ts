/**
 * The lifecycle every view model repeats: compute for the newest request only, skip a
 * request equal to the last one, hold the readiness signal while computing (the e2e
 * tests' `data-ready`), and let a failed request be tried again.
 *
 *   #latest = new Latest(readiness);
 *   compute(request) {
 *     return this.#latest.run(request, async (current) => {
 *       const rows = await query();
 *       if (!current()) return; // a newer request took over
 *       this.rows = rows;
 *     }, (message) => (this.error = message));
 *   }
 */
import { errorText } from '$lib/data/engine-errors';

export interface ReadinessBegin {
  begin(): () => void;
}

export class Latest {
  #key: string | null = null;
  readonly #readiness: ReadinessBegin;

  constructor(readiness: ReadinessBegin) {
    this.#readiness = readiness;
  }

  /**
   * Runs `work` for `key` (compared as JSON) unless it is the key last run; `current()`
   * tells whether it is still the newest. An error of the newest run goes to `fail`, in
   * Dutch (`describe`), and the same key runs again next time.
   */
  async run(
    key: unknown,
    work: (current: () => boolean) => Promise<void>,
    fail: (message: string) => void,
    describe: (error: unknown) => string = errorText,
  ): Promise<void> {
    const text = JSON.stringify(key);
    if (text === this.#key) return;
    this.#key = text;
    const done = this.#readiness.begin();
    const current = () => this.#key === text;
    try {
      await work(current);
    } catch (error) {
      if (!current()) return; // superseded by a newer request
      this.#key = null;
      fail(describe(error));
    } finally {
      done();
    }
  }

  /** The next request runs even if it equals the last one. */
  forget(): void {
    this.#key = null;
  }
}

/** Records a benchmark measure from `start` to now (or to `end`), under `name`. */
export function measureSince(name: string, start: number, end = performance.now()): number {
  performance.measure(name, { start, end });
  return end;
}
