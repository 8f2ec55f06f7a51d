/**
 * The "rendered" signal for tests and benchmarks: `<html data-ready="true">` once the
 * page's data is loaded and its views are drawn, false while anything recomputes.
 * Views call `begin()` when work starts and the returned function when it is on screen.
 */
class Readiness {
  pending = $state(0);
  #epoch = 0;

  begin(): () => void {
    this.pending++;
    const epoch = this.#epoch;
    let finished = false;
    return () => {
      if (finished || epoch !== this.#epoch) return;
      finished = true;
      this.pending--;
    };
  }

  /**
   * Leaving a view for another one: work the old view started (a map still drawing) ends
   * with its components, so it no longer counts. Without this, moving on quickly would
   * leave the app "not ready" for good.
   */
  leaveView(): void {
    this.#epoch++;
    this.pending = 0;
  }
}

export const readiness = new Readiness();
