/**
 * The "rendered" signal for tests and benchmarks: `<html data-ready="true">` once the
 * page's data is loaded and its views are drawn, false while anything recomputes.
 * Views call `begin()` when work starts and the returned function when it is on screen.
 * A section that loads after its view (below the fold) has its own signal instead
 * (section-readiness.svelte.ts).
 */
import { untrack } from 'svelte';

class Readiness {
  pending = $state(0);
  #epoch = 0;
  #whenIdle: (() => void)[] = [];

  begin(): () => void {
    this.pending++;
    const epoch = this.#epoch;
    let finished = false;
    return () => {
      if (finished || epoch !== this.#epoch) return;
      finished = true;
      this.pending--;
      if (this.pending === 0) this.#flushIdle();
    };
  }

  /**
   * Runs `work` once nothing is being computed or drawn, after the frame that shows the
   * result (bookkeeping such as writing the URL should not delay what the user waits for).
   */
  whenIdle(work: () => void): void {
    this.#whenIdle.push(work);
    if (this.pending === 0) this.#flushIdle();
  }

  #flushIdle(): void {
    if (this.#whenIdle.length === 0) return; // the common case: nothing waits
    const after = () => {
      if (this.pending > 0) return; // new work began; done() flushes again
      const waiting = this.#whenIdle.splice(0);
      for (const work of waiting) work();
    };
    // After the next frame was drawn; a hidden tab draws no frames, so there a timer alone.
    if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') {
      requestAnimationFrame(() => setTimeout(after, 0));
    } else {
      setTimeout(after, 0);
    }
  }

  /**
   * Leaving a view for another one: work the old view started (a map still drawing) ends
   * with its components, so it no longer counts. Without this, moving on quickly would
   * leave the app "not ready" for good.
   */
  leaveView(): void {
    this.#epoch++;
    this.pending = 0;
    this.#flushIdle();
  }
}

export const readiness = new Readiness();

/**
 * A view is not ready before its first picture: holds the signal from now until `drawn()`
 * is true (call during component initialisation; the $effect follows `drawn`).
 */
export function holdUntil(signal: Pick<Readiness, 'begin'>, drawn: () => boolean): void {
  let pending: (() => void) | null = signal.begin();
  $effect(() => {
    if (pending && drawn()) {
      pending();
      pending = null;
    }
  });
}

/**
 * A map view is not ready until the map has drawn its current layers: holds the signal
 * from now, and again whenever `layers()` changes once the map `canDraw()`, until the
 * returned function is called (the map's "rendered" event) or the view `failed()`.
 * Call during component initialisation.
 */
export function holdWhileDrawing(
  signal: Pick<Readiness, 'begin'>,
  watch: { layers: () => unknown; canDraw: () => boolean; failed: () => boolean },
): () => void {
  let pending: (() => void) | null = signal.begin();
  const drawn = () => {
    pending?.();
    pending = null;
  };
  $effect(() => {
    if (watch.failed()) drawn();
  });
  $effect(() => {
    void watch.layers();
    untrack(() => {
      if (!pending && watch.canDraw()) pending = signal.begin();
    });
  });
  return drawn;
}
